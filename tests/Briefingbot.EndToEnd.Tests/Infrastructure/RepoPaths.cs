using System.Reflection;

namespace Briefingbot.EndToEnd.Tests.Infrastructure;

/// <summary>Where things are: the repository (found from the test's output folder), the built bot, the pinned npm tools, artifacts.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string Seeds => Path.Combine(Root, "seeds");

    /// <summary>tests/e2e-tools: package.json + package-lock.json pinning the Playground and playwright-core.</summary>
    public static string E2eTools => Path.Combine(Root, "tests", "e2e-tools");

    /// <summary>
    /// The bot as built by the project reference, in the configuration the tests were built with. It is started with
    /// <c>dotnet Briefingbot.dll</c> from its own build folder (which carries runtimeconfig, deps, appsettings, cards).
    /// </summary>
    public static string BotAssembly
    {
        get
        {
            // $BRIEFINGBOT_E2E_BOT runs the same tests against another build (e.g. a published folder).
            var overridden = Environment.GetEnvironmentVariable("BRIEFINGBOT_E2E_BOT");
            if (!string.IsNullOrWhiteSpace(overridden))
            {
                return Path.GetFullPath(overridden);
            }
            var configuration = typeof(RepoPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
            return Path.Combine(Root, "src", "Briefingbot", "bin", configuration, tfm, "Briefingbot.dll");
        }
    }

    /// <summary>artifacts/ at the repository root, or $BRIEFINGBOT_ARTIFACTS (scripts/test.sh collects from there).</summary>
    public static string Artifacts
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("BRIEFINGBOT_ARTIFACTS");
            var path = string.IsNullOrWhiteSpace(configured) ? Path.Combine(Root, "artifacts") : Path.GetFullPath(configured);
            Directory.CreateDirectory(path);
            return path;
        }
    }

    public static string Screenshots
    {
        get
        {
            var path = Path.Combine(Artifacts, "screenshots");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    public static string Logs
    {
        get
        {
            var path = Path.Combine(Artifacts, "e2e-logs");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Briefingbot.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"Briefingbot.sln not found above {AppContext.BaseDirectory}.");
    }
}
