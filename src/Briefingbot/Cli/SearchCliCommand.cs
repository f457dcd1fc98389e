using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Briefingbot.Dossiers.Index;
using Briefingbot.Dossiers.Ingest;
using Briefingbot.Dossiers.Search;
using Briefingbot.Kernel.Cli;

namespace Briefingbot.Cli;

/// <summary>
/// <c>search "query" [--json] [--page N] [--size N] [--dossier D] [--type T] [--chamber C] [--from DATE] [--to DATE] [--corpus DIR]</c>.
/// The index is first brought up to date with the corpus (incremental: unchanged letters cost a hash), so a fresh
/// checkout answers at once. <c>--json</c> prints one object with the hits (<c>Dossiers:PageSize</c> per page, as in
/// the chat, unless <c>--size</c>), each with the source file, letter id, passage offsets in the raw file, score,
/// snippet, title, date and dossier; ranks count over all pages with that page size.
/// </summary>
internal sealed class SearchCliCommand(IServiceProvider services) : ICliCommand
{
    /// <summary>The largest page the search serves (LetterSearch clamps to it).</summary>
    private const int MaxPageSize = 50;

    /// <summary>The last page (1-based) the search serves (LetterSearch clamps 0-based pages to 1000).</summary>
    private const int MaxPage = 1001;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public Command CreateCommand()
    {
        var query = new Argument<string[]>("query") { Description = "The words to search for (quote a phrase; after -- a word may start with '-')", Arity = ArgumentArity.OneOrMore };
        var json = CliOptions.Flag("--json", "Print one JSON object with the hits, for tools");
        var page = CliOptions.Int("--page", 1, "Page of results, from 1", max: MaxPage);
        var size = CliOptions.OptionalInt("--size", "Passages per page (default: the setting Dossiers:PageSize)", max: MaxPageSize);
        var dossier = CliOptions.Text("--dossier", "Only letters of this dossier (\"21501-28\")", "D");
        var type = CliOptions.Text("--type", "Only letters of this document type (\"Brief regering\")", "T");
        var chamber = CliOptions.OneOf("--chamber", "Only letters to this chamber", "Tweede Kamer", "Eerste Kamer");
        var from = CliOptions.Date("--from", "Only letters dated on or after this day (an undated letter: the date of the meeting it prepares)");
        var to = CliOptions.Date("--to", "Only letters dated on or before this day");
        var corpus = CliOptions.ExistingDirectory("--corpus", "Folder of letters to bring the index up to date with first (default: the setting Dossiers:CorpusPath)");
        var command = new Command("search", "Search the letters as the chat does and print the ranked passages")
        {
            query, json, page, size, dossier, type, chamber, from, to, corpus,
        };
        command.Validators.Add(result =>
        {
            if (result.ValueOrDefault(from) is { } f && result.ValueOrDefault(to) is { } t && f > t)
            {
                result.AddError($"--from ({f:yyyy-MM-dd}) is after --to ({t:yyyy-MM-dd}).");
            }
        });
        command.SetAction((parse, cancellationToken) => RunAsync(
            string.Join(' ', parse.GetValue(query) ?? []),
            new SearchFilters
            {
                Dossier = parse.GetValue(dossier),
                DocumentType = parse.GetValue(type),
                Chamber = parse.GetValue(chamber),
                From = parse.GetValue(from),
                To = parse.GetValue(to),
                // Null: the configured page size (Dossiers:PageSize), the one the chat pages by.
                PageSize = parse.GetValue(size),
            },
            parse.GetValue(page) - 1,
            parse.GetValue(json),
            parse.GetValue(corpus),
            parse.InvocationConfiguration.Output,
            cancellationToken));
        return command;
    }

    private async Task<int> RunAsync(string query, SearchFilters filters, int page, bool json, DirectoryInfo? corpusOption, TextWriter output, CancellationToken cancellationToken)
    {
        var paths = services.GetRequiredService<DossiersPaths>();
        var corpus = corpusOption?.FullName ?? paths.CorpusPath;
        await services.GetRequiredService<ILetterIngestor>().IngestDirectoryAsync(corpus, cancellationToken: cancellationToken);

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
                alsoSearched = response.AlsoSearched,
                totalPassages = response.TotalPassages,
                fullMatches = response.FullMatches,
                queryWords = response.QueryWords,
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
                        words = p.Words,
                        snippet = p.Snippet.Text,
                        snippetMarkdown = p.Snippet.Markdown,
                        passageStart = p.Passage.Start,
                        passageEnd = p.Passage.End,
                        question = p.Question is { } q ? new { party = q.Party, number = q.Number, text = q.Text, marked = q.Marked?.Markdown } : null,
                    }),
                }),
            }, Json));
            return 0;
        }

        await output.WriteLineAsync($"\"{response.Query}\": {response.TotalPassages} passages in {response.TotalLetters} letters"
            + (response.FullMatches < response.TotalPassages ? $", {response.FullMatches} with every word" : string.Empty)
            + (response.Relaxation is { } r ? $" (relaxed: {r})" : string.Empty));
        if (response.AlsoSearched.Count > 0)
        {
            await output.WriteLineAsync("Also found by: " + string.Join(", ", response.AlsoSearched));
        }
        foreach (var hit in response.Hits)
        {
            // Only what the letter states: no empty slots for an unknown date or dossier (QA pass).
            var facts = new[] { hit.DocumentType, hit.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), hit.Dossier }
                .Where(f => !string.IsNullOrWhiteSpace(f));
            await output.WriteLineAsync($"{hit.Title ?? hit.SourceFile} [{string.Join("; ", facts)}]");
            foreach (var p in hit.Passages)
            {
                await output.WriteLineAsync($"  {p.Rank + 1}. {p.Role.ToString().ToLowerInvariant()}{PartialLabel(p, response)} score {p.Score:F2} {hit.SourceFile} [{p.Start}, {p.End})");
                if (p.Question is { } q)
                {
                    await output.WriteLineAsync($"     Q: {q.Marked?.Markdown ?? q.Text}");
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

    /// <summary>
    /// How a partial match falls short: "2 of 3 words", or every word read more broadly than typed (a compound's part,
    /// a split word), which the card calls "niet allemaal zoals je ze typte"; never "2 of 2 words" (QA pass).
    /// </summary>
    private static string PartialLabel(PassageHit p, SearchResponse response) =>
        p.MatchesAllTerms ? ""
        : p.Words > 0 && response.QueryWords > 0 && p.Words < response.QueryWords ? $" (partial: {p.Words} of {response.QueryWords} words)"
        : p.Words > 0 && p.Words >= response.QueryWords ? " (partial: every word, read more broadly than typed)"
        : " (partial)";
}
