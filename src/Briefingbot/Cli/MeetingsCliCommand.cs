using System.Text.Json;
using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Meetings;

namespace Briefingbot.Cli;

/// <summary><c>meetings --json [--corpus DIR]</c>: the dated meeting mentions extracted from the corpus.</summary>
public sealed class MeetingsCliCommand : ICliCommand
{
    private readonly ILetterParser _parser;
    private readonly IMeetingExtractor _extractor;

    public MeetingsCliCommand() : this(new LetterParser(), new MeetingExtractor())
    {
    }

    public MeetingsCliCommand(ILetterParser parser, IMeetingExtractor extractor)
    {
        _parser = parser;
        _extractor = extractor;
    }

    public string Name => "meetings";
    public string Usage => "meetings [--json] [--corpus DIR]   list the Council meetings mentioned in the letters";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        var corpus = CliJson.Option(args, "--corpus") ?? LetterCorpus.DefaultDirectory();
        if (!Directory.Exists(corpus))
        {
            await output.WriteLineAsync($"Corpus folder not found: {corpus}");
            return 2;
        }
        var rows = LetterCorpus.Load(corpus, _parser)
            .SelectMany(letter => _extractor.Extract(letter).Select(m => new
            {
                file = letter.SourceFile,
                letterId = letter.Id,
                letterDate = letter.Date,
                m.Key,
                m.Type,
                m.StartDate,
                m.EndDate,
                m.Location,
                m.MentionText,
                m.Start,
                m.End,
                m.IsAfterLetter,
                m.Confidence,
            }))
            .ToList();
        if (args.Contains("--json", StringComparer.OrdinalIgnoreCase))
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(rows, CliJson.Options));
            return 0;
        }
        foreach (var r in rows)
        {
            await output.WriteLineAsync($"{r.StartDate:yyyy-MM-dd} {r.Type,-18} {r.file} [{r.Start}-{r.End}] {r.MentionText}");
        }
        await output.WriteLineAsync($"{rows.Count} vermeldingen, {rows.Select(r => r.Key).Distinct().Count()} vergaderingen");
        return 0;
    }
}
