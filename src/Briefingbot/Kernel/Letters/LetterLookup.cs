using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Search;

namespace Briefingbot.Kernel.Letters;

/// <summary>
/// Optional access to the letter search. Administration and the registers work without an index (a bot that is
/// still ingesting, tests of one area); callers then get "unknown" answers instead of a failing container.
/// </summary>
public sealed class LetterLookup(IServiceProvider services)
{
    public ILetterSearch? Search => services.GetService<ILetterSearch>();

    public async Task<Letter?> GetAsync(string id, CancellationToken cancellationToken) =>
        Search is { } search ? await search.GetLetterAsync(id, cancellationToken) : null;
}
