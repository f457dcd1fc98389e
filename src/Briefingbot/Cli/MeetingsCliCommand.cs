using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Meetings;
using Briefingbot.Kernel.Cli;

namespace Briefingbot.Cli;

/// <summary>
/// <c>meetings [--json] [--corpus DIR]</c>: the meetings the corpus names, one entry per meeting (kind, name as written,
/// date, end date, precision, upcoming/past relative to the letter) with all its mentions (file, raw offsets, text).
/// </summary>
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

    public Command CreateCommand()
    {
        var json = CliOptions.Flag("--json", "Print JSON, for evaluation tools");
        var corpusOption = CliOptions.ExistingDirectory("--corpus", "Folder of letters (default: the repository's seeds/)");
        var command = new Command("meetings", "List the meetings named in the letters, one entry per meeting with its mentions") { json, corpusOption };
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
        var meetings = MeetingCatalog.Build(LetterCorpus.Load(corpus, _parser), _extractor);
        var rows = meetings.Select(m => new
        {
            key = m.Key,
            kind = MeetingKinds.Id(m.Kind),
            type = m.Type,
            name = m.Name,
            date = Date(m.StartDate, m.Precision),
            endDate = Date(m.EndDate, m.Precision),
            precision = MeetingKinds.Id(m.Precision),
            dateSource = m.DateSource,
            location = m.Location,
            relative = m.Relative,
            mentions = m.Mentions.Select(x => new
            {
                file = x.File,
                letterId = x.LetterId,
                letterDate = x.LetterDate,
                start = x.Start,
                end = x.End,
                text = x.Text,
                relative = x.Relative,
            }).ToList(),
        }).ToList();
        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(rows, CliJson.Options));
            return 0;
        }
        foreach (var r in rows)
        {
            await output.WriteLineAsync($"{r.date,-10} {r.kind,-16} {r.type} ({r.precision}, {r.relative}) · {r.mentions.Count} vermelding(en): {string.Join(" | ", r.mentions.Select(x => $"{x.file}[{x.start}-{x.end}]"))}");
        }
        await output.WriteLineAsync($"{rows.Count} vergaderingen, {rows.Sum(r => r.mentions.Count)} vermeldingen");
        return 0;
    }

    /// <summary>"2025-12-01", or "2023-07" for a month-precise meeting (no made-up day).</summary>
    private static string Date(DateOnly date, DatePrecision precision) =>
        date.ToString(precision == DatePrecision.Month ? "yyyy-MM" : "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
