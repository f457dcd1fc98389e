namespace Briefingbot.Dossiers.Letters.Parsing;

/// <summary>What a line of a letter is, for the passage builder.</summary>
internal enum LineKind
{
    Blank,
    Text,
    /// <summary>Header, navigation, metadata, addressing, letter boundaries: never inside a passage's text.</summary>
    Chrome,
    Footnote,
    PageNumber,
    Signature,
}

/// <summary>Structural role of a text line in question-and-answer documents and sectioned letters.</summary>
internal enum LineMarker
{
    None,
    Heading,
    PartyHeading,
    Vraag,
    Antwoord,
    BoldQuestion,
    NumberedItem,
    SubItem,
    Closing,
}

/// <summary>One line of the <see cref="SourceText"/> (offsets into its text, end exclusive, without the line break).</summary>
internal sealed class SourceLine
{
    public SourceLine(int start, int end, string content)
    {
        Start = start;
        End = end;
        Content = content;
        var lead = 0;
        while (lead < content.Length && char.IsWhiteSpace(content[lead]))
        {
            lead++;
        }
        var trail = content.Length;
        while (trail > lead && char.IsWhiteSpace(content[trail - 1]))
        {
            trail--;
        }
        ContentStart = start + lead;
        ContentEnd = start + trail;
        Indent = lead;
        Trimmed = content[lead..trail];
    }

    public int Start { get; }
    public int End { get; }
    public string Content { get; }
    public string Trimmed { get; }
    public int ContentStart { get; }
    public int ContentEnd { get; }
    public int Indent { get; }
    public bool IsBlank => Trimmed.Length == 0;

    public LineKind Kind { get; set; } = LineKind.Text;
    public LineMarker Marker { get; set; }
    /// <summary>Number of a "Vraag N" / "N." marker, or the letter of a sub-item.</summary>
    public string? MarkerValue { get; set; }

    /// <summary>Cleaned text of the line (Markdown and footnote markers removed).</summary>
    public string Clean { get; set; } = "";

    /// <summary>Blank lines between the previous non-blank line and this one.</summary>
    public int BlankBefore { get; set; }
    /// <summary>The blank line before this one is line spacing (double-spaced text), not a paragraph break.</summary>
    public bool SoftGapBefore { get; set; }
    /// <summary>Footnotes, page numbers or chrome sit between the previous text line and this one.</summary>
    public bool InterruptedBefore { get; set; }
    /// <summary>A dated letter header ("Den Haag, 28 augustus 2025") precedes this line: a new letter starts.</summary>
    public bool StartsLetter { get; set; }
}
