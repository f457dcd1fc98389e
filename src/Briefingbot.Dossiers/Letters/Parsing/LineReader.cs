namespace Briefingbot.Dossiers.Letters.Parsing;

/// <summary>Splits a <see cref="SourceText"/> into lines and classifies them (chrome, footnotes, page numbers, text).</summary>
internal static class LineReader
{
    /// <summary>How many non-blank lines from the top may belong to the letter's header.</summary>
    private const int HeaderScanLimit = 80;

    public static List<SourceLine> Read(SourceText source, bool markdown, out int headerEnd)
    {
        var lines = Split(source.Text);
        foreach (var line in lines)
        {
            line.Clean = TextCleaner.Collapse(TextCleaner.CleanLine(line.Trimmed, markdown));
            line.Kind = line.IsBlank || line.Clean.Length == 0 ? LineKind.Blank : LineKind.Text;
        }
        headerEnd = FindHeaderEnd(lines);
        for (var i = 0; i <= headerEnd && i < lines.Count; i++)
        {
            if (lines[i].Kind != LineKind.Blank)
            {
                lines[i].Kind = LineKind.Chrome;
            }
        }
        ClassifyBody(lines, markdown);
        MarkFootnoteLinks(lines);
        MarkSignatures(lines);
        ComputeGaps(lines);
        return lines;
    }

