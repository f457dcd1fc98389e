using Briefingbot.EndToEnd.Tests.Browser;
using Briefingbot.EndToEnd.Tests.Playground;

namespace Briefingbot.EndToEnd.Tests.Chat;

/// <summary>Issue 4's cards rendered in the Playground's web UI (headless Chromium), with a screenshot of each.</summary>
[Collection(PlaygroundCollection.Name)]
public sealed class SearchUiTests(PlaygroundFixture fixture)
{
    [Fact]
    public async Task Results_next_page_letter_and_accent_free_search_render_without_empty_boxes_or_raw_templates()
    {
        await using var browser = await PlaygroundBrowser.OpenAsync(fixture.PlaygroundUrl, "Personal Chat", "search");

        var results = await browser.SendAsync("drones", SearchCard.ShowLetter);
        await CheckAsync(browser, results, "search-results-drones.png");
        var resultsInspection = await browser.InspectAsync(results);
        Assert.Contains(resultsInspection.BoldRuns, b => b.Contains("drone", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(SearchCard.MoreResults, resultsInspection.Buttons);

        var next = await browser.ClickAsync(results, SearchCard.MoreResults, SearchCard.ShowLetter);
        await CheckAsync(browser, next, "search-results-drones-page-2.png");

        var letter = await browser.ClickAsync(next, SearchCard.ShowLetter, "");
        await CheckAsync(browser, letter, "letter-card.png");
        Assert.DoesNotContain(SearchCard.ShowLetter, (await browser.InspectAsync(letter)).Buttons);

        var oekraine = await browser.SendAsync("zoek Oekraine", "Oekraïne");
        await CheckAsync(browser, oekraine, "search-results-oekraine.png");
    }

    /// <summary>No empty text blocks or boxes, no unexpanded template, and a screenshot in artifacts/screenshots.</summary>
    internal static async Task CheckAsync(PlaygroundBrowser browser, RenderedCard card, string screenshotName)
    {
        var screenshot = await browser.ScreenshotAsync(card, screenshotName);
        var inspection = await browser.InspectAsync(card);
        Assert.DoesNotContain("${", inspection.Text);
        Assert.Equal(0, inspection.EmptyTextBlocks);
        Assert.Equal(0, inspection.EmptyContainers);
        Assert.True(inspection.TextBlocks >= 2, $"{screenshotName}: only {inspection.TextBlocks} text blocks rendered.");
        var (width, height, _) = PngImage.ReadHeader(screenshot);
        Assert.True(width >= 200 && height >= 80, $"Screenshot {screenshot} is only {width}x{height}.");
    }
}
