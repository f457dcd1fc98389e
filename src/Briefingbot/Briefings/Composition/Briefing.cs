namespace Briefingbot.Briefings.Composition;

/// <summary>One channel's briefing as of a moment: what the card and the text fallback are rendered from.</summary>
/// <param name="AsOf">The moment the briefing is for (the scheduled time, or the preview's date).</param>
/// <param name="LocalDate">AsOf's date in the subscription's time zone.</param>
/// <param name="Topics">The topic names filtered on; empty = all letters.</param>
/// <param name="NewLettersSince">Letters ingested after this moment count as new (the previous briefing).</param>
/// <param name="Meetings">Council meetings within the horizon, soonest first.</param>
/// <param name="LaterMeetings">Meetings announced beyond the horizon (a short list, no letters).</param>
/// <param name="Promises">Open promises: overdue first, then due within the horizon, then undated.</param>
/// <param name="NewLetters">Letters received since the previous briefing that match the topics ("Nieuw in je dossiers").</param>
/// <param name="MoreNewLetters">New letters beyond <see cref="NewLetters"/> (counted, not listed).</param>
/// <param name="LaterPromises">Open promises due after the promise horizon (counted, not listed).</param>
public sealed record Briefing(
    DateTimeOffset AsOf,
    DateOnly LocalDate,
    IReadOnlyList<string> Topics,
    DateTimeOffset NewLettersSince,
    IReadOnlyList<BriefingMeeting> Meetings,
    IReadOnlyList<BriefingMeeting> LaterMeetings,
    IReadOnlyList<BriefingPromise> Promises,
    IReadOnlyList<BriefingLetter> NewLetters,
    int MoreNewLetters,
    int LaterPromises)
{
    /// <summary>What the meeting register holds, for the note when no meeting falls within the horizon.</summary>
    public Registers.Meetings.MeetingCoverage MeetingCoverage { get; init; } = Registers.Meetings.MeetingCoverage.Empty;

    /// <summary>Overdue, soon-due or undated open promises beyond <see cref="Promises"/> (counted, not listed).</summary>
    public int MorePromises { get; init; }

    /// <summary>
    /// The day a preview was asked for (<c>briefing --per 2025-11-24</c>), or null for a briefing of now: the notes
    /// then point to the register views of that day (<c>toezeggingen --per 2025-11-24</c>), not of today.
    /// </summary>
    public DateOnly? PerDate { get; init; }

    public bool IsEmpty => Meetings.Count == 0 && LaterMeetings.Count == 0 && Promises.Count == 0 && NewLetters.Count == 0;
}

/// <summary>A meeting (Council, summit, debate, ...), with the letters that prepare it.</summary>
public sealed record BriefingMeeting(
    long Id,
    string Type,
    DateOnly StartDate,
    DateOnly EndDate,
    string? Location,
    string? Title,
    int DaysAhead,
    IReadOnlyList<BriefingLetterLink> PreparingLetters)
{
    public Dossiers.Meetings.MeetingKind Kind { get; init; } = Dossiers.Meetings.MeetingKinds.FromType(Type);

    /// <summary>A month-precise meeting is shown as its month ("juli 2026"), never with a day count from a made-up day.</summary>
    public Dossiers.Meetings.DatePrecision Precision { get; init; } = Dossiers.Meetings.DatePrecision.Day;

    public string? DateSource { get; init; }
}

/// <summary>A link to a letter (title and official source).</summary>
public sealed record BriefingLetterLink(string LetterId, string Title, string? Url);

/// <summary>Where an open promise stands relative to the briefing date.</summary>
public enum PromiseUrgency { Overdue, DueSoon, Undated, Later }

/// <summary>An open promise (toezegging).</summary>
public sealed record BriefingPromise(
    long Number,
    string What,
    string? Actor,
    DateOnly? DueDate,
    string? DeadlinePhrase,
    PromiseUrgency Urgency,
    BriefingLetterLink Source)
{
    /// <summary>The sentence before a promise that leans on it ("Hierover zal uw Kamer …"), shortened; null otherwise.</summary>
    public string? Context { get; init; }
}

/// <summary>A letter received since the previous briefing.</summary>
public sealed record BriefingLetter(
    string LetterId,
    string Title,
    string? DocumentType,
    DateOnly? Date,
    string? Dossier,
    string? Url,
    IReadOnlyList<string> MatchedTopics)
{
    /// <summary>The letter's best passage for the channel's topics (its summary without topics), plain text.</summary>
    public string? Passage { get; init; }

    /// <summary>Its number in the dossier ("Kamerstuk 21 501-28, nr. 2103"), when known.</summary>
    public string? DocumentNumber { get; init; }
}
