using System.Globalization;
using Briefingbot.TestSupport.Briefings;

namespace Briefingbot.Cli;

/// <summary>
/// <c>crash-test [--kills 20] [--subscriptions 400] [--letters 30] [--failure-percent 10] [--seed 1] [--seeds seeds]</c>:
/// kills the bot process (a child, SIGKILL) at random points of ingest and a two-part fan-out K times, restarts it,
/// lets it finish, and prints lost briefings, duplicates (and whether each was in flight at a kill) and whether the
/// registers, letter store and index equal a clean run. Exit code 0 only if nothing was lost or wrongly repeated and
/// everything matched. See <see cref="CrashRun"/>.
/// </summary>
public sealed class CrashTestCliCommand : ICliCommand
{
    public string Name => "crash-test";

    public string Usage => "crash-test [--kills 20] [--subscriptions 400] [--letters 30] [--failure-percent 10] [--seed 1] [--seeds seeds]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        var kills = Option(args, "--kills", 20);
        var subscriptions = Option(args, "--subscriptions", 400);
        var letters = Option(args, "--letters", 30);
        var failurePercent = Option(args, "--failure-percent", 10);
        var seed = Option(args, "--seed", 1);
        // Default: the repo's seeds/ from the repository root, else the copy in the build folder (dotnet run starts in the project folder).
        var seeds = Text(args, "--seeds") ?? (Directory.Exists("seeds") ? "seeds" : Path.Combine(AppContext.BaseDirectory, "seeds"));
        if (kills < 0 || subscriptions < 1 || letters < 1 || failurePercent is < 0 or > 90 || !Directory.Exists(seeds))
        {
            await output.WriteLineAsync($"Usage: {Usage} (run from the repository root, or give --seeds)");
            return 2;
        }
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"crash-test: {kills} kills, {subscriptions} subscriptions, {letters} letters (+2 per start), {failurePercent}% of sends failing (500/502/timeout), seed {seed}"));
        var result = await new CrashRun(new CrashRunOptions(kills, subscriptions, letters, 2, failurePercent / 100.0, seed, seeds, Patience: TimeSpan.FromMinutes(20)), output).RunAsync(cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"""
            briefings lost              {result.Lost} of {result.Subscriptions}
            multi-part briefings        {result.MultiPartBriefings} (up to {result.MaxParts} parts)
            messages accepted           {result.MessagesAccepted} (injected failures {result.InjectedFailures})
            parts in flight at kills    {result.InFlightParts}
            duplicate parts             {result.DuplicateParts} (not in flight at a kill: {result.DuplicatesOutsideWindow})
            registers = clean run       {result.RegistersEqual}
            index = clean run           {result.IndexEqual}
            total time                  {result.Elapsed.TotalSeconds:F1} s
            """));
        if (result.Differences.Length > 0)
        {
            await output.WriteLineAsync(result.Differences);
        }
        if (result.DuplicateDetails.Length > 0)
        {
            await output.WriteLineAsync(result.DuplicateDetails);
        }
        return result is { Lost: 0, DuplicatesOutsideWindow: 0, RegistersEqual: true, IndexEqual: true } ? 0 : 1;
    }

    private static string? Text(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (args[i].Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return args[i + 1];
            }
        }
        return null;
    }

    private static int Option(IReadOnlyList<string> args, string name, int fallback) =>
        Text(args, name) is { } value ? int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : -1 : fallback;
}