    private static List<SourceLine> Split(string text)
    {
        var lines = new List<SourceLine>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '\n')
            {
                continue;
            }
            var end = i > start && text[i - 1] == '\r' ? i - 1 : i;
            AddSplittingInlineMarkers(lines, text, start, end);
            start = i + 1;
        }
        return lines;
    }

    /// <summary>"... digitalisering. Vraag 47. Hoe ..." holds two things: the end of one passage and a new question.</summary>
    private static void AddSplittingInlineMarkers(List<SourceLine> lines, string text, int start, int end)
    {
        var content = text[start..end];
        var m = LinePatterns.InlineVraagMarker().Match(content);
        if (m.Success && m.Index > 0 && content[..m.Index].Trim().Length > 0)
        {
            lines.Add(new SourceLine(start, start + m.Index, content[..m.Index]));
            lines.Add(new SourceLine(start + m.Index, end, content[m.Index..]));
            return;
        }
        lines.Add(new SourceLine(start, end, content));
    }

    /// <summary>
    /// The header runs to the letter's date line ("Den Haag, 11 april 2025" or "Ontvangen 12 april 2024") when one
    /// appears near the top; a letter without one (a bare Q&amp;A) has no header.
    /// </summary>
    private static int FindHeaderEnd(List<SourceLine> lines)
    {
        var nonBlank = 0;
        for (var i = 0; i < lines.Count && nonBlank < HeaderScanLimit; i++)
        {
            if (lines[i].Kind == LineKind.Blank)
            {
                continue;
            }
            nonBlank++;
            if (LinePatterns.PlaceDateLine().IsMatch(lines[i].Clean) || LinePatterns.ReceivedLine().IsMatch(lines[i].Clean))
            {
                return i;
            }
        }
        return -1;
    }

    private static void ClassifyBody(List<SourceLine> lines, bool markdown)
    {
        foreach (var line in lines)
        {
            if (line.Kind != LineKind.Text)
            {
                continue;
            }
            var clean = line.Clean;
            if (LinePatterns.PageNumber().IsMatch(clean) || LinePatterns.RunningHeader().IsMatch(clean))
            {
                line.Kind = LineKind.PageNumber;
            }
            else if (line.Trimmed.Contains('↩') || LinePatterns.MarkdownFootnote().IsMatch(line.Trimmed)
                     || (LinePatterns.PlainFootnote().IsMatch(line.Content) && clean.Length < 300 && !markdown))
            {
                line.Kind = LineKind.Footnote;
            }
            else if (LinePatterns.NavigationBar().IsMatch(clean) || LinePatterns.PageMetadata().IsMatch(clean)
                     || LinePatterns.Addressee().IsMatch(clean) || LinePatterns.ChromeLine().IsMatch(line.Trimmed)
                     || LinePatterns.PlaceDateLine().IsMatch(clean) || IsShouting(clean)
                     || LinePatterns.NameCommaRole().IsMatch(clean) && IsAfterSignatoryList(lines, line))
            {
                line.Kind = LineKind.Chrome;
            }
        }
    }

    /// <summary>
    /// A line that is only a web address, under a footnote ("1 Ukraine Support Tracker - Kiel Institute" / "https://…"),
    /// is the footnote's: it was read as body text and joined to the next paragraph, which then began with the address.
    /// </summary>
    private static void MarkFootnoteLinks(List<SourceLine> lines)
    {
        var previous = LineKind.Blank;
        foreach (var line in lines)
        {
            if (line.Kind == LineKind.Blank)
            {
                continue;
            }
            if (line.Kind == LineKind.Text && previous == LineKind.Footnote && LinePatterns.WebAddressLine().IsMatch(line.Clean))
            {
                line.Kind = LineKind.Footnote;
            }
            previous = line.Kind;
        }
    }

    /// <summary>ALL-CAPS lines are document headers ("BRIEF VAN DE MINISTER VAN DEFENSIE"), never body text.</summary>
    internal static bool IsShouting(string text)
    {
        var letters = 0;
        var upper = 0;
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                letters++;
                if (char.IsUpper(c))
                {
                    upper++;
                }
            }
        }
        return letters >= 12 && upper >= letters * 0.9;
    }

    private static bool IsAfterSignatoryList(List<SourceLine> lines, SourceLine line)
    {
        var index = lines.IndexOf(line);
        for (var i = index - 1; i >= 0 && i >= index - 6; i--)
        {
            if (lines[i].Clean.Contains("ondertekenaar", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Marks role + name pairs ("De Minister van Defensie," / "R.P. Brekelmans") as signature lines.</summary>
    private static void MarkSignatures(List<SourceLine> lines)
    {
        var text = lines.Where(l => l.Kind is LineKind.Text or LineKind.Signature).ToList();
        for (var i = 0; i < text.Count; i++)
        {
            if (!LinePatterns.SignatureRole().IsMatch(text[i].Clean) || text[i].Clean.Length > 120)
            {
                continue;
            }
            var next = i + 1 < text.Count ? text[i + 1] : null;
            var prev = i > 0 ? text[i - 1] : null;
            if (next is not null && LinePatterns.PersonName().IsMatch(next.Clean))
            {
                text[i].Kind = LineKind.Signature;
                next.Kind = LineKind.Signature;
            }
            else if (prev is not null && LinePatterns.PersonName().IsMatch(prev.Clean))
            {
                text[i].Kind = LineKind.Signature;
                prev.Kind = LineKind.Signature;
            }
        }
    }

    private static void ComputeGaps(List<SourceLine> lines)
    {
        var blanks = 0;
        var interrupted = false;
        var letterBoundary = false;
        foreach (var line in lines)
        {
            switch (line.Kind)
            {
                case LineKind.Blank:
                    blanks++;
                    continue;
                case LineKind.Text:
                    line.BlankBefore = blanks;
                    line.InterruptedBefore = interrupted;
                    line.StartsLetter = letterBoundary;
                    letterBoundary = false;
                    blanks = 0;
                    interrupted = false;
                    continue;
                default:
                    interrupted = true;
                    letterBoundary |= line.Kind == LineKind.Chrome && LinePatterns.PlaceDateLine().IsMatch(line.Clean);
                    // A footnote block or page break counts as a gap only through the blank lines around it.
                    continue;
            }
        }

        // Double-spaced text (a blank line after every line): runs of single blank lines are line spacing.
        var textLines = lines.Where(l => l.Kind == LineKind.Text).ToList();
        bool Spaced(int i) => i > 0 && i < textLines.Count && textLines[i].BlankBefore == 1 && textLines[i - 1].Clean.Length is >= 40 and <= 130;
        for (var i = 0; i < textLines.Count; i++)
        {
            if (!Spaced(i))
            {
                continue;
            }
            // Only hard-wrapped lines of a similar width count: a short line (heading, paragraph end) breaks the run,
            // and one-line paragraphs separated by blank lines (web captures) are real breaks.
            var run = 1;
            for (var j = i - 1; j >= i - 3 && Spaced(j); j--)
            {
                run++;
            }
            for (var j = i + 1; j <= i + 3 && Spaced(j); j++)
            {
                run++;
            }
            textLines[i].SoftGapBefore = run >= 4;
        }
    }
}
