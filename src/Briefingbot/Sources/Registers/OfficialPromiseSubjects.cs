using Briefingbot.Sources.Sync;

namespace Briefingbot.Sources.Registers;

/// <summary>
/// What official register promises are about beyond their own sentence (text, ministry, status): the debate where
/// each was made, with its onderwerp and lead committee. A briefing matches a channel's topics against both.
/// </summary>
public interface IOfficialPromiseSubjects
{
    /// <summary>Subject text by the promise's "letter" id (<c>tk-toezegging-&lt;nummer&gt;</c>); promises without a known activity are absent.</summary>
    Task<IReadOnlyDictionary<string, string>> SubjectsAsync(CancellationToken ct);
}

/// <summary>The subjects from the synced Toezegging and Activiteit rows.</summary>
public sealed class StoredOfficialPromiseSubjects(SourceSyncStore store) : IOfficialPromiseSubjects
{
    public Task<IReadOnlyDictionary<string, string>> SubjectsAsync(CancellationToken ct) => store.PromiseSubjectsAsync(ct);
}
