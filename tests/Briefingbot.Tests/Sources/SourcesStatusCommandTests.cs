using Briefingbot.Sources;
using Briefingbot.Tests.Administration.Fakes;
using static Briefingbot.Tests.Administration.Fakes.CommandHarness;

namespace Briefingbot.Tests.Sources;

/// <summary><c>bronnen status</c> through the command pipeline: admins only, a note card where cards are shown, text elsewhere.</summary>
public sealed class SourcesStatusCommandTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Sources_status_is_for_admins_and_says_the_sync_is_off_until_enabled()
    {
        await using var bot = new CommandHarness(Now, configure: services =>
            services.AddSources(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build()));

        var refused = await bot.SendAsync("bronnen status", Carla);
        var shown = await bot.SendAsync("bronnen status", Anna, supportsCards: true);
        var text = await bot.SendAsync("bronnen", Anna);

        Assert.StartsWith("Alleen beheerders kunnen de status van de bronnen inzien", Reply(refused));
        var (template, _) = Assert.Single(bot.Cards.Rendered);
        Assert.Equal("note", template);
        Assert.Single(shown.Sent);
        Assert.Contains("Synchronisatie staat **uit**", Reply(text), StringComparison.Ordinal);
        Assert.Contains("Nog geen synchronisatie gedraaid.", Reply(text), StringComparison.Ordinal);
    }

    /// <summary>
    /// Source URLs as `bronnen status`, stored sync errors and logs show them: without credentials (a security review).
    /// </summary>
    [Theory]
    [InlineData("https://u:p@h.example.org/a?b=1", "https://h.example.org/a?b=1")]
    [InlineData("https://h.example.org/a?token=abc&x=2", "https://h.example.org/a?token=***&x=2")]
    [InlineData("https://h.example.org/feed?skiptoken=123", "https://h.example.org/feed?skiptoken=123")]
    [InlineData("https://gegevensmagazijn.tweedekamer.nl/SyncFeed/2.0/Feed?category=Document", "https://gegevensmagazijn.tweedekamer.nl/SyncFeed/2.0/Feed?category=Document")]
    [InlineData("not a url ?key=1", "not a url ?key=***")]
    public void Urls_lose_their_credentials_for_display(string url, string shown)
    {
        Assert.Equal(shown, Briefingbot.Sources.Feed.SafeUrl.Display(url));
    }

    /// <summary>
    /// A stored reason as admins read it: what it means in Dutch first (a QA pass: a source that refused connections
    /// read "technische fout (technisch: … Connection refused …)").
    /// </summary>
    [Theory]
    [InlineData("Connection refused (127.0.0.1:4990)", "de bron is niet bereikbaar (technisch: ")]
    [InlineData("Name or service not known (gegevensmagazijn.tweedekamer.nl:443)", "de bron is niet bereikbaar (technisch: ")]
    [InlineData("kst-36800-X-48.xml: XML cut off: the document ends before its root element closes (x)", "het bestand is afgebroken (onvolledig) (technisch: ")]
    [InlineData("the PDF cannot be read (PdfDocumentFormatException: bad)", "het bestand is niet te lezen (technisch: ")]
    [InlineData("something else", "technische fout (technisch: ")]
    public void Reasons_say_what_they_mean_in_dutch_first(string reason, string start) =>
        Assert.StartsWith(start, Briefingbot.Sources.Chat.SourcesStatusCommand.InDutch(reason, 200), StringComparison.Ordinal);
}
