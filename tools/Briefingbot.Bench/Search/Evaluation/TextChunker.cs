using System.Text.RegularExpressions;
using Briefingbot.Dossiers.Ingest;

namespace Briefingbot.Dossiers.Search.Evaluation;

/// <summary>A piece of a raw letter for the baselines: <c>[Start, End)</c> in the file's text, and that text.</summary>
public sealed record TextChunk(string SourceFile, int Start, int End, string Text);

/// <summary>
/// Cuts raw letters into chunks of about <see cref="TargetLength"/> characters for the full-text baselines, at paragraph
/// and sentence boundaries, keeping raw offsets. Paragraphs are separated by blank lines; a paragraph is split into
/// sentences (after . ! ? followed by whitespace), and a sentence longer than 1.5 × the target is cut at the last
/// whitespace before the target. Consecutive pieces are packed greedily while the chunk stays within the target, and
/// a new paragraph starts a new chunk once the current one holds two thirds of the target. No chunk exceeds
/// 1.5 × the target, so every chunk is a span the scorer credits.
/// </summary>
public static partial class TextChunker
{
    public const int TargetLength = 600;

    /// <summary>Every readable file of <paramref name="corpusDirectory"/> (as the ingest reads it), in file-name order.</summary>
    public static IReadOnlyList<TextChunk> ChunkDirectory(string corpusDirectory, int target = TargetLength)
    {
        var chunks = new List<TextChunk>();
        foreach (var path in Directory.EnumerateFiles(corpusDirectory).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal))
        {
            if (CorpusFileReader.TryRead(path, out _) is { } text)
            {
                chunks.AddRange(Chunk(Path.GetFileName(path), text, target));
            }
        }
        return chunks;
    }

    public static IReadOnlyList<TextChunk> Chunk(string sourceFile, string text, int target = TargetLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(target, 50);
        var chunks = new List<TextChunk>();
        (int Start, int End)? current = null;
        foreach (var piece in Pieces(text, target))
        {
            if (current is { } c && (piece.End - c.Start > target || (piece.StartsParagraph && c.End - c.Start >= target * 2 / 3)))
            {
                chunks.Add(new TextChunk(sourceFile, c.Start, c.End, text[c.Start..c.End]));
                current = null;
            }
            current = current is { } open ? (open.Start, piece.End) : (piece.Start, piece.End);
        }
        if (current is { } last)
        {
            chunks.Add(new TextChunk(sourceFile, last.Start, last.End, text[last.Start..last.End]));
        }
        return chunks;
    }

    /// <summary>Sentences (or cut pieces of over-long ones), trimmed, marked when they open a paragraph.</summary>
    private static IEnumerable<(int Start, int End, bool StartsParagraph)> Pieces(string text, int target)
    {
        var paragraphStart = 0;
        foreach (var boundary in BlankLine().Matches(text).Select(m => (m.Index, m.Index + m.Length)).Append((text.Length, text.Length)))
        {
            var first = true;
            var sentenceStart = paragraphStart;
            foreach (var end in SentenceEnds(text, paragraphStart, boundary.Item1))
            {
                foreach (var piece in Cut(text, sentenceStart, end, target))
                {
                    yield return (piece.Start, piece.End, first);
                    first = false;
                }
                sentenceStart = end;
            }
            paragraphStart = boundary.Item2;
        }
    }

    private static IEnumerable<int> SentenceEnds(string text, int start, int end)
    {
        foreach (Match m in SentenceBreak().Matches(text[start..end]))
        {
            yield return start + m.Index;
        }
        yield return end;
    }

    /// <summary>The trimmed span <c>[start, end)</c>, cut at whitespace when longer than 1.5 × target.</summary>
    private static IEnumerable<(int Start, int End)> Cut(string text, int start, int end, int target)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }
        while (end - start > target * 3 / 2)
        {
            var cut = text.LastIndexOfAny([' ', '\n', '\t', '\u00a0'], start + target, target / 2);
            cut = cut > start ? cut : start + target;
            yield return (start, cut);
            start = cut;
            while (start < end && char.IsWhiteSpace(text[start]))
            {
                start++;
            }
        }
        if (end > start)
        {
            yield return (start, end);
        }
    }

    /// <summary>A line break, optional horizontal whitespace, another line break (more blank lines included).</summary>
    [GeneratedRegex(@"\n[^\S\n]*\n\s*")]
    private static partial Regex BlankLine();

    /// <summary>The position right after a sentence's final punctuation, before the whitespace that follows it.</summary>
    [GeneratedRegex(@"(?<=[.!?])(?=\s+\S)")]
    private static partial Regex SentenceBreak();
}
