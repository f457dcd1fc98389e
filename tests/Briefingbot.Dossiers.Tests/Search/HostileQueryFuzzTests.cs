using System.Text;
using Briefingbot.Dossiers.Search;
using Briefingbot.Dossiers.Tests.Index;

namespace Briefingbot.Dossiers.Tests.Search;

public sealed class HostileQueryFuzzTests : IAsyncLifetime
{
    private static readonly string[] Fragments =
    [
        "title:*", "*:*", "a AND (", "/.*/", "drones", "Oekraïne", "\"", "(", ")", "OR", "AND", "NOT", "*", "?", "~2", "^10",
        "\\", "[a TO z]", "{", "}", "+", "-", "&&", "||", "!", ":", "defensie-industrie", "counter-drone", "🚀", "👩‍👩‍👧", "\u0000",
        "\u001b[31m", "\uD800", "\uDFFF", "\u200B", "\u202E", "NULL", "'; DROP TABLE letters; --", "<script>", "%s%n", "ﬁ", "İ",
        "munitie*", "\"Europese defensie", "((((((", "))))))", "x*", "**", "--", "‐", "é", "\r\n", "\t",
    ];

    private readonly TestIndex _index = new(parser: new Briefingbot.Dossiers.Letters.LetterParser());

    public async Task InitializeAsync()
    {
        _index.CopySeeds();
        await _index.IngestAsync();
    }

    public Task DisposeAsync()
    {
        _index.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_thousand_hostile_queries_answer_without_throwing()
    {
        var random = new Random(20261124);
        var answered = 0;
        for (var i = 0; i < 1000; i++)
        {
            var query = MakeQuery(random, i);
            var response = await _index.Search.SearchAsync(query, page: random.Next(-2, 3));
            Assert.NotNull(response);
            Assert.True(response.Hits.Count <= 3);
            Assert.All(response.Hits, h => Assert.NotNull(h.Snippet.Markdown));
            var check = await _index.Search.CheckQueryAsync(query);
            Assert.True(check.IsValid || check.Problem is not null);
            answered++;
        }
        Assert.Equal(1000, answered);
        // A polite empty answer must come from the query, not from a swallowed exception.
        Assert.Empty(_index.SearchLog.Entries.Where(e => e.Exception is not null).Select(e => e.Exception!.ToString()));
    }

    private static string MakeQuery(Random random, int i)
    {
        switch (i % 10)
        {
            case 0:
                return new string('a', 10_000);
            case 1:
                // Random UTF-16 code units, including lone surrogates and controls.
                var chars = new char[random.Next(1, 300)];
                for (var c = 0; c < chars.Length; c++)
                {
                    chars[c] = (char)random.Next(0, 0xFFFF);
                }
                return new string(chars);
            case 2:
                return string.Concat(Enumerable.Range(0, random.Next(1, 2000)).Select(_ => Fragments[random.Next(Fragments.Length)]));
            default:
                var builder = new StringBuilder();
                var parts = random.Next(1, 12);
                for (var p = 0; p < parts; p++)
                {
                    builder.Append(Fragments[random.Next(Fragments.Length)]);
                    if (random.Next(3) > 0)
                    {
                        builder.Append(' ');
                    }
                }
                return builder.ToString();
        }
    }
}
