using System.Globalization;
using System.Text.RegularExpressions;
using Briefingbot.Dossiers.Letters;

namespace Briefingbot.Dossiers.Tests.Index;

/// <summary>
/// A tiny parser for tests of the index, independent of the real letter parser: optional "Key: value" header lines
/// (Titel, Type, Datum yyyy-MM-dd, Kamer, Dossier, Nr) up to the first blank line, then one passage per block of
/// non-blank lines, with exact raw offsets.
/// </summary>
internal sealed partial class StandInLetterParser : ILetterParser
{
    public Letter Parse(string sourceFile, string rawText)
    {
        var header = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var passages = new List<Passage>();
        var bodyStart = 0;
        var headerMatch = HeaderBlock().Match(rawText);
        if (headerMatch.Success)
        {
            foreach (Match line in HeaderLine().Matches(headerMatch.Value))
            {
                header[line.Groups[1].Value] = line.Groups[2].Value.Trim();
            }
            bodyStart = headerMatch.Length;
        }

        foreach (Match block in Block().Matches(rawText[bodyStart..]))
        {
            var start = bodyStart + block.Index;
            var text = Regex.Replace(block.Value, @"\s+", " ").Trim();
            passages.Add(new Passage(passages.Count, start, start + block.Length, text));
        }

        DateOnly? date = header.TryGetValue("Datum", out var d) && DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null;
        return new Letter(
            Path.GetFileNameWithoutExtension(sourceFile),
            sourceFile,
            string.Empty,
            rawText,
            header.GetValueOrDefault("Titel"),
            header.GetValueOrDefault("Type"),
            date,
            header.GetValueOrDefault("Kamer"),
            header.GetValueOrDefault("Dossier"),
            header.GetValueOrDefault("Nr"),
            [],
            null,
            passages);
    }

    [GeneratedRegex(@"\A(?:[A-Za-z]+: [^\n]*\n)+\n")]
    private static partial Regex HeaderBlock();

    [GeneratedRegex(@"^([A-Za-z]+): ([^\n]*)$", RegexOptions.Multiline)]
    private static partial Regex HeaderLine();

    [GeneratedRegex(@"\S(?:[^\n]|\n(?![ \t\r]*\n))*")]
    private static partial Regex Block();
}
