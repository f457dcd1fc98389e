using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Briefingbot.Dossiers.Diagnostics;

/// <summary>
/// The bot's metrics and traces, all under the name "Briefingbot" (see docs/deploy.md, "Observability"): one place,
/// so an operator finds every instrument here and the call sites stay one line each. Lives in the shared kernel
/// because search (Dossiers) and turns, replies and briefings (the bot) both record.
/// </summary>
/// <remarks>
/// Static on purpose: <see cref="Meter"/> and <see cref="ActivitySource"/> are the process-wide entry points .NET's
/// listeners (OpenTelemetry, dotnet-counters, MeterListener in tests) subscribe to by name; they hold no state of ours,
/// and recording without a listener costs next to nothing.
/// </remarks>
public static class Telemetry
{
    /// <summary>The name of the meter and the activity source.</summary>
    public const string Name = "Briefingbot";

    public static readonly Meter Meter = new(Name);

    public static readonly ActivitySource Source = new(Name);

    /// <summary>Incoming activities (turns), tagged <c>activity.type</c> ("message", "invoke", ...).</summary>
    public static readonly Counter<long> Turns = Meter.CreateCounter<long>("briefingbot.turns", "{turn}", "Incoming activities handled, by activity type.");

    /// <summary>Search latency in milliseconds, tagged <c>search.outcome</c> ("ok" or "error").</summary>
    public static readonly Histogram<double> SearchDuration = Meter.CreateHistogram<double>("briefingbot.search.duration", "ms", "Time to answer one search.");

    /// <summary>Briefings delivered completely.</summary>
    public static readonly Counter<long> BriefingsSent = Meter.CreateCounter<long>("briefingbot.briefings.sent", "{briefing}", "Briefings delivered.");

    /// <summary>Briefing deliveries that failed (retried later with back-off).</summary>
    public static readonly Counter<long> BriefingsFailed = Meter.CreateCounter<long>("briefingbot.briefings.failed", "{briefing}", "Briefing deliveries that failed.");

    /// <summary>Briefing deliveries the connector refused with 429 (counted also as failed).</summary>
    public static readonly Counter<long> BriefingsThrottled = Meter.CreateCounter<long>("briefingbot.briefings.throttled", "{briefing}", "Briefing deliveries throttled (HTTP 429).");

    /// <summary>
    /// Sync lag in seconds: how long ago the Tweede Kamer feed was last read to its end, for the category that is
    /// furthest behind. Recorded after every sync run once each category has caught up at least once; a value that
    /// keeps growing means the runs no longer reach the end of the feed.
    /// </summary>
    public static readonly Gauge<double> SyncLag = Meter.CreateGauge<double>("briefingbot.sync.lag", "s",
        "Seconds since the Tweede Kamer feed was last read to its end (the category furthest behind), after each sync run.");

    /// <summary>Counts a failed briefing delivery, and a throttled one when the connector answered 429.</summary>
    public static void BriefingFailed(bool throttled)
    {
        BriefingsFailed.Add(1);
        if (throttled)
        {
            BriefingsThrottled.Add(1);
        }
    }

    /// <summary>Counts one turn and starts its span (null without a listener).</summary>
    public static Activity? StartTurn(string? activityType)
    {
        var type = string.IsNullOrEmpty(activityType) ? "unknown" : activityType;
        Turns.Add(1, new KeyValuePair<string, object?>("activity.type", type));
        var activity = Source.StartActivity("turn", ActivityKind.Server);
        activity?.SetTag("activity.type", type);
        return activity;
    }

    /// <summary>Starts the span of a reply send (null without a listener).</summary>
    public static Activity? StartReply() => Source.StartActivity("reply.send", ActivityKind.Client);

    /// <summary>Times one search; dispose to record. The span is a child of the turn when there is one.</summary>
    public static SearchTiming StartSearch() => new(Source.StartActivity("search", ActivityKind.Internal), Stopwatch.GetTimestamp());

    /// <summary>A running search measurement (see <see cref="StartSearch"/>).</summary>
    public sealed class SearchTiming(Activity? activity, long started) : IDisposable
    {
        private bool _failed;

        /// <summary>Marks the search as failed (call before dispose when the search threw).</summary>
        public void Failed()
        {
            _failed = true;
            activity?.SetStatus(ActivityStatusCode.Error);
        }

        public void Dispose()
        {
            SearchDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("search.outcome", _failed ? "error" : "ok"));
            activity?.Dispose();
        }
    }
}
