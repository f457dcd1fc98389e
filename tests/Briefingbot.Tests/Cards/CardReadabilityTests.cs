using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Briefingbot.Cards;
using Briefingbot.Registers.Promises;

namespace Briefingbot.Tests.Cards;

/// <summary>
/// What a visual review of the cards in Teams' light theme found unreadable: text in the "Warning" colour (yellow on
/// white, contrast about 1.5:1) and placeholders in angle brackets outside a code span, which a card's Markdown renderer
/// reads as an HTML tag and drops ("‘abonneer ’").
/// </summary>
public sealed partial class CardReadabilityTests
{
    public static TheoryData<string> Files() => new(
        Directory.GetFiles(NodeCardChecker.CardsFolder, "*.json").Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Files))]
    public void No_template_or_sample_writes_text_in_the_warning_colour_or_a_bare_placeholder(string file)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(NodeCardChecker.CardsFolder, file)));
        foreach (var (key, value) in Strings(json))
        {
            Assert.False(key == "color" && value == "Warning", $"{file}: color Warning");
            Assert.DoesNotMatch(BarePlaceholder(), WithoutCode(value));
        }
    }

    [Fact]
    public void Warnings_and_promises_due_soon_are_written_in_the_default_colour()
    {
        var card = MessageCard.Create("Niets gevonden", "Probeer andere woorden.", MessageCard.Tone.Warning);
        Assert.Equal("Default", (string?)card.Data["color"]);
        Assert.Equal("Attention", (string?)MessageCard.Create("Fout", "Mislukt.", MessageCard.Tone.Attention).Data["color"]);
        Assert.Equal("Default", PromiseCards.Color(PromiseUrgency.DueSoon));
        Assert.Equal("Attention", PromiseCards.Color(PromiseUrgency.Overdue));
    }

    [Theory]
    [InlineData("Vragen over drones en counterdrones en het PCA militaire mobiliteit. Deze leden vragen meer.", 72, "Vragen over drones en counterdrones en het PCA militaire mobiliteit…")]
    [InlineData("Eerst dit, en daarna nog veel meer woorden die niet passen.", 12, "Eerst dit…")]
    [InlineData("Kort genoeg.", 40, "Kort genoeg.")]
    public void A_cut_text_ends_in_one_ellipsis_not_a_stop_and_an_ellipsis(string text, int max, string expected)
    {
        Assert.Equal(expected, CardText.Truncate(text, max));
        Assert.Equal(expected, CardText.TruncateMarkdown(text, max));
    }

    private static IEnumerable<(string Key, string Value)> Strings(JsonNode? node, string key = "")
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (k, v) in o)
                {
                    foreach (var s in Strings(v, k))
                    {
                        yield return s;
                    }
                }
                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    foreach (var s in Strings(item, key))
                    {
                        yield return s;
                    }
                }
                break;
            case JsonValue v when v.TryGetValue<string>(out var text):
                yield return (key, text);
                break;
        }
    }

    private static string WithoutCode(string text) => CodeSpan().Replace(text, "");

    [GeneratedRegex("`[^`]*`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"<[\p{L}][^<>]{0,40}>")]
    private static partial Regex BarePlaceholder();
}

/// <summary>The help card per reader: admin-only commands and the admin part of mixed lines for admins only.</summary>
public sealed class HelpCardAudienceTests
{
    private sealed class Handler(string usage, bool adminOnly = false, string? forEveryone = null) : Briefingbot.Kernel.Commands.ICommandHandler
    {
        public IReadOnlyList<string> Names { get; } = ["x"];
        public string Usage => usage;
        public bool AdminOnly => adminOnly;
        public string? UsageForEveryone => forEveryone;
        public Task HandleAsync(Briefingbot.Kernel.Commands.CommandContext context, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    [Fact]
    public void Others_read_the_part_for_everyone_and_a_note_that_admins_see_more()
    {
        Briefingbot.Kernel.Commands.ICommandHandler[] handlers =
        [
            new Handler("`briefing`: de weekbriefing. `briefing status`: mislukte bezorgingen (alleen beheerders).", forEveryone: "`briefing`: de weekbriefing."),
            new Handler("`audit`: de laatste wijzigingen (alleen beheerders).", adminOnly: true),
            new Handler("`zoek <woorden>`: zoeken."),
        ];

        var otherCard = HelpCard.Create(handlers, forAdmin: false).Data;
        var adminCard = HelpCard.Create(handlers, forAdmin: true).Data;
        var other = Usages(otherCard);
        var admin = Usages(adminCard);

        Assert.DoesNotContain("briefing status", other, StringComparison.Ordinal);
        Assert.DoesNotContain("`audit`", other, StringComparison.Ordinal);
        Assert.Contains("de weekbriefing.", other, StringComparison.Ordinal);
        Assert.Contains("zoeken.", other, StringComparison.Ordinal);
        Assert.True((bool)otherCard["hasAdminNote"]!);
        Assert.Contains("briefing status", admin, StringComparison.Ordinal);
        Assert.Contains("`audit`", admin, StringComparison.Ordinal);
        Assert.False((bool)adminCard["hasAdminNote"]!);
    }

    private static string Usages(System.Text.Json.Nodes.JsonObject data) =>
        string.Join("\n", data["groups"]!.AsArray().SelectMany(g => g!["commands"]!.AsArray()).Select(c => (string)c!["usage"]!));
}
