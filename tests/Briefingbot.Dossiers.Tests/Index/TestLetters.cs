namespace Briefingbot.Dossiers.Tests.Index;

/// <summary>Letters written for a test (not the seeds).</summary>
internal static class TestLetters
{
    /// <summary>A small letter with a header and hard-wrapped paragraphs, as the parser reads the corpus.</summary>
    public static string Text(string subject, params string[] paragraphs) =>
        $"Titel: {subject}\nType: Brief regering\nDatum: 2025-04-11\nKamer: Tweede Kamer\nDossier: 22 112\nNr: 1\n\n"
        + string.Join("\n\n", paragraphs.Select(Wrap)) + "\n";

    /// <summary>Hard-wraps a paragraph as letters are (lines of about 60 characters, a short last line), so the parser sees where it ends.</summary>
    private static string Wrap(string paragraph)
    {
        var words = paragraph.Split(' ');
        var lines = new List<string> { words[0] };
        foreach (var word in words.Skip(1))
        {
            if (lines[^1].Length + 1 + word.Length > 60)
            {
                lines.Add(word);
            }
            else
            {
                lines[^1] += " " + word;
            }
        }
        if (lines[^1].Length > 30)
        {
            var last = lines[^1];
            var cut = last.LastIndexOf(' ');
            lines[^1] = last[..cut];
            lines.Add(last[(cut + 1)..]);
        }
        return string.Join("\n", lines);
    }
}
