using System.Text.Json;
using System.Text.Json.Serialization;
using Briefingbot.Dossiers.Index;
using Briefingbot.Dossiers.Ingest;
using Briefingbot.Dossiers.Search;

namespace Briefingbot.Cli;

/// <summary>
/// <c>search "query" [--json] [--page N] [--size N] [--dossier D] [--type T] [--chamber C] [--from yyyy-MM-dd] [--to yyyy-MM-dd]</c>.
/// The index is first brought up to date with the corpus (incremental: unchanged letters cost a hash), so a fresh
/// checkout answers at once. <c>--json</c> prints one object with the hits (10 per page unless <c>--size</c>),
/// each with the source file, letter id, passage offsets in the raw file, score, snippet, title, date and dossier.
/// </summary>
internal sealed class SearchCliCommand(IServiceProvider services) : ICliCommand
{
    private static readonly string[] OptionsWithValues = ["--page", "--size", "--dossier", "--type", "--chamber", "--from", "--to", "--corpus"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Name => "search";

    public string Usage => "search \"query\" [--json] [--page N] [--size N] [--dossier D] [--type T] [--chamber C] [--from DATE] [--to DATE]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        var query = string.Join(' ', CliArguments.Positionals(args, OptionsWithValues));
        var json = CliArguments.Flag(args, "--json");
        var paths = services.GetRequiredService<DossiersPaths>();
        var corpus = CliArguments.Option(args, "--corpus") is { } dir ? Path.GetFullPath(dir) : paths.CorpusPath;
        await services.GetRequiredService<ILetterIngestor>().IngestDirectoryAsync(corpus, cancellationToken: cancellationToken);

        var filters = new SearchFilters
        {
            Dossier = CliArguments.Option(args, "--dossier"),
            DocumentType = CliArguments.Option(args, "--type"),
            Chamber = CliArguments.Option(args, "--chamber"),
            From = DateOnly.TryParse(CliArguments.Option(args, "--from"), System.Globalization.CultureInfo.InvariantCulture, out var from) ? from : null,
            To = DateOnly.TryParse(CliArguments.Option(args, "--to"), System.Globalization.CultureInfo.InvariantCulture, out var to) ? to : null,
            PageSize = CliArguments.IntOption(args, "--size") ?? 10,
        };
        var page = Math.Max(0, (CliArguments.IntOption(args, "--page") ?? 1) - 1);
        var response = await services.GetRequiredService<ILetterSearch>().SearchAsync(query, filters, page, cancellationToken);

        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(new
            {
                query = response.Query,
                relaxation = response.Relaxation,
                totalLetters = response.TotalLetters,
                page = response.Page + 1,
                hasMore = response.HasMore,
                suggestions = response.Suggestions,
                totalPassages = response.TotalPassages,
                fullMatches = response.FullMatches,
                pageSize = response.PageSize,
                hits = response.Hits.Select(h => new
                {
                    sourceFile = h.SourceFile,
                    letterId = h.LetterId,
                    // The first shown passage's window (see passages for all of them).
                    start = h.Passages.Count > 0 ? h.Passages[0].Start : h.BestPassage.Start,
                    end = h.Passages.Count > 0 ? h.Passages[0].End : h.BestPassage.End,
                    score = h.Score,
                    snippet = h.Snippet.Text,
                    snippetMarkdown = h.Snippet.Markdown,
                    title = h.Title,
                    date = h.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    dossier = h.Dossier,
                    documentType = h.DocumentType,
                    documentNumber = h.DocumentNumber,
                    url = h.SourceUrl,
                    meeting = h.Meeting,
                    meetingDate = h.MeetingDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    passages = h.Passages.Select(p => new
                    {
                        rank = p.Rank + 1,
                        start = p.Start,
                        end = p.End,
                        role = p.Role.ToString().ToLowerInvariant(),
                        score = p.Score,
                        matchesAllTerms = p.MatchesAllTerms,
                        snippet = p.Snippet.Text,
                        snippetMarkdown = p.Snippet.Markdown,
                        passageStart = p.Passage.Start,
                        passageEnd = p.Passage.End,
                        question = p.Question is { } q ? new { party = q.Party, number = q.Number, text = q.Text } : null,
                    }),
                }),
            }, Json));
            return 0;
        }

        await output.WriteLineAsync($"\"{response.Query}\": {response.TotalPassages} passages in {response.TotalLetters} letters"
            + (response.FullMatches < response.TotalPassages ? $", {response.FullMatches} with every word" : string.Empty)
            + (response.Relaxation is { } r ? $" (relaxed: {r})" : string.Empty));
        foreach (var hit in response.Hits)
        {
            await output.WriteLineAsync($"{hit.Title ?? hit.SourceFile} [{hit.DocumentType}; {hit.Date:yyyy-MM-dd}; {hit.Dossier}]");
            foreach (var p in hit.Passages)
            {
                await output.WriteLineAsync($"  {p.Rank + 1}. {p.Role.ToString().ToLowerInvariant()}{(p.MatchesAllTerms ? "" : " (partial)")} score {p.Score:F2} {hit.SourceFile} [{p.Start}, {p.End})");
                if (p.Question is { } q)
                {
                    await output.WriteLineAsync($"     Q: {q.Text}");
                }
                await output.WriteLineAsync($"     {p.Snippet.Markdown}");
            }
        }
        if (response.Suggestions.Count > 0)
        {
            await output.WriteLineAsync("Suggestions: " + string.Join(", ", response.Suggestions));
        }
        if (response.HasMore)
        {
            await output.WriteLineAsync($"More: --page {response.Page + 2}");
        }
        return 0;
    }
}
