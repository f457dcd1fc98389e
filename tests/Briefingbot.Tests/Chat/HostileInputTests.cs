using System.Text.Json;
using Briefingbot.Protocol.Schema;
using Briefingbot.Tests.Chat.Fakes;

namespace Briefingbot.Tests.Chat;

/// <summary>200 hostile inputs through the bot's handler path on the real seed index: every one gets a polite answer.</summary>
public sealed class HostileInputTests(SeedIndex seeds) : IClassFixture<SeedIndex>
{
    [Fact]
    public async Task Every_hostile_input_gets_a_polite_card_or_text_and_never_an_exception()
    {
        using var host = new ChatTestHost(seeds.Search);
        var inputs = HostileInputs.All();
        Assert.Equal(200, inputs.Count);

        int n = 0;
        foreach (var input in inputs)
        {
            var activity = input.Kind switch
            {
                HostileInputs.Kind.Text => FakeTurnContext.Message(input.Payload, conversationId: "c" + n),
                HostileInputs.Kind.Submit => FakeTurnContext.Submit(input.Payload),
                _ => FakeTurnContext.Invoke("adaptiveCard/action", input.Payload),
            };
            n++;
            var turn = await host.TurnAsync(activity);

            if (input.Kind == HostileInputs.Kind.Execute)
            {
                var card = BriefingBotTests.InvokeCard(turn);
                AssertPolite(card.GetRawText(), n);
            }
            else
            {
                var message = Assert.Single(turn.Sent, a => a.Type == ActivityTypes.Message);
                var payload = message.Attachments is { Count: > 0 } a ? a[0].Content!.Value.GetRawText() : message.Text;
                Assert.False(string.IsNullOrWhiteSpace(payload), $"input {n}: empty answer");
                AssertPolite(payload!, n);
                Assert.True(System.Text.Encoding.UTF8.GetByteCount(payload!) <= 28 * 1024, $"input {n}: answer too large");
            }
        }
    }

    private static void AssertPolite(string payload, int n)
    {
        // The apology is polite too, but it means a handler failed: hostile input must be handled, not survived.
        Assert.False(payload.Contains("Exception", StringComparison.Ordinal) || payload.Contains("   at ", StringComparison.Ordinal)
            || payload.Contains("Er ging iets mis", StringComparison.Ordinal),
            $"input {n} ({Describe(HostileInputs.All()[n - 1])}): {payload[..Math.Min(300, payload.Length)]}");
    }

    private static string Describe(HostileInputs.Input input) =>
        input.Kind + " " + (input.Payload.Length > 80 ? input.Payload[..80] + "…" : input.Payload);
}
