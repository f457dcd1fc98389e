using Briefingbot.Registers;
using Briefingbot.Tests.Administration.Fakes;
using Microsoft.Extensions.DependencyInjection;
using static Briefingbot.Tests.Administration.Fakes.CommandHarness;

namespace Briefingbot.Tests.Registers;

/// <summary>Issue 14 item 10: <c>toezeggingen drones</c> lists promises about drones, each promise's text once.</summary>
public class PromiseSubjectTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private static async Task<CommandHarness> SeededAsync()
    {
        var bot = new CommandHarness(Now);
        await RegisterSeed.IngestAsync(bot);
        // A letter that mentions drones, with one promise about drones and one about something else.
        var letter = FakeLetterSearch.MakeLetter("005_drones", "Drones en luchtverdediging; ook de begroting", new DateOnly(2025, 10, 1), "Brief over drones");
        bot.Search.Letters.Add(letter);
        var observer = bot.Services.GetServices<Briefingbot.Dossiers.Ingest.ILetterIngestObserver>().OfType<RegisterIngestObserver>().Single();
        await observer.OnLetterIngestedAsync(letter,
            [
                RegisterSeed.Promise("005_drones", "Het kabinet informeert de Kamer voor de zomer over de aanschaf van counter-drone systemen.", "Kamer informeren over counter-drone systemen", "voor de zomer", new DateOnly(2026, 7, 1), 100),
                RegisterSeed.Promise("005_drones", "De minister stuurt de Kamer voor het einde van het jaar de suppletoire begroting.", "De minister stuurt de Kamer voor het einde van het jaar de suppletoire begroting.", "voor het einde van het jaar", new DateOnly(2026, 12, 31), 900),
            ],
            [], CancellationToken.None);
        return bot;
    }

    [Fact]
    public async Task Promises_about_drones_are_those_whose_own_text_names_drones()
    {
        await using var bot = await SeededAsync();

        var text = Reply(await bot.SendAsync("toezeggingen drones", Bob));

        Assert.Contains("counter-drone systemen", text);
        Assert.DoesNotContain("suppletoire begroting", text);
        // The RBZ agenda letter mentions drones, but its promise is about the Council's outcome.
        Assert.DoesNotContain("verslag RBZ Defensie", text);
    }

    [Fact]
    public async Task Each_promise_text_is_shown_once_on_the_card()
    {
        await using var bot = await SeededAsync();

        await bot.SendAsync("toezeggingen alle", Bob, supportsCards: true);

        var (_, data) = Assert.Single(bot.Cards.Rendered);
        var items = data["groups"]!.AsArray().SelectMany(g => g!["items"]!.AsArray()).ToList();
        var same = items.Single(i => ((string?)i!["what"])!.Contains("suppletoire", StringComparison.Ordinal))!;
        Assert.False((bool)same["hasSentence"]!);
        Assert.Equal("", (string?)same["sentence"]);
        var different = items.Single(i => ((string?)i!["what"])!.Contains("counter-drone", StringComparison.Ordinal))!;
        Assert.True((bool)different["hasSentence"]!);
    }
}
