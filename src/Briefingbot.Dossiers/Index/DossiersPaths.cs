using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Briefingbot.Dossiers.Index;

/// <summary>The corpus and index folders as absolute paths, resolved once from <see cref="DossiersOptions"/>.</summary>
public sealed class DossiersPaths
{
    public DossiersPaths(string corpusPath, string indexPath)
    {
        CorpusPath = corpusPath;
        IndexPath = indexPath;
    }

    public string CorpusPath { get; }

    public string IndexPath { get; }

    /// <summary>
    /// Relative paths resolve against the content root. When the corpus folder is missing there (the bot started
    /// from another folder), the copy of <c>seeds/</c> in the build output is used, so a fresh checkout answers
    /// questions about the seed letters with no set-up.
    /// </summary>
    public static DossiersPaths Resolve(IOptions<DossiersOptions> options, IHostEnvironment environment)
    {
        var o = options.Value;
        var root = environment.ContentRootPath;
        var corpus = Path.GetFullPath(o.CorpusPath, root);
        if (!Directory.Exists(corpus))
        {
            var fallback = Path.GetFullPath(o.CorpusPath, AppContext.BaseDirectory);
            if (Directory.Exists(fallback))
            {
                corpus = fallback;
            }
            else if (Directory.Exists(Path.Combine(AppContext.BaseDirectory, "seeds")))
            {
                corpus = Path.Combine(AppContext.BaseDirectory, "seeds");
            }
        }
        return new DossiersPaths(corpus, Path.GetFullPath(o.IndexPath, root));
    }
}
