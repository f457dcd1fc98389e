using Briefingbot.Dossiers.Index;
using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Summaries;
using Microsoft.Extensions.Logging;

namespace Briefingbot.Dossiers.Tests.Index;

/// <summary>
/// One process per index, and an index that cannot be read does not keep the bot from starting. Found in a session:
/// the `search` command line ran its own ingest next to a running bot; the two writers left a <c>segments.gen</c>
/// naming a <c>segments_N</c> that no longer existed, and the bot failed to start ("Could not find file segments_1g").
/// </summary>
public sealed class IndexOwnershipTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "bb-ownership-" + Guid.NewGuid().ToString("N"));

    private string IndexPath => Path.Combine(_root, "index");

    public void Dispose() => System.IO.Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_second_user_of_the_index_is_refused_until_the_first_lets_go()
    {
        using (var first = new LetterIndex(IndexPath))
        {
            first.EnsureOpen();
            using var second = new LetterIndex(IndexPath);

            var refused = Assert.Throws<IndexInUseException>(second.EnsureOpen);
            Assert.Contains("in use by another Briefingbot process", refused.Message, StringComparison.Ordinal);
            Assert.Contains(LetterIndex.ProcessLockFile, refused.Message, StringComparison.Ordinal);
        }

        using var after = new LetterIndex(IndexPath);
        after.EnsureOpen();
        using var lease = after.Acquire();
        Assert.Equal(0, lease.Searcher.IndexReader.NumDocs);
    }

    [Fact]
    public async Task An_index_whose_commit_is_gone_is_moved_aside_and_opened_empty_for_the_ingest_to_fill()
    {
        using (var index = new TestIndex(parser: new LetterParser(), summarizer: new ExtractiveSummarizer()))
        {
            // A TestIndex has its own root; copy the layout: write a letter, ingest, and take its index folder.
            index.WriteLetter("a.txt", TestLetters.Text("Drones", "Het kabinet koopt drones voor de marine."));
            await index.IngestAsync();
            index.Index.Dispose();
            CopyFolder(index.Index.Path, IndexPath);
        }
        foreach (var commit in System.IO.Directory.GetFiles(IndexPath, "segments_*"))
        {
            File.Delete(commit); // segments.gen stays and names a commit that is gone
        }
        var log = new ListLogger<LetterIndex>();

        using var reopened = new LetterIndex(IndexPath, log);
        reopened.EnsureOpen();

        using (var lease = reopened.Acquire())
        {
            Assert.Equal(0, lease.Searcher.IndexReader.NumDocs);
        }
        var moved = Path.Combine(_root, "index.unreadable-1");
        Assert.True(System.IO.Directory.Exists(moved));
        Assert.Contains(System.IO.Directory.GetFiles(moved), f => Path.GetFileName(f) == "segments.gen");
        Assert.Contains(log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("could not be read", StringComparison.Ordinal)
            && e.Message.Contains(moved, StringComparison.Ordinal));
    }

    private static void CopyFolder(string from, string to)
    {
        System.IO.Directory.CreateDirectory(to);
        foreach (var file in System.IO.Directory.GetFiles(from).Where(f => Path.GetFileName(f) != LetterIndex.ProcessLockFile))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
