using System.CommandLine;
using System.Globalization;
using Briefingbot.Kernel.Cli;
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
    public Command CreateCommand()
    {
        var killsOption = CliOptions.Int("--kills", 20, "SIGKILLs of the bot process at random points", min: 0);
        var subscriptionsOption = CliOptions.Int("--subscriptions", 400, "Subscriptions to fan the briefing out to");
        var lettersOption = CliOptions.Int("--letters", 30, "Letters to ingest (+2 per start)");
        var failurePercentOption = CliOptions.Int("--failure-percent", 10, "Percentage of sends the connector fails (500/502/timeout)", min: 0, max: 90);
        var seedOption = CliOptions.Int("--seed", 1, "Seed of the random kill points and failures", min: int.MinValue);
        var seedsOption = CliOptions.ExistingDirectory("--seeds", "Folder of seed letters (default: seeds/ of the working folder, else of the build folder)");
        var command = new Command("crash-test", "Kills the bot during ingest and a multi-part fan-out, restarts it, and compares with a clean run: lost briefings, duplicates, registers, index")
        {
            killsOption, subscriptionsOption, lettersOption, failurePercentOption, seedOption, seedsOption,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(killsOption), parse.GetValue(subscriptionsOption), parse.GetValue(lettersOption),
            parse.GetValue(failurePercentOption), parse.GetValue(seedOption), parse.GetValue(seedsOption)?.FullName, parse.InvocationConfiguration.Output, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(int kills, int subscriptions, int letters, int failurePercent, int seed, string? seedsFolder, TextWriter output, CancellationToken cancellationToken)
    {
        // Default: the repo's seeds/ from the repository root, else the copy in the build folder (dotnet run starts in the project folder).
        var seeds = seedsFolder ?? (Directory.Exists("seeds") ? "seeds" : Path.Combine(AppContext.BaseDirectory, "seeds"));
        if (!Directory.Exists(seeds))
        {
            await output.WriteLineAsync($"Seed letters not found ({seeds}): run from the repository root, or give --seeds.");
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
}
