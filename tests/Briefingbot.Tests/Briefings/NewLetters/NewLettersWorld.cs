using Briefingbot.Briefings;
using Briefingbot.Briefings.Composition;
using Briefingbot.Briefings.NewLetters;
using Briefingbot.Cards;
using Briefingbot.Dossiers.Index;
using Briefingbot.Dossiers.Ingest;
using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Letters.Extraction;
using Briefingbot.Dossiers.Meetings;
using Briefingbot.Dossiers.Promises;
using Briefingbot.Dossiers.Search;
using Briefingbot.Dossiers.Summaries;
using Briefingbot.Protocol;
using Briefingbot.Storage;
using Briefingbot.Tests.Briefings.Fakes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Briefingbot.Tests.Briefings.NewLetters;

/// <summary>
/// A bot's durable world for new letters: the real SQLite store and a real Lucene index in a temp folder, the real
/// parser and ingest (with the arrival observer), a recording connector and a fake clock. <see cref="Start"/> builds a
/// bot instance on it; disposing it and starting another is a restart.
/// </summary>
public sealed class NewLettersWorld : IDisposable
{
    public NewLettersWorld(DateTimeOffset now)
    {
        Time = new FakeTimeProvider(now);
        Directory = System.IO.Directory.CreateTempSubdirectory("briefing-newletters-").FullName;
    }

    public FakeTimeProvider Time { get; }
    public string Directory { get; }
    public RecordingMessenger Messenger { get; } = new();

    public Instance Start() => new(this);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    /// <summary>One running bot instance on the world.</summary>
    public sealed class Instance : IAsyncDisposable
    {
        private readonly ServiceProvider _provider;
        private readonly LetterIndex _index;

        internal Instance(NewLettersWorld world)
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "sqlite",
                ["Storage:ConnectionString"] = $"Data Source={Path.Combine(world.Directory, "briefingbot.db")}",
            }).Build();
            var services = new ServiceCollection();
            services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
            services.AddSingleton<TimeProvider>(world.Time);
            services.AddStorage(configuration);
            services.AddSingleton<IProactiveMessenger>(world.Messenger);
            _index = new LetterIndex(Path.Combine(world.Directory, "index"), null, 0);
            var search = new LetterSearch(_index, new LetterParser());
            services.AddSingleton<ILetterSearch>(search);
            services.AddSingleton(new CardRenderer(Microsoft.Extensions.Options.Options.Create(new CardOptions { TemplatesPath = CardsFolder })));
            services.AddNewLetterAlerts();
            services.AddBriefingCore();
            _provider = services.BuildServiceProvider();
            Ingestor = new LetterIngestor(_index, new LetterParser(), new ExtractiveSummarizer(), new PromiseExtractor(), new MeetingExtractor(),
                _provider.GetServices<ILetterIngestObserver>(), world.Time);
        }

        public ILetterIngestor Ingestor { get; }
        public IServiceProvider Services => _provider;
        public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

        /// <summary>Ingests a letter with front matter (as a live source delivers it).</summary>
        public Task IngestAsync(string id, string title, DateOnly date, string body) =>
            Ingestor.IngestAsync([new LetterSource(id + ".txt", LetterFrontMatter.Compose(
                new KnownLetterMetadata(Title: title, Type: "Brief regering", Date: date, Dossier: "21 501-28", Number: id.GetHashCode(StringComparison.Ordinal).ToString("x", System.Globalization.CultureInfo.InvariantCulture)[..3],
                    Url: $"https://zoek.officielebekendmakingen.nl/{id}.html", Source: "test"), body))], removeOthers: false);

        public async ValueTask DisposeAsync()
        {
            await _provider.DisposeAsync();
            _index.Dispose();
        }
    }

    public static string CardsFolder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Briefingbot.sln")))
                {
                    return Path.Combine(dir.FullName, "cards");
                }
            }
            throw new InvalidOperationException("Briefingbot.sln not found");
        }
    }
}
