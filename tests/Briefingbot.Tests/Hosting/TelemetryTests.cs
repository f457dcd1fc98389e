using System.Diagnostics.Metrics;
using Briefingbot.Dossiers.Diagnostics;
using Briefingbot.Protocol.Schema;
using Briefingbot.Tests.Chat;

namespace Briefingbot.Tests.Hosting;

/// <summary>
/// The "Briefingbot" meter records at the existing points (issue 17, item 5). Other tests run in parallel and record
/// too; an AsyncLocal marks the measurements this test's own calls made (listener callbacks run on the recording flow).
/// </summary>
public sealed class TelemetryTests(SeedIndex seeds) : IClassFixture<SeedIndex>
{
    private static readonly AsyncLocal<bool> Mine = new();

    [Fact]
    public async Task A_search_records_its_latency()
    {
        var latencies = new List<(double Ms, string? Outcome)>();
        using var listener = Listen<double>("briefingbot.search.duration", (value, tags) =>
            latencies.Add((value, tags.ToArray().FirstOrDefault(t => t.Key == "search.outcome").Value as string)));

        Mine.Value = true;
        var response = await seeds.Search.SearchAsync("drones");
        Mine.Value = false;

        Assert.NotEmpty(response.Hits);
        var (ms, outcome) = Assert.Single(latencies);
        Assert.True(ms >= 0);
        Assert.Equal("ok", outcome);
    }

    [Fact]
    public async Task A_turn_increments_the_turn_counter_by_activity_type()
    {
        const string probe = "briefingbot-telemetry-probe";
        long turns = 0;
        using var listener = Listen<long>("briefingbot.turns", (value, tags) =>
        {
            if (tags.ToArray().Any(t => t.Key == "activity.type" && (string?)t.Value == probe))
            {
                Interlocked.Add(ref turns, value);
            }
        });
        using var host = new ChatTestHost();

        Mine.Value = true;
        await host.TurnAsync(new Activity { Type = probe, ChannelId = "msteams", Conversation = new ConversationAccount { Id = "conv-telemetry" } });
        await host.TurnAsync(new Activity { Type = probe, ChannelId = "msteams", Conversation = new ConversationAccount { Id = "conv-telemetry" } });
        Mine.Value = false;

        Assert.Equal(2, Interlocked.Read(ref turns));
    }

    private static MeterListener Listen<T>(string instrument, Action<T, ReadOnlySpan<KeyValuePair<string, object?>>> onMeasurement) where T : struct
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (i, l) =>
            {
                if (i.Meter.Name == Telemetry.Name && i.Name == instrument)
                {
                    l.EnableMeasurementEvents(i);
                }
            },
        };
        listener.SetMeasurementEventCallback<T>((_, value, tags, _) =>
        {
            if (Mine.Value)
            {
                onMeasurement(value, tags);
            }
        });
        listener.Start();
        return listener;
    }
}
