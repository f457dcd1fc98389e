using System.Diagnostics;

namespace Briefingbot.Tests.Cli;

/// <summary>
/// The executable as people run it (<c>dotnet Briefingbot.dll ARGS</c>, Program's wiring): <c>--help</c> is the CLI's
/// help, not a server start; a misspelled option and invalid settings end the process with an error and a non-zero
/// exit code before anything runs.
/// </summary>
public sealed class ProgramCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bb-cli-process-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    [Fact]
    public async Task Help_lists_the_verbs_and_exits_instead_of_starting_the_server()
    {
        var run = await RunAsync(new Dictionary<string, string>(), "--help");

        Assert.True(run.Exit == 0, run.ToString());
        foreach (var verb in new[] { "index", "meetings", "promises", "search", "sync" })
        {
            Assert.Matches($@"(?m)^\s+{verb}\b", run.Output);
        }
        Assert.DoesNotContain("Now listening", run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misspelled_option_ends_the_process_with_exit_code_2_and_builds_no_index()
    {
        var run = await RunAsync(new Dictionary<string, string>(), "search", "--form", "2025-01-01", "drones");

        Assert.True(run.Exit == 2, run.ToString());
        Assert.Contains("Unknown option '--form' for 'search'. Did you mean '--from'?", run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Output.Trim());
        Assert.False(Directory.Exists(Path.Combine(_folder, "index")), run.ToString());
    }

    [Fact]
    public async Task Invalid_settings_from_the_environment_stop_a_verb_with_exit_code_1()
    {
        var run = await RunAsync(new Dictionary<string, string> { ["Dossiers__PageSize"] = "0" }, "search", "drones");

        Assert.True(run.Exit == 1, run.ToString());
        Assert.Contains("PageSize", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_folder, "index")), run.ToString());
    }

    private async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Briefingbot.dll"), .. args])
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Dossiers__CorpusPath"] = BotCli.Seeds;
        start.Environment["Dossiers__IndexPath"] = Path.Combine(_folder, "index");
        start.Environment["Storage__ConnectionString"] = $"Data Source={Path.Combine(_folder, "bot.db")}";
        // Were --help taken for a server start, the server would listen here (and the test would time out).
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.Fail($"Briefingbot {string.Join(' ', args)} did not exit within 90 s:\n{await output}\n{await error}");
        }
        return new CliRun(process.ExitCode, await output, await error);
    }
}
