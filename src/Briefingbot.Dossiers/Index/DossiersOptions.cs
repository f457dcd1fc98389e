using System.ComponentModel.DataAnnotations;

namespace Briefingbot.Dossiers.Index;

/// <summary>Settings of the "Dossiers" section: where the corpus and the index live, and search paging.</summary>
public sealed class DossiersOptions
{
    public const string SectionName = "Dossiers";

    /// <summary>Folder of letters; relative paths are resolved against the content root.</summary>
    [Required]
    public string CorpusPath { get; set; } = "seeds";

    /// <summary>Folder of the Lucene index; relative paths are resolved against the content root.</summary>
    [Required]
    public string IndexPath { get; set; } = "data/index";

    /// <summary>Passages per page of search results (letters for searches that rank letters).</summary>
    [Range(1, 50)]
    public int PageSize { get; set; } = 10;

    /// <summary>Whether the hosted index ingests the corpus folder when the bot starts (in the background).</summary>
    public bool IngestOnStart { get; set; } = true;

    /// <summary>
    /// Whether that start-up ingest removes indexed letters that are not in the corpus folder (true: the folder is
    /// the whole corpus). The host turns it off when the index also follows a shared letter store, whose letters
    /// other instances ingested are in no local folder: removing them would delete them for every instance.
    /// </summary>
    public bool RemoveMissingOnStart { get; set; } = true;

    /// <summary>
    /// Memory, in MB, for the index's term dictionaries and postings held in memory for fast search (about 170 MB at
    /// a million passages); files beyond it are read from disk. 0 turns it off.
    /// </summary>
    [Range(0, 1_000_000)]
    public int PreloadMemoryMb { get; set; } = (int)(PreloadingDirectory.DefaultBudgetBytes / (1024 * 1024));

    /// <summary>
    /// Memory, in MB, for the index's stored fields (the text of the answers shown) held in memory, apart from
    /// <see cref="PreloadMemoryMb"/> (about 250 MB at a million passages, and up to twice that for a moment while a merged
    /// segment replaces the ones it merged); beyond it they are read from disk. 0 turns it off.
    /// </summary>
    [Range(0, 1_000_000)]
    public int PreloadStoredMemoryMb { get; set; } = (int)(PreloadingDirectory.DefaultStoredBudgetBytes / (1024 * 1024));

    /// <summary>Letters per index commit during an ingest: a crash loses at most this many letters of work.</summary>
    [Range(1, 100_000)]
    public int CommitEvery { get; set; } = 50;
}
