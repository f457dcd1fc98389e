using System.Text.Json;
using System.Text.RegularExpressions;
using Briefingbot.Cards;
using Briefingbot.Dossiers.Text;
using Briefingbot.Tests.Chat;
using Briefingbot.Tests.Chat.Fakes;

namespace Briefingbot.Tests.Cards;

/// <summary>
/// Issue 14 item 5: no card text carries a backslash escape that the Teams Markdown subset does not need (several
/// Teams clients show them literally: microsoft/AdaptiveCards issues 4677, 5590). Every card of a walk over the seed
/// letters (search, more, letter, similar) is scanned.
/// </summary>
public sealed partial class NeedlessEscapeTests(SeedIndex seeds) : IClassFixture<SeedIndex>, IDisposable
{
    private readonly ChatTestHost _host = new(seeds.Search);

    /// <summary>
    /// The needless escapes in a TextBlock text: any escaped character outside the subset's markup characters, an
    /// escaped underscore inside a word, and an escaped list character (<c>-</c>, <c>+</c>, <c>.</c>) that is not at
    /// the start of a line. Independent of the escaper under test.
    /// </summary>
    public static List<string> NeedlessEscapes(string text)
    {
        var found = new List<string>();
        foreach (Match m in EscapedCharacter().Matches(text))
        {
            var c = m.Groups[1].Value[0];
            var at = m.Index;
            var before = at > 0 ? text[at - 1] : ' ';
            var after = at + 2 < text.Length ? text[at + 2] : ' ';
            var lineStart = text.LastIndexOf('\n', Math.Max(0, at - 1)) is var nl && text[(nl + 1)..at].All(ch => char.IsWhiteSpace(ch) || char.IsAsciiDigit(ch));
            bool needed = c switch
            {
                '*' or '[' or ']' or '\\' => true,
                '_' => !(char.IsLetterOrDigit(before) && char.IsLetterOrDigit(after)),
                '-' or '+' or '.' => lineStart,
                _ => false,
            };
            if (!needed)
            {
                found.Add(text.Substring(Math.Max(0, at - 12), Math.Min(text.Length, at + 14) - Math.Max(0, at - 12)));
            }
        }
        return found;
    }

    [Theory]
    [InlineData("Vraag 1) over munitie (meer) en 000_28c287220feeccd7 #3 <b> a|b ~c~ `x` !", "Vraag 1) over munitie (meer) en 000_28c287220feeccd7 #3 <b> a|b ~c~ `x` !")]
    [InlineData("**vet** en _cursief_ en *ster*", "\\*\\*vet\\*\\* en \\_cursief\\_ en \\*ster\\*")]
    [InlineData("- lijst\n1. genummerd\n+ plus", "\\- lijst\n1\\. genummerd\n\\+ plus")]
    [InlineData("a - b en 3.5 en art. 2", "a - b en 3.5 en art. 2")]
    [InlineData("[tekst](https://example.org) en [1] noot", "\\[tekst](https://example.org) en [1] noot")]
    [InlineData("5 * 3 en a_b en snake_", "5 * 3 en a_b en snake\\_")]
    [InlineData("\\* ster", "\\\\\\* ster")]
    public void Escapes_only_what_the_Teams_subset_interprets(string text, string expected)
    {
        Assert.Equal(expected, TeamsMarkdown.Escape(text));
        Assert.Empty(NeedlessEscapes(expected));
    }

    [Fact]
    public void The_scanner_catches_the_escapes_seen_in_issue_14()
    {
        Assert.Equal(3, NeedlessEscapes("Vraag 1\\) over \\(meer\\)").Count);
        Assert.Single(NeedlessEscapes("Id: 000\\_28c287220feeccd7"));
        Assert.Empty(NeedlessEscapes("\\*\\*niet vet\\*\\*\n1\\. lijst"));
    }

    [Fact]
    public async Task No_card_of_a_search_walk_over_the_seed_letters_has_a_needless_escape()
    {
        var cards = new List<JsonElement>();
        foreach (var query in new[] { "drones", "munitie", "defensie", "zoek Oekraine", "herstellening", "NAVO", "Witboek", "specialisatie" })
        {
            var turn = await _host.SayAsync(query);
            cards.AddRange(turn.Sent.SelectMany(a => a.Attachments ?? []).Where(a => a.Content is not null).Select(a => a.Content!.Value));
        }
        var letters = await seeds.Search.ListLettersAsync();
        Assert.Equal(5, letters.Count);
        foreach (var letter in letters)
        {
            foreach (var command in new[] { "toon " + letter.Id, "zoals " + letter.Id })
            {
                var turn = await _host.SayAsync(command);
                cards.AddRange(turn.Sent.SelectMany(a => a.Attachments ?? []).Where(a => a.Content is not null).Select(a => a.Content!.Value));
            }
        }

        Assert.True(cards.Count >= 18, $"only {cards.Count} cards");
        var texts = cards.SelectMany(CardAssert.Texts).ToList();
        Assert.Contains(texts, t => t.Contains('(') || t.Contains(')'));
        var needless = texts.SelectMany(NeedlessEscapes).ToList();
        Assert.True(needless.Count == 0, "Needless escapes: " + string.Join(" | ", needless.Take(20)));
    }

    [GeneratedRegex(@"\\(.)", RegexOptions.Singleline)]
    private static partial Regex EscapedCharacter();

    public void Dispose() => _host.Dispose();
}
