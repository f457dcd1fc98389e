using System.ComponentModel.DataAnnotations;

namespace Briefingbot.Briefings;

/// <summary>Settings of the weekly briefing (section <c>Briefings</c>; deprecated: <c>Briefingbot:Briefings</c>).</summary>
public sealed class BriefingOptions
{
    public const string Section = Settings.ConfigurationSections.Briefings;

    /// <summary>The section of release 1.x, still read (with a warning) when <see cref="Section"/> is absent.</summary>
    public const string DeprecatedSection = "Briefingbot:Briefings";

    /// <summary>Council meetings this many days ahead are listed.</summary>
    [Range(1, 90)] public int MeetingHorizonDays { get; set; } = 14;

    /// <summary>Meetings announced beyond the horizon, up to this many days ahead, are listed briefly ("verder vooruit").</summary>
    [Range(1, 180)] public int LaterMeetingHorizonDays { get; set; } = 31;

    /// <summary>Open promises due within this many days are listed after the overdue ones.</summary>
    [Range(1, 365)] public int PromiseHorizonDays { get; set; } = 30;

    /// <summary>At most this many open promises per briefing, the most urgent first (the rest are counted).</summary>
    [Range(1, 200)] public int MaxPromises { get; set; } = 20;

    /// <summary>At most this many new letters per briefing (the rest are counted, never dropped silently).</summary>
    [Range(1, 200)] public int MaxNewLetters { get; set; } = 25;

    /// <summary>
    /// A letter whose own date is more than this many days before it entered the corpus is back catalogue (the seed
    /// letters, a backfill of a source): it is searchable but never listed as new nor alerted.
    /// </summary>
    [Range(1, 3650)] public int NewLetterMaxAgeDays { get; set; } = 30;

    /// <summary>How often new letters are matched against <c>abonneer direct</c> subscriptions (an alert within the hour).</summary>
    public TimeSpan AlertInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Letters that arrived up to this long ago are still alerted (covers downtime; the ledger prevents repeats).</summary>
    public TimeSpan AlertLookback { get; set; } = TimeSpan.FromDays(2);

    /// <summary>
    /// At start-up the missed briefings wait for the start-up ingest of the corpus, at most this long, so they hold
    /// the letters on disk: composed during the ingest, a briefing missed the letters not yet indexed.
    /// </summary>
    public TimeSpan StartupIngestWait { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Upper bound of one card's JSON in bytes (Teams renders cards up to ~28 KB).</summary>
    [Range(4_000, 100_000)] public int MaxCardBytes { get; set; } = 28_000;

    /// <summary>Upper bound of one message (activity JSON) in bytes (Teams refuses &gt; 100 KB; stay under 80 KB).</summary>
    [Range(8_000, 100_000)] public int MaxMessageBytes { get; set; } = 80_000;

    /// <summary>
    /// A claim older than this is considered abandoned (a crashed sender) and may be taken over. Must exceed the
    /// longest send, including the messenger's own 429 retries.
    /// </summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Attempts per (subscription, period) or (conversation, letter) before a delivery stays Failed. Not a setting of
    /// its own: it always mirrors <c>Storage:MaxDeliveryAttempts</c>, the one limit the delivery ledger enforces (set
    /// by <c>AddBriefingCore</c>). <c>Briefings:MaxAttempts</c> is a deprecated alias of that key, read by AddStorage.
    /// </summary>
    [Range(1, 20)] public int MaxAttempts { get; set; } = 3;

    /// <summary>First retry delay after a failed send; doubles per attempt (with jitter).</summary>
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Share of <see cref="ClaimTimeout"/> that one whole send (all parts, the messenger's retries included) may take;
    /// the rest is margin for composing, pacing and the ledger writes, so no sender is taken over while it still sends.
    /// </summary>
    [Range(0.1, 0.9)] public double SendBudgetShare { get; set; } = 0.5;

    /// <summary>Rows one sweep takes from the ledger, oldest first (the next sweep takes the next oldest).</summary>
    [Range(1, 100_000)] public int SweepBatchSize { get; set; } = 1000;

    /// <summary>RetryBackoff × 2^(attempts−1), at most 30 minutes: when the sweep retries a Failed delivery.</summary>
    public TimeSpan Backoff(int attempts)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 16));
        return TimeSpan.FromTicks((long)Math.Min(RetryBackoff.Ticks * factor, TimeSpan.FromMinutes(30).Ticks));
    }

    /// <summary>The deadline of one part of a briefing in <paramref name="parts"/> parts: ClaimTimeout × SendBudgetShare / parts.</summary>
    public TimeSpan PartDeadline(int parts) => TimeSpan.FromTicks((long)(ClaimTimeout.Ticks * SendBudgetShare / Math.Max(1, parts)));

    /// <summary>How often claims left behind by crashed senders and failed deliveries are looked at again.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How often the Quartz triggers are brought in line with the subscriptions (besides at start-up and at every
    /// change made through the bot): repairs subscriptions written outside this process, e.g. by another tool.
    /// </summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a reconcile trusts a trigger this instance confirmed or wrote for an unchanged subscription, instead
    /// of reading it from the job store again. Reading 10,000 triggers one by one took about 7 s per reconcile on
    /// SQLite; trusted, a reconcile reads only the subscriptions and the trigger names. After this interval every
    /// trigger is read again, which repairs one changed behind the subscription's back.
    /// </summary>
    public TimeSpan ReconcileFullCheckInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Quartz job store: <c>sqlite</c> (default, single instance) or <c>postgres</c> (clustered). Empty = follow
    /// <c>Storage:Provider</c>. <c>memory</c> is for tests and benchmarks only.
    /// </summary>
    public string? SchedulerStore { get; set; }

    /// <summary>Connection string of Quartz's tables. Empty: SQLite = <c>quartz.db</c> next to the store's database; PostgreSQL = the store's.</summary>
    public string? SchedulerConnectionString { get; set; }

    /// <summary>
    /// Briefing messages per second per tenant: a little under Teams' 50 requests/s per app per tenant, leaving room
    /// for replies to people typing while a fan-out runs.
    /// </summary>
    [Range(1, 1000)] public int FanoutPerTenantPerSecond { get; set; } = 46;

    /// <summary>Quartz threads running briefing jobs at once (the messenger paces the actual sends).</summary>
    [Range(1, 200)] public int MaxConcurrentSends { get; set; } = 16;
}
