using Briefingbot.Dossiers.Meetings;

namespace Briefingbot.Storage;

// The rows of the storage contract. Both implementations (SQLite, PostgreSQL) store exactly these.

/// <summary>An entry of the audit log: who did what, when.</summary>
public sealed record AuditEntry(long Id, DateTimeOffset At, string ActorAadObjectId, string? ActorName, string Action, string Details);

/// <summary>A named saved search, e.g. "defensie-eu" = "defensie OR NAVO OR Witboek".</summary>
public sealed record Topic(string Name, string Query, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>Subscription of one conversation to the weekly briefing.</summary>
/// <param name="ConversationId">The conversation (team channel, group chat or personal chat); also the key.</param>
/// <param name="Topics">Topic names; empty = all topics.</param>
/// <param name="DayOfWeek">Delivery weekday.</param>
/// <param name="TimeOfDay">Delivery local time.</param>
/// <param name="TimeZone">IANA time zone, default Europe/Amsterdam.</param>
/// <param name="Status">Active, Paused, Inactive (bot removed: see <see cref="StatusReason"/>), Cancelled.</param>
public sealed record Subscription(
    string ConversationId,
    string? TenantId,
    IReadOnlyList<string> Topics,
    DayOfWeek DayOfWeek,
    TimeOnly TimeOfDay,
    string TimeZone,
    SubscriptionStatus Status,
    string? StatusReason,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? TeamId = null);

public enum SubscriptionStatus { Active, Paused, Inactive, Cancelled }

/// <summary>One row of the delivery ledger: a briefing for (subscription, period).</summary>
/// <param name="PeriodKey">Identifies the week the briefing is for, e.g. the scheduled local time "2026-11-30T08:00".</param>
/// <param name="PartsSent">Parts of a multi-part briefing already sent (a retry resumes after them).</param>
/// <param name="RetryAt">A Failed row is retried by the sweep from this moment.</param>
/// <param name="PeriodEnd">The end of the row's period (the next scheduled time); null for rows written before it was kept.</param>
public sealed record Delivery(
    string ConversationId,
    string PeriodKey,
    DeliveryState State,
    int Attempts,
    string? ClaimedBy,
    DateTimeOffset ClaimedAt,
    DateTimeOffset? CompletedAt,
    string? ActivityId,
    string? Error,
    int PartsSent = 0,
    DateTimeOffset? RetryAt = null,
    DateTimeOffset? PeriodEnd = null);

/// <summary>
/// The right to send one delivery, as granted by <see cref="IDeliveryLedger.ClaimAsync"/>: the claimer and the attempt
/// number together fence every later write, so only the latest claim can complete the row.
/// </summary>
/// <param name="PartsSent">Parts already sent by earlier attempts: the send resumes at this part (0-based index).</param>
/// <param name="RenderedParts">
/// The parts as the attempt that sent the first of them rendered them (JSON, see
/// <see cref="IDeliveryLedger.MarkPartSentAsync"/>); null until a first part of a multi-part briefing was recorded.
/// </param>
public sealed record DeliveryClaim(string ConversationId, string PeriodKey, string ClaimedBy, int Attempt, int PartsSent, string? RenderedParts = null);

public enum DeliveryState { Claimed, Sent, Failed, Gone }

/// <summary>Status of a promise in the register.</summary>
public enum PromiseStatus { Open, Fulfilled, Withdrawn }

/// <summary>A promise in the register: the extraction's facts plus the admins' decisions.</summary>
/// <param name="Number">Short register number shown to users ("toezegging 12 voldaan").</param>
public sealed record PromiseRecord(
    long Number,
    string Key,
    string LetterId,
    string Sentence,
    int Start,
    int End,
    string? Actor,
    string What,
    string? DeadlinePhrase,
    DateOnly? DueDate,
    double Confidence,
    DateOnly? LetterDate,
    PromiseStatus Status,
    string? FulfilledBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>A change of a promise's status (history).</summary>
public sealed record PromiseStatusChange(long Number, PromiseStatus Status, string? Link, string ChangedBy, DateTimeOffset ChangedAt);

/// <summary>Where a meeting came from.</summary>
public enum MeetingOrigin { Extracted, Admin, Imported }

/// <summary>A meeting in the register (Council, summit, debate, ...). Key = type + start date (month: type + month).</summary>
public sealed record MeetingRecord(
    long Id,
    string Key,
    string Type,
    DateOnly StartDate,
    DateOnly EndDate,
    string? Location,
    string? Title,
    MeetingOrigin Origin,
    bool Cancelled,
    bool AdminLocked,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>What sort of meeting (rows from before schema version 7: derived from <see cref="Type"/>).</summary>
    public MeetingKind Kind { get; init; } = MeetingKinds.FromType(Type);

    /// <summary>The meeting an admin moved this one to (its letters count there); null when it was not moved.</summary>
    public long? MovedTo { get; init; }

    /// <summary>Day, month (runs from the first to the last day of its month; show it as "juli 2023") or inferred.</summary>
    public DatePrecision Precision { get; init; } = DatePrecision.Day;

    /// <summary>Where inferred dates come from (e.g. <see cref="NatoSummits.Source"/>); null = as written or entered.</summary>
    public string? DateSource { get; init; }
}

/// <summary>
/// A meeting as an admin, a calendar import or a live source (the Tweede Kamer's Activiteiten) enters it, with its kind and
/// date precision. A month-precise entry covers its whole month whatever <see cref="Start"/>/<see cref="End"/> say.
/// </summary>
/// <param name="Type">The meeting's normalised name: a <see cref="MeetingTypes"/> constant or the name ("Commissiedebat NAVO-top").</param>
public sealed record MeetingEntry(
    MeetingKind Kind,
    string Type,
    DateOnly Start,
    DateOnly End,
    DatePrecision Precision = DatePrecision.Day,
    string? Location = null,
    string? Title = null,
    string? DateSource = null)
{
    /// <summary>A meeting on one day (or from <paramref name="day"/> to <paramref name="end"/>).</summary>
    public static MeetingEntry OnDay(MeetingKind kind, string type, DateOnly day, DateOnly? end = null, string? location = null, string? title = null) =>
        new(kind, type, day, end ?? day, DatePrecision.Day, location, title);

    /// <summary>A meeting known only by its month ("juli 2026").</summary>
    public static MeetingEntry InMonth(MeetingKind kind, string type, int year, int month, string? location = null, string? title = null) =>
        new(kind, type, new DateOnly(year, month, 1), new DateOnly(year, month, 1).AddMonths(1).AddDays(-1), DatePrecision.Month, location, title);

    /// <summary>The dates as stored: a month-precise entry runs from the first to the last day of its month.</summary>
    public (DateOnly Start, DateOnly End) Normalised => Precision == DatePrecision.Month
        ? (new DateOnly(Start.Year, Start.Month, 1), new DateOnly(Start.Year, Start.Month, 1).AddMonths(1).AddDays(-1))
        : (Start, End);

    /// <summary>The register key (<see cref="ExtractedMeeting.KeyOf"/>).</summary>
    public string Key => ExtractedMeeting.KeyOf(Type, Normalised.Start, Precision);
}

/// <summary>A letter that mentions (prepares or reports on) a meeting.</summary>
public sealed record MeetingSource(long MeetingId, string LetterId, string MentionText, int Start, int End, bool? IsAfterLetter);

/// <summary>A letter held in the shared store (scale-out: every instance builds its index from these).</summary>
public sealed record StoredLetter(string SourceFile, string ContentHash, string RawText, long Version, bool Deleted, DateTimeOffset UpdatedAt);
