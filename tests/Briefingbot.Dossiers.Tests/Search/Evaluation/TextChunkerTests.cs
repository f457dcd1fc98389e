using Briefingbot.Dossiers.Search.Evaluation;
using Briefingbot.Dossiers.Tests.Index;

namespace Briefingbot.Dossiers.Tests.Search.Evaluation;

public sealed class TextChunkerTests
{
    [Fact]
    public void Seed_chunks_are_raw_slices_of_bounded_length_covering_every_word_in_order()
    {
        var chunks = TextChunker.ChunkDirectory(RepoPaths.Seeds);

        Assert.Equal(5, chunks.Select(c => c.SourceFile).Distinct().Count());
        foreach (var file in chunks.GroupBy(c => c.SourceFile))
        {
            var text = File.ReadAllText(Path.Combine(RepoPaths.Seeds, file.Key));
            var previousEnd = 0;
            foreach (var chunk in file)
            {
                Assert.Equal(text[chunk.Start..chunk.End], chunk.Text);
                Assert.InRange(chunk.End - chunk.Start, 1, TextChunker.TargetLength * 3 / 2);
                Assert.False(char.IsWhiteSpace(chunk.Text[0]) || char.IsWhiteSpace(chunk.Text[^1]));
                // Between chunks there is only whitespace: nothing is dropped, nothing repeated.
                Assert.True(string.IsNullOrWhiteSpace(text[previousEnd..chunk.Start]), $"text lost before {chunk.Start} in {file.Key}");
                previousEnd = chunk.End;
            }
            Assert.True(string.IsNullOrWhiteSpace(text[previousEnd..]));
        }
        // ~600 characters on average, not sentence-sized crumbs.
        Assert.InRange(chunks.Average(c => c.End - c.Start), 400, 650);
    }

    [Fact]
    public void Paragraphs_and_sentences_are_the_cut_points()
    {
        var first = string.Join(' ', Enumerable.Repeat("Dit is een zin van zes woorden.", 15)); // 15 × 31 - 1 = 464 characters
        var second = "Tweede alinea begint hier. " + string.Join(' ', Enumerable.Repeat("Nog een zin.", 10));
        var text = first + "\n   \n" + second;

        var chunks = TextChunker.Chunk("a.txt", text, target: 600);

        Assert.Equal(2, chunks.Count);
        Assert.Equal(first, chunks[0].Text);
        Assert.StartsWith("Tweede alinea", chunks[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sentence_without_end_longer_than_one_and_a_half_targets_is_cut_at_whitespace()
    {
        var text = string.Join(' ', Enumerable.Repeat("woord", 400)); // 2,399 characters, no full stop

        var chunks = TextChunker.Chunk("a.txt", text, target: 600);

        Assert.All(chunks, c => Assert.InRange(c.Text.Length, 1, 900));
        Assert.All(chunks, c => Assert.DoesNotContain("  ", c.Text, StringComparison.Ordinal));
        Assert.Equal(text.Replace(" ", "", StringComparison.Ordinal), string.Concat(chunks.Select(c => c.Text.Replace(" ", "", StringComparison.Ordinal))));
    }
}
