using Briefingbot.Dossiers.Ingest;
using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Meetings;
using Briefingbot.Dossiers.Promises;
using Microsoft.Extensions.Logging;

namespace Briefingbot.Storage.Letters;

/// <summary>
/// Writes every letter the local ingest adds or changes to the shared letter store, and marks removed ones deleted,
/// so the other instances pick them up. Idempotent: an unchanged letter (same hash) does not take a new version, so
/// letters that arrive through <see cref="LetterStoreFollower"/> and pass the ingest again cause no echo.
/// </summary>
internal sealed class LetterStoreIngestObserver(ILetterStore store, TimeProvider timeProvider, ILogger<LetterStoreIngestObserver> logger)
    : ILetterIngestObserver
{
    public Task OnLetterIngestedAsync(Letter letter, IReadOnlyList<ExtractedPromise> promises, IReadOnlyList<ExtractedMeeting> meetings, CancellationToken cancellationToken) =>
        store.UpsertAsync(letter.SourceFile, letter.ContentHash, letter.RawText, timeProvider.GetUtcNow(), cancellationToken);

    public async Task OnLetterRemovedAsync(string letterId, CancellationToken cancellationToken)
    {
        // The ingest names removed letters by id; the id is the source file's name without its extension.
        var matches = (await store.ListAsync(cancellationToken))
            .Where(l => IsLetter(l.SourceFile, letterId))
            .ToList();
        if (matches.Count == 0)
        {
            logger.RemovedLetterUnknown(letterId);
            return;
        }
        foreach (var letter in matches)
        {
            await store.MarkDeletedAsync(letter.SourceFile, timeProvider.GetUtcNow(), cancellationToken);
        }
    }

    private static bool IsLetter(string sourceFile, string letterId) =>
        string.Equals(Path.GetFileNameWithoutExtension(sourceFile), letterId, StringComparison.Ordinal)
        || string.Equals(sourceFile, letterId, StringComparison.Ordinal);
}
