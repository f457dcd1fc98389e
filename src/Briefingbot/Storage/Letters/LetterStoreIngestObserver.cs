using Briefingbot.Dossiers.Ingest;
using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Meetings;
using Briefingbot.Dossiers.Promises;
using Briefingbot.Storage.Stores;
using Microsoft.Extensions.Logging;

namespace Briefingbot.Storage.Letters;

/// <summary>
/// Writes every letter the local ingest adds or changes to the shared letter store, and marks removed ones deleted,
/// so the other instances pick them up. Idempotent: an unchanged letter (same hash) does not take a new version, so
/// letters that arrive through <see cref="LetterStoreFollower"/> and pass the ingest again cause no echo.
/// </summary>
internal sealed class LetterStoreIngestObserver(LetterStore store, TimeProvider timeProvider, ILogger<LetterStoreIngestObserver> logger)
    : ILetterIngestObserver
{
    public Task OnLetterIngestedAsync(Letter letter, IReadOnlyList<ExtractedPromise> promises, IReadOnlyList<ExtractedMeeting> meetings, CancellationToken cancellationToken) =>
        store.UpsertAsync(letter.SourceFile, letter.ContentHash, letter.RawText, timeProvider.GetUtcNow(), cancellationToken);

    public async Task OnLetterRemovedAsync(string letterId, CancellationToken cancellationToken)
    {
        // The ingest names removed letters by id: the source file's name without its extension.
        var sourceFiles = await store.SourceFilesOfAsync(letterId, cancellationToken);
        if (sourceFiles.Count == 0)
        {
            logger.RemovedLetterUnknown(letterId);
            return;
        }
        foreach (var sourceFile in sourceFiles)
        {
            await store.MarkDeletedAsync(sourceFile, timeProvider.GetUtcNow(), cancellationToken);
        }
    }
}
