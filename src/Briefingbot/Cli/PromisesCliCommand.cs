using System.Text.Json;
using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Promises;

namespace Briefingbot.Cli;

/// <summary><c>promises --json [--corpus DIR]</c>: the toezeggingen extracted from the corpus, for evaluation.</summary>
public sealed class PromisesCliCommand : ICliCommand
{
    private readonly ILetterParser _parser;
    private readonly IPromiseExtractor _extractor;

    public PromisesCliCommand() : this(new LetterParser(), new PromiseExtractor())
    {
    }

    public PromisesCliCommand(ILetterParser parser, IPromiseExtractor extractor)
    {
        _parser = parser;
        _extractor = extractor;
    }

    public string Name => "promises";
    public string Usage => "promises [--json] [--corpus DIR]   list the toezeggingen extracted from the letters";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        var corpus = CliJson.Option(args, "--corpus") ?? LetterCorpus.DefaultDirectory();
        if (!Directory.Exists(corpus))
        {
            await output.WriteLineAsync($"Corpus folder not found: {corpus}");
            return 2;
        }
        var rows = LetterCorpus.Load(corpus, _parser)
            .SelectMany(letter => _extractor.Extract(letter).Select(p => new
            {
                file = letter.SourceFile,
                letterId = letter.Id,
                letterDate = letter.Date,
                p.Key,
                p.Start,
                p.End,
                p.Sentence,
                p.Actor,
                p.What,
                p.DeadlinePhrase,
                p.DueDate,
                p.Confidence,
            }))
            .ToList();
        if (args.Contains("--json", StringComparer.OrdinalIgnoreCase))
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(rows, CliJson.Options));
            return 0;
        }
        foreach (var r in rows)
        {
            await output.WriteLineAsync($"{r.file} [{r.Start}-{r.End}] due {r.DueDate?.ToString("yyyy-MM-dd") ?? "-"} ({r.DeadlinePhrase ?? "geen termijn"}): {r.Sentence}");
        }
        await output.WriteLineAsync($"{rows.Count} toezeggingen");
        return 0;
    }
}
