namespace Briefingbot.Dossiers.Search.Evaluation;

/// <summary>
/// One entry of a passage ranking: what a system shows, as <c>[Start, End)</c> offsets (UTF-16 code units) into the raw
/// text of <see cref="SourceFile"/> as the ingest reads it (UTF-8), the offsets <c>search --json</c> reports.
/// </summary>
/// <param name="SourceFile">The letter's file name in the corpus folder (a path is reduced to its file name).</param>
/// <param name="Start">First character of the shown window in the raw file.</param>
/// <param name="End">One past the last character.</param>
/// <param name="Score">The system's own score (only for display; the order of the list is the ranking).</param>
public sealed record RankedSpan(string SourceFile, int Start, int End, double Score);
