using System.Globalization;
using Briefingbot.EndToEnd.Tests.Browser;
using Briefingbot.EndToEnd.Tests.Chat;
using Briefingbot.EndToEnd.Tests.Playground;
using static Briefingbot.EndToEnd.Tests.Playground.PlaygroundIdentities;

namespace Briefingbot.EndToEnd.Tests.Sources;

/// <summary>
/// Issue 18's acceptance in the Agents Playground with the replay server as the live source: a channel subscribed
/// with <c>abonneer direct</c> gets an alert card for a new letter on its topic that appears in the feed, and its
/// briefing shows the upcoming committee debates (Activiteiten) and the official register promises (Toezeggingen).
/// </summary>
[Collection(LiveSourceCollection.Name)]
public sealed class LiveSourceTests(LiveSourceFixture fixture)
{
    private static readonly TimeSpan AlertTimeout = TimeSpan.FromMinutes(3);
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    [Fact]
    public async Task A_new_letter_on_a_subscribed_topic_arrives_as_an_alert_card_and_the_briefing_shows_real_meetings_and_register_promises()
    {
        var client = fixture.Playground.Client;
        await WaitForFirstSyncAsync(client);

        const string topic = "oekraine";
        var added = await client.AskAsync(PersonalChatId, $"onderwerp toevoegen {topic} \"Oekraïne\"");
        Assert.Contains(topic, added.VisibleText);
        var subscribed = await client.AskAsync(EuChannelId, $"abonneer {topic}", mentionBot: true);
        Assert.Contains("geabonneerd", subscribed.VisibleText, StringComparison.OrdinalIgnoreCase);
        var direct = await client.AskAsync(EuChannelId, "abonneer direct", mentionBot: true);
        Assert.Contains("Directe meldingen staan aan", direct.VisibleText);

        await using var browser = await PlaygroundBrowser.OpenAsync(fixture.Playground.PlaygroundUrl, $"{TeamName} - {EuChannelName}", "live-source");

        // A new letter on the topic appears in the feed; `sync` on the command line is the trigger.
        const string title = "Levering van een tweede Patriot-systeem aan Oekraïne";
        var date = LiveSourceFixture.Anchor;
        var mark = client.Stream.Mark();
        fixture.Replay.Corpus.AppendLetter(title,
            "Geachte voorzitter,\n\nHierbij informeer ik uw Kamer over de levering van een tweede Patriot-systeem aan Oekraïne. " +
            "Het systeem wordt in januari 2027 geleverd, samen met Duitsland.\n\n" +
            "Ik zal uw Kamer voor 1 maart 2027 informeren over de stand van de levering.\n\nDe Minister van Defensie,\n\nR.P. Brekelmans\n",
            date, TimeProvider.System.GetUtcNow());
        var synced = await fixture.SyncNowAsync();
        Assert.Contains("Done", synced);

        var alert = await client.Stream.WaitForAsync(mark, m => m.IsFromBot && m.Card is not null && m.VisibleText.Contains(title, StringComparison.Ordinal),
            AlertTimeout, "alert card for the new letter");
        Assert.StartsWith(EuChannelId, alert.ConversationId, StringComparison.Ordinal);
        var text = alert.VisibleText;
        Assert.Contains("Nieuw in je dossiers · onderwerp: " + topic, text);
        Assert.Contains(date.ToString("d MMMM yyyy", Dutch), text);
        Assert.Contains("Brief regering", text);
        Assert.Contains("Patriot-systeem", text[(text.IndexOf(title, StringComparison.Ordinal) + title.Length)..]); // the best passage, below the title
        var link = Assert.Single(BotAnswer.From(alert).Actions, a => a.Title == "Lees de brief");
        Assert.Equal("Action.OpenUrl", link.Type);
        Assert.Matches(@"/kst-21501-28-\d+\.html$", link.Action.GetProperty("url").GetString());

        var rendered = await browser.WaitForCardAsync(title, AlertTimeout);
        await SearchUiTests.CheckAsync(browser, rendered, "letter-alert-live-source.png");
        var inspection = await browser.InspectAsync(rendered);
        Assert.Contains("Lees de brief", inspection.Text);
        Assert.Contains("Patriot-systeem", inspection.Text);

        // The briefing: the committee debates ahead from the feed's Activiteiten, the register's promises on the topic.
        var briefing = await client.AskAsync(EuChannelId, "briefing", mentionBot: true);
        var all = briefing.VisibleText;
        var debate = LiveSourceFixture.Anchor.AddDays(7);
        Assert.Contains("Raad Buitenlandse Zaken Defensie", all);
        Assert.Contains(debate.ToString("d MMMM", Dutch), all);
        Assert.Contains("Toezeggingenregister Tweede Kamer", all);
        Assert.Contains("luchtverdedigingssystemen", all);
        Assert.Contains(title, all); // "Nieuw in je dossiers"
        Assert.DoesNotContain("${", briefing.CardJson);

        // One alert per letter per channel: the rounds since (every 5 s) sent nothing again.
        Assert.Single(client.Stream.Snapshot().Skip(mark), m => m.IsFromBot && m.Action == "createMessage"
            && m.Card is { } card && CardText.Of(card).Any(t => t.Contains("Nieuw in je dossiers · onderwerp", StringComparison.Ordinal))
            && m.VisibleText.Contains(title, StringComparison.Ordinal));
    }

    /// <summary>Asks <c>bronnen status</c> (bounded, once a second) until the start-up sync has finished.</summary>
    private static async Task WaitForFirstSyncAsync(PlaygroundClient client)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        using var tick = new PeriodicTimer(TimeSpan.FromSeconds(1));
        string last = "";
        while (true)
        {
            var status = await client.AskAsync(PersonalChatId, "bronnen status");
            last = status.VisibleText;
            Assert.DoesNotContain("staat **uit**", last);
            if (last.Contains("· geslaagd", StringComparison.Ordinal))
            {
                Assert.Contains("Toezeggingen uit het register: 3", last);
                return;
            }
            Assert.DoesNotContain("· mislukt", last);
            try
            {
                await tick.WaitForNextTickAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("The start-up sync did not finish within 2 minutes. Last status:\n" + last);
            }
        }
    }
}
