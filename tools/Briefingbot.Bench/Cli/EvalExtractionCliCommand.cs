using System.CommandLine;
using System.Globalization;
using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Meetings;
using Briefingbot.Dossiers.Promises;
using Briefingbot.Dossiers.Promises.Evaluation;
using Briefingbot.Kernel.Cli;

namespace Briefingbot.Cli;

/// <summary><c>eval-extraction [--labels FILE] [--corpus DIR]</c>: precision/recall of promise and meeting extraction.</summary>
public sealed class EvalExtractionCliCommand : ICliCommand
{
    private readonly ILetterParser _parser;
    private readonly IPromiseExtractor _promises;
    private readonly IMeetingExtractor _meetings;

    public EvalExtractionCliCommand() : this(new LetterParser(), new PromiseExtractor(), new MeetingExtractor())
    {
    }

    public EvalExtractionCliCommand(ILetterParser parser, IPromiseExtractor promises, IMeetingExtractor meetings)
    {
        _parser = parser;
        _promises = promises;
        _meetings = meetings;
    }

    public Command CreateCommand()
    {
        var labelsOption = CliOptions.ExistingFile("--labels", "The labels (default: tests/data/extraction/labels.json of the repository)");
        var corpusOption = CliOptions.ExistingDirectory("--corpus", "Folder of letters (default: the repository's seeds/)");
        var command = new Command("eval-extraction", "Promise precision/recall; meeting recall (right date) and precision, overall and per kind") { labelsOption, corpusOption };
        command.SetAction(parse => RunAsync(parse.GetValue(labelsOption)?.FullName, parse.GetValue(corpusOption)?.FullName, parse.InvocationConfiguration.Output));
        return command;
    }

    private async Task<int> RunAsync(string? labels, string? corpusFolder, TextWriter output)
    {
        var corpus = corpusFolder ?? LetterCorpus.DefaultDirectory();
        var labelsPath = labels
            ?? Path.Combine(LetterCorpus.RepositoryRoot() ?? Directory.GetCurrentDirectory(), "tests", "data", "extraction", "labels.json");
        if (!Directory.Exists(corpus) || !File.Exists(labelsPath))
        {
            await output.WriteLineAsync($"Corpus ({corpus}) or labels ({labelsPath}) not found.");
            return 2;
        }
        var score = new ExtractionEvaluator(_promises, _meetings).Evaluate(LetterCorpus.Load(corpus, _parser), ExtractionLabels.Load(labelsPath));
        var c = CultureInfo.InvariantCulture;
        await output.WriteLineAsync(string.Create(c, $"promises: labelled {score.PromisesLabelled}, extracted {score.PromisesExtracted}, matched {score.PromisesMatched}"));
        await output.WriteLineAsync(string.Create(c, $"promise precision {score.PromisePrecision:F3}  recall {score.PromiseRecall:F3}  due date right {score.PromiseDueAccuracy:F3}"));
        await output.WriteLineAsync(string.Create(c, $"meetings: labelled {score.MeetingsLabelled}, predicted {score.MeetingsPredicted}, right date {score.MeetingDatesRight}"));
        await output.WriteLineAsync(string.Create(c, $"meeting recall (right date) {score.MeetingRightDateRecall:F3}  precision {score.MeetingPrecision:F3}"));
        foreach (var k in score.ByKind)
        {
            await output.WriteLineAsync(string.Create(c, $"  {MeetingKinds.Id(k.Kind),-17} labelled {k.Labelled,2}  predicted {k.Predicted,2}  recall {k.Recall:F3}  precision {k.Precision:F3}"));
        }
        foreach (var line in score.Misses)
        {
            await output.WriteLineAsync("  miss: " + line);
        }
        foreach (var line in score.FalsePositives)
        {
            await output.WriteLineAsync("  extra: " + line);
        }
        return 0;
    }
}
