using Briefingbot.EndToEnd.Tests.Browser;
using Briefingbot.EndToEnd.Tests.Playground;
using static Briefingbot.EndToEnd.Tests.Playground.PlaygroundIdentities;

namespace Briefingbot.EndToEnd.Tests.Chat;

/// <summary>Issue 2's acceptance: the Agents Playground (msteams) talks to the bot; `help` shows the help card.</summary>
[Collection(PlaygroundCollection.Name)]
public sealed class HelpTests(PlaygroundFixture fixture)
{
    /// <summary>The help card's title, the one fixed string these tests wait for in the rendered UI.</summary>
    public const string HelpTitle = "Wat kan Briefingbot?";

    [Fact]
    public async Task Typing_help_in_the_Playground_shows_the_Dutch_help_card()
    {
        var answer = await fixture.Client.AskAsync(PersonalChatId, "help");

        Assert.True(answer.Card.HasValue, $"Expected an Adaptive Card, got: {answer}");
        var card = answer.Card.Value;
        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        Assert.Equal("1.5", card.GetProperty("version").GetString());
        var text = answer.VisibleText;
        Assert.Contains(HelpTitle, text);
        Assert.Contains("zoek", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Kamerbrieven", text);
        Assert.DoesNotContain("${", answer.CardJson);
    }

    [Fact]
    public async Task Help_with_an_at_mention_in_a_team_channel_shows_the_help_card()
    {
        var answer = await fixture.Client.AskAsync(EuChannelId, "help", mentionBot: true);

        Assert.Contains(HelpTitle, answer.VisibleText);
    }

    [Fact]
    public void Installing_the_app_in_the_personal_chat_greets_with_a_welcome_card()
    {
        Assert.True(fixture.Welcome is not null, "The bot posted nothing when the Playground announced the installation.");
        Assert.True(fixture.Welcome.Card.HasValue, $"The welcome is not a card: {fixture.Welcome}");
        Assert.Contains("Briefingbot", fixture.Welcome.VisibleText);
        // Dutch, and it tells the user how to go on.
        Assert.Contains("help", fixture.Welcome.VisibleText, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("${", fixture.Welcome.Card?.GetRawText() ?? "");
    }

    [Fact]
    public async Task Help_card_renders_in_the_Playground_web_UI_in_headless_Chromium()
    {
        await using var browser = await PlaygroundBrowser.OpenAsync(fixture.PlaygroundUrl, "Personal Chat", "help");

        var card = await browser.SendAsync("help", HelpTitle);
        var screenshot = await browser.ScreenshotAsync(card, "help-card.png");
        var inspection = await browser.InspectAsync(card);

        Assert.Contains("zoek", inspection.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("${", inspection.Text);
        Assert.Equal(0, inspection.EmptyTextBlocks);
        Assert.True(inspection.TextBlocks >= 3, $"Only {inspection.TextBlocks} text blocks rendered.");
        var (width, height, _) = PngImage.ReadHeader(screenshot);
        Assert.True(width >= 200 && height >= 200, $"Screenshot {screenshot} is only {width}x{height}.");
    }
}
