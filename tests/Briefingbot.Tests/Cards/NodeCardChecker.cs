using System.Diagnostics;
using System.Text.Json;

namespace Briefingbot.Tests.Cards;

/// <summary>
/// Runs tests/cardcheck/cardcheck.js: the official adaptivecards-templating, the Adaptive Card 1.5 schema (ajv)
/// and the official adaptivecards renderer. Installs the pinned npm packages (npm ci, from package-lock.json)
/// the first time, when node_modules is missing.
/// </summary>
public static class NodeCardChecker
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);
    private static bool _installed;

    public static string RepoRoot { get; } = FindRepoRoot();

    public static string CardsFolder => Path.Combine(RepoRoot, "cards");

    public static string CheckerFolder => Path.Combine(RepoRoot, "tests", "cardcheck");

    public sealed record Job(string Name, string? Template = null, string? Data = null, string? Card = null);

    public sealed record Result(string Name, JsonElement? Expanded, IReadOnlyList<string> SchemaErrors, IReadOnlyList<string> RendererEvents, int Size, bool SizeOk, string? Error);

    public static async Task<IReadOnlyDictionary<string, Result>> RunAsync(IEnumerable<Job> jobs)
    {
        await EnsureInstalledAsync();
        var jobFile = Path.Combine(Path.GetTempPath(), $"cardcheck-{Guid.NewGuid():N}.json");
        try
        {
            await File.WriteAllTextAsync(jobFile, JsonSerializer.Serialize(jobs.Select(j => new { name = j.Name, template = j.Template, data = j.Data, card = j.Card })));
            var (exit, stdout, stderr) = await RunProcessAsync("node", ["cardcheck.js", "--jobs", jobFile], CheckerFolder, TimeSpan.FromMinutes(3));
            Assert.True(exit == 0, $"cardcheck.js failed ({exit}): {stderr}");
            using var doc = JsonDocument.Parse(stdout);
            var results = new Dictionary<string, Result>();
            foreach (var r in doc.RootElement.EnumerateArray())
            {
                var name = r.GetProperty("name").GetString()!;
                results[name] = new Result(
                    name,
                    r.TryGetProperty("expanded", out var e) ? e.Clone() : null,
                    Strings(r, "schemaErrors"),
                    Strings(r, "rendererEvents"),
                    r.TryGetProperty("size", out var s) ? s.GetInt32() : -1,
                    r.TryGetProperty("sizeOk", out var ok) && ok.GetBoolean(),
                    r.TryGetProperty("error", out var err) ? err.GetString() : null);
            }
            return results;
        }
        finally
        {
            File.Delete(jobFile);
        }
    }

    private static List<string> Strings(JsonElement r, string name) =>
        r.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray().Select(x => x.GetString()!).ToList() : [];

    private static async Task EnsureInstalledAsync()
    {
        await InstallLock.WaitAsync();
        try
        {
            if (_installed)
            {
                return;
            }
            var marker = Path.Combine(CheckerFolder, "node_modules", "adaptivecards-templating", "package.json");
            var ajv = Path.Combine(CheckerFolder, "node_modules", "ajv", "package.json");
            var renderer = Path.Combine(CheckerFolder, "node_modules", "adaptivecards", "package.json");
            if (!File.Exists(marker) || !File.Exists(ajv) || !File.Exists(renderer))
            {
                var (exit, _, stderr) = await RunProcessAsync("npm", ["ci", "--no-audit", "--no-fund"], CheckerFolder, TimeSpan.FromMinutes(8));
                Assert.True(exit == 0, $"npm ci in tests/cardcheck failed ({exit}): {stderr}");
            }
            _installed = true;
        }
        finally
        {
            InstallLock.Release();
        }
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunProcessAsync(string file, string[] args, string workingDirectory, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {file}.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish within {timeout}.");
        }
        return (process.ExitCode, await stdout, await stderr);
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Briefingbot.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Briefingbot.sln not found above the test folder.");
    }
}
