using Briefingbot.EndToEnd.Tests.Browser;
using Briefingbot.EndToEnd.Tests.Chat;
using Briefingbot.EndToEnd.Tests.Playground;
using static Briefingbot.EndToEnd.Tests.Playground.PlaygroundIdentities;

namespace Briefingbot.EndToEnd.Tests.Registers;

/// <summary>Issue 5's acceptance in the Agents Playground: meetings and promises as they stood on a given day.</summary>
[Collection(PlaygroundCollection.Name)]
public sealed class RegistersTests(PlaygroundFixture fixture)
{
    [Fact]
    public async Task Vergaderingen_per_26_november_2025_lists_RBZ_Defensie_Ecofin_and_the_Europese_Raad()
    {
        var answer = await fixture.Client.AskAsync(PersonalChatId, "vergaderingen --per 2025-11-26");

        var text = answer.VisibleText;
        Assert.Contains("RBZ Defensie", text);
        Assert.Contains("1 december", text);
        Assert.Contains("Ecofin", text);
        Assert.Contains("12 december", text);
        Assert.Contains("Europese Raad", text);
        Assert.Contains("18 december", text);
        Assert.Contains("2025", text);
    }

    [Fact]
    public async Task Toezeggingen_per_15_april_2026_lists_begin_2026_promises_as_overdue()
    {
        var answer = await fixture.Client.AskAsync(PersonalChatId, "toezeggingen --per 2026-04-15");

        var text = answer.VisibleText;
        var promise = text.IndexOf("begin 2026", StringComparison.OrdinalIgnoreCase);
        Assert.True(promise >= 0, $"No \"begin 2026\" promise listed:\n{text}");
        var overdue = text.IndexOf("verlopen", StringComparison.OrdinalIgnoreCase);
        Assert.True(overdue >= 0 && overdue < promise, $"The \"begin 2026\" promise is not under overdue (verlopen):\n{text}");
    }

    [Fact]
    public async Task A_non_admin_who_adds_a_meeting_is_refused_politely()
    {
        var answer = await fixture.Client.AskAsAsync(NonAdminUserId, NonAdminName, NonAdminAadObjectId, PersonalChatId,
            "vergadering toevoegen 2026-12-01 RBZ Defensie");

        Assert.Contains("beheerder", answer.VisibleText, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Exception", answer.VisibleText);
    }

    [Fact]
    public async Task Meetings_and_promises_cards_render_in_the_web_UI()
    {
        await using var browser = await PlaygroundBrowser.OpenAsync(fixture.PlaygroundUrl, "Personal Chat", "registers");

        var meetings = await browser.SendAsync("vergaderingen --per 2025-11-26", "RBZ Defensie");
        await SearchUiTests.CheckAsync(browser, meetings, "meetings-per-2025-11-26.png");

        var promises = await browser.SendAsync("toezeggingen --per 2026-04-15", "begin 2026");
        await SearchUiTests.CheckAsync(browser, promises, "promises-per-2026-04-15.png");
    }
}
