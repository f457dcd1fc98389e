using Briefingbot.EndToEnd.Tests.Browser;
using Briefingbot.EndToEnd.Tests.Chat;
using Briefingbot.EndToEnd.Tests.Playground;
using static Briefingbot.EndToEnd.Tests.Playground.PlaygroundIdentities;

namespace Briefingbot.EndToEnd.Tests.Briefings;

/// <summary>
/// Issue 6's acceptance in the Agents Playground: an admin adds a topic, a team channel subscribes, and the briefing
/// as of 24 November 2025 shows the Council meetings ahead and open promises; a non-admin cannot add topics.
/// </summary>
[Collection(PlaygroundCollection.Name)]
public sealed class BriefingTests(PlaygroundFixture fixture)
{
    [Fact]
    public async Task Admin_adds_a_topic_a_channel_subscribes_and_the_briefing_per_26_november_2025_shows_meetings_and_promises()
    {
        const string topic = "defensie-eu";
        var added = await fixture.Client.AskAsync(PersonalChatId, $"onderwerp toevoegen {topic} \"defensie OR NAVO OR Witboek\"");
        Assert.Contains(topic, added.VisibleText);
        Assert.DoesNotContain("Alleen beheerders", added.VisibleText);

        var subscribed = await fixture.Client.AskAsync(EuChannelId, $"abonneer {topic}", mentionBot: true);
        Assert.Contains("geabonneerd", subscribed.VisibleText, StringComparison.OrdinalIgnoreCase);

        // A new post in the same channel (a new thread in Teams) sees the channel's subscription.
        var settings = await fixture.Client.AskAsync(EuChannelId, "abonnement", mentionBot: true);
        Assert.Contains(topic, settings.VisibleText);

        var briefing = await fixture.Client.AskAsync(EuChannelId, "briefing --per 2025-11-26", mentionBot: true);
        var text = briefing.VisibleText;
        Assert.Contains("RBZ Defensie", text);
        Assert.Contains("1 december", text);
        Assert.Contains("Ecofin", text);
        Assert.Contains("Europese Raad", text);
        // The section title is always there: the section must list at least one promise, not the empty-state note.
        var promises = text.IndexOf("Openstaande toezeggingen", StringComparison.Ordinal);
        // The new-letters section ("Nieuw in je dossiers") follows when there are new letters; the seeds are back catalogue.
        var letters = text.IndexOf("Nieuw in je dossiers", StringComparison.Ordinal) is var l and >= 0 ? l : text.Length;
        Assert.True(promises >= 0 && letters > promises, $"No promises section before the letters section:\n{text}");
        var section = text[promises..letters];
        Assert.DoesNotContain("Geen openstaande toezeggingen", section, StringComparison.Ordinal);
        Assert.True(new[] { "Termijn verstreken", "Uiterlijk", "Geen termijn", "Geen datum" }.Any(w => section.Contains(w, StringComparison.Ordinal)),
            $"No promise with its term listed:\n{section}");
        Assert.DoesNotContain("${", briefing.CardJson);
    }

    [Fact]
    public async Task A_non_admin_who_adds_a_topic_is_refused_and_nothing_changes()
    {
        const string topic = "niet-toegestaan";
        var refused = await fixture.Client.AskAsAsync(NonAdminUserId, NonAdminName, NonAdminAadObjectId, PersonalChatId,
            $"onderwerp toevoegen {topic} \"drones\"");
        Assert.Contains("Alleen beheerders", refused.VisibleText);

        var topics = await fixture.Client.AskAsync(PersonalChatId, "onderwerpen");
        Assert.DoesNotContain(topic, topics.VisibleText);
    }

    [Fact]
    public async Task Briefing_card_renders_in_the_web_UI()
    {
        await using var browser = await PlaygroundBrowser.OpenAsync(fixture.PlaygroundUrl, "Personal Chat", "briefing");

        var briefing = await browser.SendAsync("briefing --per 2025-11-26", "RBZ Defensie");
        await SearchUiTests.CheckAsync(browser, briefing, "briefing-per-2025-11-26.png");
        Assert.Contains("Europese Raad", briefing.Text);
    }
}
