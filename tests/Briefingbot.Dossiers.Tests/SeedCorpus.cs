using Briefingbot.Dossiers.Letters;

namespace Briefingbot.Dossiers.Tests;

/// <summary>The repository's seed letters, parsed once per test run.</summary>
internal static class SeedCorpus
{
    private static readonly Lazy<IReadOnlyDictionary<string, Letter>> Parsed = new(() =>
    {
        var parser = new LetterParser();
        return System.IO.Directory.GetFiles(FindSeeds(), "*.txt")
            .Select(f => parser.Parse(Path.GetFileName(f), File.ReadAllText(f)))
            .ToDictionary(l => l.Id[..3], l => l);
    });

    public static string SeedDirectory { get; } = FindSeeds();

    /// <summary>Letter by its number prefix: "000" … "004".</summary>
    public static Letter Get(string prefix) => Parsed.Value[prefix];

    public static IEnumerable<Letter> All => Parsed.Value.Values.OrderBy(l => l.Id, StringComparer.Ordinal);

    public static string RepoRoot { get; } = Path.GetDirectoryName(FindSeeds())!;

    private static string FindSeeds()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Briefingbot.sln")))
            {
                return Path.Combine(dir.FullName, "seeds");
            }
        }
        throw new InvalidOperationException("Briefingbot.sln not found above " + AppContext.BaseDirectory);
    }
}
