using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Lucene.Net.Index;

namespace Briefingbot.Dossiers.Index;

/// <summary>
/// The passages an index holds, in comparable form: one line per passage (letter id, passage number, offsets and a
/// hash of its text), sorted. Two indexes built from the same letters give equal lists however they got there (the
/// sync crash check compares a killed-and-restarted sync with an uninterrupted one this way).
/// </summary>
public static class IndexPassageDigest
{
    public static IReadOnlyList<string> Read(LetterIndex index)
    {
        index.Refresh();
        using var lease = index.Acquire();
        var reader = lease.Searcher.IndexReader;
        var live = MultiFields.GetLiveDocs(reader);
        var lines = new List<string>();
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            if (live is not null && !live.Get(doc))
            {
                continue;
            }
            var stored = reader.Document(doc);
            if (stored.GetField(IndexFields.PassageIndex) is null)
            {
                continue; // the letter's own document
            }
            var passage = LetterDocuments.ReadPassage(stored);
            var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(passage.Text)))[..16];
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{stored.Get(IndexFields.LetterId)}|{passage.Index}|{passage.Start}|{passage.End}|{hash}"));
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
