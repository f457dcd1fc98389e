using Briefingbot.Storage.Database;

namespace Briefingbot.TestSupport.Replay;

/// <summary>
/// What a sync leaves behind, in comparable form: the letters (file, hash, deleted), the documents' states, the
/// promise register (key, text, status, due date), the imported meetings, the index's passages (letter, number, offsets,
/// text hash) and the number of index documents. Two
/// syncs of the same feed must leave equal snapshots however often one of them was killed.
/// </summary>
public sealed record SyncStateSnapshot(
    IReadOnlyList<string> Letters, IReadOnlyList<string> Documents, IReadOnlyList<string> Promises, IReadOnlyList<string> Meetings, int IndexDocuments)
{
    /// <summary>The index's passages (<see cref="Dossiers.Index.IndexPassageDigest"/>); empty when not read.</summary>
    public IReadOnlyList<string> Passages { get; init; } = [];

    public static async Task<SyncStateSnapshot> ReadAsync(StoreDatabase database, int indexDocuments, IReadOnlyList<string>? passages = null, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct);
        return new SyncStateSnapshot(
            await c.QueryRowsAsync("SELECT source_file, content_hash, deleted FROM letters ORDER BY source_file", null,
                r => $"{r.Text("source_file")}|{r.Text("content_hash")}|{r.Bool("deleted")}", ct),
            await c.QueryRowsAsync("SELECT id, state FROM source_documents ORDER BY id", null, r => $"{r.Text("id")}|{r.Text("state")}", ct),
            await c.QueryRowsAsync("SELECT promise_key, letter_id, what, status, due_date FROM promises ORDER BY promise_key", null,
                r => $"{r.Text("promise_key")}|{r.Text("letter_id")}|{r.Text("what")}|{r.Text("status")}|{r.NullableDate("due_date")}", ct),
            await c.QueryRowsAsync("SELECT meeting_key, title, origin FROM meetings ORDER BY meeting_key", null,
                r => $"{r.Text("meeting_key")}|{r.NullableText("title")}|{r.Text("origin")}", ct),
            indexDocuments)
        {
            Passages = passages ?? [],
        };
    }

    /// <summary>The first difference, or null when equal.</summary>
    public string? DifferenceFrom(SyncStateSnapshot other)
    {
        static string? Diff(string what, IReadOnlyList<string> a, IReadOnlyList<string> b)
        {
            if (a.SequenceEqual(b))
            {
                return null;
            }
            var missing = b.Except(a).Take(3).ToList();
            var extra = a.Except(b).Take(3).ToList();
            return $"{what}: {a.Count} vs {b.Count}; missing [{string.Join("; ", missing)}], extra [{string.Join("; ", extra)}]";
        }
        return Diff("letters", Letters, other.Letters)
            ?? Diff("documents", Documents, other.Documents)
            ?? Diff("promises", Promises, other.Promises)
            ?? Diff("meetings", Meetings, other.Meetings)
            ?? Diff("passages", Passages, other.Passages)
            ?? (IndexDocuments == other.IndexDocuments ? null : $"index documents: {IndexDocuments} vs {other.IndexDocuments}");
    }
}
