namespace Briefingbot.Dossiers.Letters;

/// <summary>Reads a folder of letters (the corpus) for command-line tools and evaluation.</summary>
public static class LetterCorpus
{
    private static readonly string[] Extensions = [".txt", ".md", ".html", ".htm", ".xml"];

    /// <summary>
    /// The default corpus: the repository's <c>seeds</c> folder, found by walking up from <paramref name="start"/> to
    /// Briefingbot.sln (then from the executable's folder); otherwise <c>./seeds</c>.
    /// </summary>
    public static string DefaultDirectory(string? start = null)
    {
        foreach (var from in new[] { start ?? Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Briefingbot.sln")))
                {
                    return Path.Combine(dir.FullName, "seeds");
                }
            }
        }
        return Path.Combine(Directory.GetCurrentDirectory(), "seeds");
    }

    /// <summary>The repository root (folder of Briefingbot.sln) above <paramref name="start"/>, or null.</summary>
    public static string? RepositoryRoot(string? start = null)
    {
        var seeds = DefaultDirectory(start);
        var root = Path.GetDirectoryName(seeds);
        return root is not null && File.Exists(Path.Combine(root, "Briefingbot.sln")) ? root : null;
    }

    /// <summary>Parses every letter file in <paramref name="directory"/>, in file-name order.</summary>
    public static IReadOnlyList<Letter> Load(string directory, ILetterParser parser) =>
        Directory.EnumerateFiles(directory)
            .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(f => parser.Parse(Path.GetFileName(f), File.ReadAllText(f)))
            .ToList();
}
