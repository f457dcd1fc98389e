using Briefingbot.Dossiers.Ingest;
using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Meetings;
using Briefingbot.Dossiers.Promises;
using Briefingbot.Storage;

namespace Briefingbot.Registers;

/// <summary>
/// Keeps the promise and meeting registers in step with the ingest: every (re-)ingested letter's extractions are
/// upserted by key, a removed letter's rows are dropped. Idempotent by the registers' contract (upsert by key), and
/// the registers never let extraction overwrite an admin's decision (status, admin-locked meetings).
/// </summary>
public sealed class RegisterIngestObserver(IPromiseRegister promises, IMeetingRegister meetings, TimeProvider time, ILogger<RegisterIngestObserver> logger) : ILetterIngestObserver
{
    public async Task OnLetterIngestedAsync(Letter letter, IReadOnlyList<ExtractedPromise> extractedPromises, IReadOnlyList<ExtractedMeeting> extractedMeetings, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await promises.UpsertExtractedAsync(letter.Id, letter.Date, extractedPromises, now, cancellationToken);
        await meetings.UpsertExtractedAsync(letter.Id, extractedMeetings, now, cancellationToken);
        Log.LetterRegistered(logger, letter.Id, extractedPromises.Count, extractedMeetings.Count);
    }

    public async Task OnLetterRemovedAsync(string letterId, CancellationToken cancellationToken)
    {
        await promises.RemoveLetterAsync(letterId, cancellationToken);
        await meetings.RemoveLetterAsync(letterId, cancellationToken);
        Log.LetterRemoved(logger, letterId);
    }
}
