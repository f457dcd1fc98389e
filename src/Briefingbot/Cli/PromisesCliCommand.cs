using System.CommandLine;
using System.Text.Json;
using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Promises;
using Briefingbot.Kernel.Cli;

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

    public Command CreateCommand()
    {
        var json = CliOptions.Flag("--json", "Print JSON, for evaluation tools");
        var corpusOption = CliOptions.ExistingDirectory("--corpus", "Folder of letters (default: the repository's seeds/)");
        var command = new Command("promises", "List the toezeggingen (promises) extracted from the letters") { json, corpusOption };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(json), parse.GetValue(corpusOption), parse.InvocationConfiguration.Output));
        return command;
    }

    private async Task<int> RunAsync(bool json, DirectoryInfo? corpusOption, TextWriter output)
    {
        var corpus = corpusOption?.FullName ?? LetterCorpus.DefaultDirectory();
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
        if (json)
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
