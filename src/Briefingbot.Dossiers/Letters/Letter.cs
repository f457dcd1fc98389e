namespace Briefingbot.Dossiers.Letters;

/// <summary>
/// A parsed government letter. Facts that the text does not state are <c>null</c> (unknown), never guessed.
/// </summary>
/// <param name="Id">Stable id derived from the source file name (e.g. <c>000_28c287220feeccd7</c>).</param>
/// <param name="SourceFile">File name of the source in the corpus (no directory).</param>
/// <param name="ContentHash">SHA-256 (hex) of the raw file text, for incremental ingest.</param>
/// <param name="RawText">The raw file text; passage offsets index into it.</param>
/// <param name="Title">The letter's title (subject), cleaned of chrome.</param>
/// <param name="DocumentType">e.g. "Brief regering", "Schriftelijk overleg", "Nota naar aanleiding van het verslag".</param>
/// <param name="Date">The letter's date ("Den Haag, 11 april 2025"), or null when unknown.</param>
/// <param name="Chamber">"Tweede Kamer" or "Eerste Kamer", or null.</param>
/// <param name="Dossier">Dossier number as printed, normalised spacing, with suffix: "22 112", "36 410 X", "21 501-28".</param>
/// <param name="DocumentNumber">"4027" for "Nr. 4027", or null.</param>
/// <param name="Signatories">Names and roles of the signing ministers / state secretaries.</param>
/// <param name="SourceUrl">Official source link where it can be derived (e.g. https://zoek.officielebekendmakingen.nl/kst-22112-4027.html).</param>
/// <param name="Passages">The body split into passages, in document order.</param>
public sealed record Letter(
    string Id,
    string SourceFile,
    string ContentHash,
    string RawText,
    string? Title,
    string? DocumentType,
    DateOnly? Date,
    string? Chamber,
    string? Dossier,
    string? DocumentNumber,
    IReadOnlyList<string> Signatories,
    string? SourceUrl,
    IReadOnlyList<Passage> Passages)
{
    /// <summary>Other ids the letter carries, e.g. the Tweede Kamer document id "2022D56473".</summary>
    public string? ExternalId { get; init; }

    /// <summary>
    /// <see cref="Title"/> was made from the source's metadata ("Brief regering 21 501-28, nr. 2103") because neither
    /// the source nor the text names the letter: shown, but not searched as a title.
    /// </summary>
    public bool TitleIsDescription { get; init; }

    /// <summary>
    /// Every date the letter is dated with, in document order (a schriftelijk overleg holds the committee's letter and
    /// the government's answer). <see cref="Date"/> is the last of them.
    /// </summary>
    public IReadOnlyList<DateOnly> Dates { get; init; } = [];

    /// <summary>
    /// For a letter without a date of its own whose title names the Council meeting it prepares ("Geannoteerde
    /// agenda Raad Buitenlandse Zaken Defensie van 1 december 2025"): that meeting, short ("RBZ Defensie").
    /// </summary>
    public string? Meeting { get; init; }

    /// <summary>The date of <see cref="Meeting"/>; the letter is from before it (a bound, not the letter's date).</summary>
    public DateOnly? MeetingDate { get; init; }

    /// <summary>
    /// The footnotes at the page feet ("9 Kamerstuk 36045, nr. 125"), one line each, in document order: not in any
    /// passage's text (they interrupt it), searched as units of their own.
    /// </summary>
    public IReadOnlyList<LetterFootnote> Footnotes { get; init; } = [];

    /// <summary>
    /// Who signs for a committee, as "name, role" ("Koen Petersen, voorzitter van de vaste commissie voor …"): not
    /// among <see cref="Signatories"/> (the government's), but searched by name as they are.
    /// </summary>
    public IReadOnlyList<string> CommitteeSigners { get; init; } = [];
}

/// <summary>A footnote line: its number and text; [Start, End) is the text's exact range in the raw file (the number left out).</summary>
public sealed record LetterFootnote(string Number, int Start, int End, string Text);

/// <summary>What a passage is.</summary>
public enum PassageKind
{
    Paragraph,
    Heading,
    /// <summary>A question with its answer (Q&amp;A documents): <see cref="Passage.QuestionNumber"/> and <see cref="Passage.Party"/> set.</summary>
    QuestionAnswer,
}

/// <summary>
/// A piece of a letter a chat answer can show. <see cref="Start"/>/<see cref="End"/> are character offsets
/// <c>[Start, End)</c> into <see cref="Letter.RawText"/>: <c>RawText[Start..End]</c> is the passage's source text.
/// <see cref="Text"/> is the cleaned text (unwrapped lines, no footnote markers or page numbers).
/// </summary>
public sealed record Passage(
    int Index,
    int Start,
    int End,
    string Text,
    PassageKind Kind = PassageKind.Paragraph,
    string? Heading = null,
    string? QuestionNumber = null,
    string? Party = null)
{
    /// <summary>For Q&amp;A passages: the question part of <see cref="Text"/>.</summary>
    public string? Question { get; init; }
    /// <summary>For Q&amp;A passages: the answer part of <see cref="Text"/>.</summary>
    public string? Answer { get; init; }
}
