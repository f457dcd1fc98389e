namespace Briefingbot.Dossiers.Promises;

/// <summary>
/// A toezegging found in a letter: a commitment of the government to parliament.
/// <see cref="Start"/>/<see cref="End"/> are raw-text offsets of <see cref="Sentence"/> in the letter's file.
/// </summary>
/// <param name="Key">Stable key (letter id + offset-independent hash of the normalised sentence) so re-ingest never duplicates.</param>
/// <param name="Actor">"het kabinet", "de minister van Defensie", ...</param>
/// <param name="What">What is promised (short).</param>
/// <param name="DeadlinePhrase">"voor de zomer", "begin 2026", ... or null.</param>
/// <param name="DueDate">The resolved due date under the documented conventions, or null (no date).</param>
/// <param name="Confidence">0..1.</param>
public sealed record ExtractedPromise(
    string Key,
    string LetterId,
    string Sentence,
    int Start,
    int End,
    string? Actor,
    string What,
    string? DeadlinePhrase,
    DateOnly? DueDate,
    double Confidence);
