using System.Text.RegularExpressions;
using Briefingbot.Dossiers.Index;
using Briefingbot.Dossiers.Ingest;
using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Meetings;
using Briefingbot.Dossiers.Promises;
using Briefingbot.Dossiers.Search;
using Briefingbot.Tests.Cards;
using Briefingbot.Tests.Chat.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Briefingbot.Tests.Chat;

/// <summary>
/// The real Lucene index and search (Briefingbot.Dossiers) over the five seed letters, in a temp folder. The
/// letter parser is the project's own ILetterParser when one is built into Briefingbot.Dossiers; until the
/// letters work lands there, a plain blank-line splitter stands in (no metadata, same text), so the search,
/// highlighting and cards run on the real index either way.
/// </summary>
public sealed class SeedIndex : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "bb-chat-index-" + Guid.NewGuid().ToString("N"));
    private LetterIndex? _index;

    public ILetterSearch Search { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var corpus = Path.Combine(_root, "corpus");
        Directory.CreateDirectory(corpus);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(NodeCardChecker.RepoRoot, "seeds")))
        {
            File.Copy(file, Path.Combine(corpus, Path.GetFileName(file)));
        }
        var parser = ProjectParser() ?? new StandInDossierServices.BlankLineParser();
        var summarizer = ProjectService<ILetterSummarizer>() ?? new StandInDossierServices.FirstSentences();
        _index = new LetterIndex(Path.Combine(_root, "index"));
        var ingestor = new LetterIngestor(_index, parser, summarizer, new StandInDossierServices.NoPromises(), new StandInDossierServices.NoMeetings(), [],
            new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero)), 50);
        await ingestor.IngestDirectoryAsync(corpus);
        Search = new LetterSearch(_index, parser, 3);
    }

    public Task DisposeAsync()
    {
        _index?.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder does not affect other tests.
        }
        return Task.CompletedTask;
    }

    private static ILetterParser? ProjectParser() => ProjectService<ILetterParser>();

    /// <summary>The project's implementation of <typeparamref name="T"/> in Briefingbot.Dossiers, if there is one.</summary>
    private static T? ProjectService<T>() where T : class
    {
        var type = typeof(ILetterParser).Assembly.GetTypes()
            .FirstOrDefault(t => typeof(T).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false });
        if (type is null)
        {
            return null;
        }
        try
        {
            var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System).BuildServiceProvider();
            return (T)ActivatorUtilities.CreateInstance(services, type);
        }
        catch (InvalidOperationException)
        {
            // Needs services this test does not have: use the stand-in.
            return null;
        }
    }
}
