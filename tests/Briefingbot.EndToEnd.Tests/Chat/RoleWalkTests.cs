using System.Text.RegularExpressions;
using Briefingbot.EndToEnd.Tests.Browser;
using Briefingbot.EndToEnd.Tests.Playground;
using static Briefingbot.EndToEnd.Tests.Playground.PlaygroundIdentities;

namespace Briefingbot.EndToEnd.Tests.Chat;

/// <summary>
/// Issue 14's acceptance walk: the three roles through the Agents Playground, checking the card texts at each step,
/// then the same cards rendered in the Playground's web UI (headless Chromium) with a screenshot of each in
/// artifacts/screenshots/walk-*.png. The MP is Megan Bowen and the staff member Adele Vance (neither an admin, both
/// speaking through the Playground's custom-activity route); the admin is Alex Wilber, the Playground's current
/// user, configured in Administration:Admins.
/// </summary>
[Collection(PlaygroundCollection.Name)]
public sealed partial class RoleWalkTests(PlaygroundFixture fixture)
{
    private const string WalkTopic = "walk-drones";

    private readonly List<string> _cardTexts = [];

    [Fact]
    public async Task Mp_staff_and_admin_walk_through_search_briefing_and_administration_with_names_and_absolute_links()
    {
        var client = fixture.Client;

        // ---- MP: search → meer → toon brief → meer zoals dit; admin commands are refused ---------------------
        var results = Seen(await client.AskAsAsync(NonAdminUserId, NonAdminName, NonAdminAadObjectId, PersonalChatId, "drones"));
        Assert.Contains("Resultaten voor ‘drones’", results.VisibleText);
        var pages = PageOf().Match(results.VisibleText);
        Assert.True(pages.Success && pages.Groups[1].Value == "1", $"No \"pagina 1 van N\":\n{results}");
        var pageCount = pages.Groups[2].Value;
        var firstHits = SearchCard.Hits(results.Card!.Value);
        Assert.NotEmpty(firstHits);

        var more = Seen(await client.PressAsAsync(NonAdminUserId, NonAdminName, NonAdminAadObjectId, results.Message!, SearchCard.MoreResults));
        // Item 1: the page count stays the same from page to page.
        Assert.Contains($"pagina 2 van {pageCount}", more.VisibleText);
        var moreHits = SearchCard.Hits(more.Card!.Value);
        Assert.NotEmpty(moreHits);
        Assert.True(!moreHits.Select(h => string.Join('\n', h)).Intersect(firstHits.Select(h => string.Join('\n', h))).Any(),
            $"Page 2 repeats a hit of page 1:\n{results}\n----\n{more}");

        var letter = Seen(await client.PressAsAsync(NonAdminUserId, NonAdminName, NonAdminAadObjectId, results.Message!, SearchCard.ShowLetter));
        Assert.Contains(firstHits[0][0], letter.VisibleText);
        Assert.Contains(letter.Actions, a => a.Title == "Meer zoals dit");

        var similar = Seen(await client.PressAsAsync(NonAdminUserId, NonAdminName, NonAdminAadObjectId, letter.Message!, "Meer zoals dit"));
        // Item 2: related letters, never "Niets gevonden".
        Assert.Contains("Brieven zoals", similar.VisibleText);
        Assert.DoesNotContain("Niets gevonden", similar.VisibleText);
        Assert.NotEmpty(SearchCard.Hits(similar.Card!.Value));

        var mpRefused = Seen(await client.AskAsAsync(NonAdminUserId, NonAdminName, NonAdminAadObjectId, PersonalChatId,
            $"onderwerp toevoegen mp-{WalkTopic} \"drones\""));
        Assert.Contains("Alleen beheerders", mpRefused.VisibleText);
        // Item 14: no operator advice and no "Er is niets gewijzigd" in a refusal.
        Assert.DoesNotContain(":Admins", mpRefused.VisibleText);

        // ---- staff member: abonneer → briefing → vergaderingen --------------------------------------------------
        var subscribed = Seen(await client.AskAsAsync(StaffUserId, StaffName, StaffAadObjectId, PersonalChatId, "abonneer"));
        Assert.Contains("geabonneerd op de weekbriefing", subscribed.VisibleText);

        var briefing = Seen(await client.AskAsAsync(StaffUserId, StaffName, StaffAadObjectId, PersonalChatId, "briefing --per 2025-11-26"));
        Assert.Contains("RBZ Defensie", briefing.VisibleText);
        Assert.Contains("1 december", briefing.VisibleText);
        Assert.Contains("Openstaande toezeggingen", briefing.VisibleText);

        var meetings = Seen(await client.AskAsAsync(StaffUserId, StaffName, StaffAadObjectId, PersonalChatId, "vergaderingen --per 2025-11-26"));
        Assert.Contains("RBZ Defensie", meetings.VisibleText);
        Assert.Contains("Ecofin", meetings.VisibleText);
        // Item 12: the feed is this bot's absolute URL (the endpoint the Playground reached), and it serves the feed.
        var feedUrl = $"http://127.0.0.1:{fixture.BotPort}/calendar.ics";
        Assert.Contains($"[{feedUrl}]({feedUrl})", meetings.VisibleText);
        Assert.DoesNotContain($"localhost:{client.Port}/calendar.ics", meetings.VisibleText);
        using (var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) })
        {
            Assert.StartsWith("BEGIN:VCALENDAR", await http.GetStringAsync(new Uri(feedUrl)), StringComparison.Ordinal);
        }

        var promises = Seen(await client.AskAsync(PersonalChatId, "toezeggingen"));
        var number = PromiseNumber().Match(promises.VisibleText) is { Success: true } m ? m.Groups[1].Value
            : throw new InvalidOperationException($"No promise number in:\n{promises}");
        var staffRefused = Seen(await client.AskAsAsync(StaffUserId, StaffName, StaffAadObjectId, PersonalChatId, $"toezegging {number} voldaan"));
        Assert.Contains("Alleen beheerders", staffRefused.VisibleText);

        // ---- admin: onderwerp, vergadering, toezegging voldaan; names, not ids -----------------------------------
        var topic = Seen(await client.AskAsync(PersonalChatId, $"onderwerp toevoegen {WalkTopic} \"drones OR counter-drone\""));
        Assert.Contains(WalkTopic, topic.VisibleText);
        Assert.DoesNotContain("Alleen beheerders", topic.VisibleText);

        var meeting = Seen(await client.AskAsync(PersonalChatId, "vergadering toevoegen 2026-12-14 RBZ Defensie Brussel"));
        Assert.Contains("staat in het register", meeting.VisibleText);
        Assert.Contains("14 december 2026", meeting.VisibleText);

        var fulfilled = Seen(await client.AskAsync(PersonalChatId, $"toezegging {number} voldaan https://zoek.officielebekendmakingen.nl/kst-21501-28-300.html"));
        Assert.Contains("staat nu op **voldaan**", fulfilled.VisibleText);

        var history = Seen(await client.AskAsync(PersonalChatId, $"toezegging {number}"));
        // Item 13: the history names the admin, the id only shortened beside it.
        Assert.Contains("voldaan door Alex Wilber (00000000-…-0020)", history.VisibleText);
        Assert.DoesNotContain(AdminAadObjectId, history.VisibleText);

        var admins = Seen(await client.AskAsync(PersonalChatId, "beheerders"));
        var adminTexts = CardText.Of(admins.Card!.Value);
        Assert.Contains(AdminName, adminTexts);
        Assert.Contains($"configuratie · id {AdminAadObjectId}", adminTexts);
        Assert.DoesNotContain(adminTexts, t => t.StartsWith(AdminAadObjectId, StringComparison.Ordinal));

        var audit = Seen(await client.AskAsync(PersonalChatId, "audit"));
        Assert.Contains($"{AdminName}", audit.VisibleText);
        Assert.Contains($"toezegging {number}: open → voldaan", audit.VisibleText);

        // Item 5: no card of the walk carries a backslash escape the Teams Markdown subset does not need.
        var needless = _cardTexts.SelectMany(t => NeedlessEscape().Matches(t).Select(x => x.Value)).ToList();
        Assert.True(needless.Count == 0, "Needless escapes: " + string.Join(" | ", needless.Take(20)));
        Assert.DoesNotContain(_cardTexts, t => t.Contains("${", StringComparison.Ordinal));

        // ---- the same cards rendered in the web UI, with screenshots ---------------------------------------------
        await using var browser = await PlaygroundBrowser.OpenAsync(fixture.PlaygroundUrl, "Personal Chat", "walk");
        var shownResults = await browser.SendAsync("drones", SearchCard.ShowLetter);
        await SearchUiTests.CheckAsync(browser, shownResults, "walk-mp-1-search.png");
        var shownMore = await browser.ClickAsync(shownResults, SearchCard.MoreResults, $"pagina 2 van {pageCount}");
        await SearchUiTests.CheckAsync(browser, shownMore, "walk-mp-2-meer.png");
        var shownLetter = await browser.ClickAsync(shownResults, SearchCard.ShowLetter, "Meer zoals dit");
        await SearchUiTests.CheckAsync(browser, shownLetter, "walk-mp-3-toon-brief.png");
        var shownSimilar = await browser.ClickAsync(shownLetter, "Meer zoals dit", "Brieven zoals");
        await SearchUiTests.CheckAsync(browser, shownSimilar, "walk-mp-4-meer-zoals-dit.png");
        var shownBriefing = await browser.SendAsync("briefing --per 2025-11-26", "Openstaande toezeggingen");
        await SearchUiTests.CheckAsync(browser, shownBriefing, "walk-staff-1-briefing.png");
        var shownMeetings = await browser.SendAsync("vergaderingen --per 2025-11-26", "calendar.ics");
        await SearchUiTests.CheckAsync(browser, shownMeetings, "walk-staff-2-vergaderingen.png");
        Assert.Contains(feedUrl, shownMeetings.Text);
        var shownHistory = await browser.SendAsync($"toezegging {number}", "voldaan door");
        await SearchUiTests.CheckAsync(browser, shownHistory, "walk-admin-1-toezegging.png");
        Assert.Contains("voldaan door Alex Wilber", shownHistory.Text);
        var shownAdmins = await browser.SendAsync("beheerders", "configuratie");
        await SearchUiTests.CheckAsync(browser, shownAdmins, "walk-admin-2-beheerders.png");
        Assert.Contains(AdminName, shownAdmins.Text);
        Assert.DoesNotContain("\\", string.Concat(shownResults.Text, shownMore.Text, shownLetter.Text, shownSimilar.Text, shownMeetings.Text));
    }

    /// <summary>Keeps the card's texts for the escape check at the end.</summary>
    private BotAnswer Seen(BotAnswer answer)
    {
        if (answer.Card is { } card)
        {
            _cardTexts.AddRange(CardText.Of(card));
        }
        return answer;
    }

    [GeneratedRegex(@"pagina (\d+) van (\d+)")]
    private static partial Regex PageOf();

    [GeneratedRegex(@"#(\d+)")]
    private static partial Regex PromiseNumber();

    /// <summary>An escaped character the Teams subset never interprets (it needs only * _ [ ] \ and list markers).</summary>
    [GeneratedRegex(@"\\[^*_\[\]\\\-+.]")]
    private static partial Regex NeedlessEscape();
}
