using System.Text.Json;
using System.Text.Json.Serialization;
using Briefingbot.Cards;
using Briefingbot.Chat.Search;
using Briefingbot.Dossiers.Search;
using Briefingbot.Protocol.Schema;
using Microsoft.Extensions.Options;

namespace Briefingbot.Chat.MessageExtension;

/// <summary>
/// The Teams message extension's search command (<c>composeExtension/query</c>): a user searches letters from the
/// compose box and inserts one result card into any conversation. The answer is synchronous and Teams waits 5 s,
/// so the search gets a time budget; every card is one letter, without buttons that need the bot (it may not be
/// in that conversation), and within the 28 KB limit.
/// </summary>
public sealed class MessageExtensionSearch(
    ILetterSearch search,
    ChatResponder responder,
    TimeProvider time,
    IOptions<ChatOptions> options,
    ILogger<MessageExtensionSearch> logger)
{
    public const string InvokeName = "composeExtension/query";
    /// <summary>At most this many results per answer: Teams asks for 25 (its queryOptions.count).</summary>
    public const int MaxResults = 25;
    private const int PageSize = 10;

    public async Task<InvokeResponse> QueryAsync(JsonElement? value, CancellationToken cancellationToken)
    {
        var (query, skip, count) = ReadQuery(value);
        if (query is null)
        {
            return Message("Typ een paar woorden om in Kamerbrieven te zoeken, bijvoorbeeld ‘drones’.");
        }

        var request = SearchQueryParser.Parse(query);
        if (request.Query.Length == 0 && !request.HasFilters)
        {
            return Message("Typ een paar woorden om in Kamerbrieven te zoeken, bijvoorbeeld ‘drones’.");
        }
        // Teams asks for results [skip, skip + count) and asks next for skip + count (a QA pass: count 25 gave ten
        // results and the next request, skip 25, read page 2, so results 11-25 were never shown). Its skips are
        // multiples of its count: one search with that page size. Another offset reads the pages of ten that hold the
        // range and cuts it out.
        var take = Math.Clamp(count, 1, MaxResults);
        var pageSize = skip % take == 0 ? take : PageSize;
        var firstPage = Math.Min(skip / pageSize, SearchRequest.MaxPage);
        var offset = skip / pageSize > SearchRequest.MaxPage ? pageSize : skip % pageSize;
        var lastPage = Math.Min(SearchRequest.MaxPage, firstPage + (offset + take - 1) / pageSize);
        request = request with { Filters = request.Filters with { PageSize = pageSize }, Page = firstPage };

        var pages = new List<SearchResponse>();
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timeout = options.Value.MessageExtensionTimeout;
        // One budget for the whole answer (Teams waits about five seconds): no page is read after it ran out, and the
        // pages read in time are answered. (The index search itself completes synchronously in milliseconds; the wait
        // bounds a search that is slow to start, such as one waiting for the index.)
        var started = time.GetTimestamp();
        for (var page = firstPage; page <= lastPage; page++)
        {
            var left = timeout - time.GetElapsedTime(started);
            try
            {
                if (left <= TimeSpan.Zero)
                {
                    throw new TimeoutException();
                }
                var response = await search.SearchAsync(request.Query, request.Filters, page, budget.Token)
                    .WaitAsync(left, time, cancellationToken).ConfigureAwait(false);
                pages.Add(response);
                if (!response.HasMore)
                {
                    break;
                }
            }
            catch (TimeoutException)
            {
                await budget.CancelAsync().ConfigureAwait(false);
                logger.MessageExtensionTimedOut(timeout.TotalMilliseconds);
                if (pages.Count == 0)
                {
                    return Message("Het zoeken duurde te lang. Probeer het nog eens, of gebruik specifiekere woorden.");
                }
                break;
            }
        }

        // One result per passage, in the ranking's order (a letter with two ranked passages gives two results).
        var results = pages
            .SelectMany(page => page.Hits.SelectMany(hit => hit.Passages.Count > 0
                ? hit.Passages.Select(p => (Page: page, Hit: hit, One: hit with { Passages = [p] }))
                : [(Page: page, Hit: hit, One: hit)]))
            .Skip(offset)
            .Take(take)
            .ToList();
        if (results.Count == 0 && skip == 0)
        {
            return Message($"Niets gevonden voor ‘{CardText.Truncate(request.Query, 60)}’. Probeer andere woorden.");
        }
        // Scrolled past the end: an empty list ends it, where a message would replace the results already shown.

        var attachments = new List<MessagingExtensionAttachment>();
        foreach (var (page, hit, one) in results)
        {
            var single = page with { Hits = [one], HasMore = false, Page = 0 };
            var answer = SearchResultsCard.Create(single, request, new SearchCardOptions(Interactive: false, ShowHeader: false));
            var card = responder.RenderCard(answer);
            if (card is null)
            {
                continue;
            }
            var preview = one.Passages.Count > 0 ? CardText.Truncate(one.Passages[0].Snippet.Text, 160) : SearchResultsCard.Meta(one);
            attachments.Add(new MessagingExtensionAttachment(
                Attachment.AdaptiveCardContentType,
                JsonSerializer.SerializeToElement(card),
                // The passage first: results from one letter share its title and details (a QA pass: they looked alike).
                new Preview("application/vnd.microsoft.card.thumbnail", new ThumbnailContent(
                    CardText.Truncate(hit.Title ?? hit.SourceFile, 120),
                    one.Passages.Count > 0 ? preview + " — " + SearchResultsCard.Meta(one) : SearchResultsCard.Meta(one)))));
        }
        return new InvokeResponse
        {
            Status = 200,
            Body = new MessagingExtensionResponse(new MessagingExtensionResult("result", "list", attachments, null)),
        };
    }

    private static InvokeResponse Message(string text) => new()
    {
        Status = 200,
        Body = new MessagingExtensionResponse(new MessagingExtensionResult("message", null, null, text)),
    };

    /// <summary>Reads <c>{commandId, parameters:[{name,value}], queryOptions:{skip,count}}</c>; never throws.</summary>
    public static (string? Query, int Skip, int Count) ReadQuery(JsonElement? value)
    {
        string? query = null;
        int skip = 0, count = 3;
        if (value is not { ValueKind: JsonValueKind.Object } v)
        {
            return (null, skip, count);
        }
        if (v.TryGetProperty("parameters", out var ps) && ps.ValueKind == JsonValueKind.Array)
        {
            foreach (var p in ps.EnumerateArray())
            {
                if (p.ValueKind == JsonValueKind.Object
                    && p.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
                    && name.GetString() != "initialRun"
                    && p.TryGetProperty("value", out var val) && val.ValueKind == JsonValueKind.String
                    && !string.IsNullOrWhiteSpace(val.GetString()))
                {
                    query = val.GetString()!.Trim();
                    if (query.Length > SearchRequest.MaxQueryLength)
                    {
                        query = query[..SearchRequest.MaxQueryLength];
                    }
                    break;
                }
            }
        }
        if (v.TryGetProperty("queryOptions", out var qo) && qo.ValueKind == JsonValueKind.Object)
        {
            if (qo.TryGetProperty("skip", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt32(out var si) && si >= 0) skip = si;
            if (qo.TryGetProperty("count", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var ci) && ci > 0) count = ci;
        }
        return (query, skip, count);
    }
}

/// <summary>Body of a composeExtension/query answer.</summary>
public sealed record MessagingExtensionResponse([property: JsonPropertyName("composeExtension")] MessagingExtensionResult ComposeExtension);

public sealed record MessagingExtensionResult(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("attachmentLayout"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AttachmentLayout,
    [property: JsonPropertyName("attachments"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<MessagingExtensionAttachment>? Attachments,
    [property: JsonPropertyName("text"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Text);

public sealed record MessagingExtensionAttachment(
    [property: JsonPropertyName("contentType")] string ContentType,
    [property: JsonPropertyName("content")] JsonElement Content,
    [property: JsonPropertyName("preview")] Preview Preview);

public sealed record Preview(
    [property: JsonPropertyName("contentType")] string ContentType,
    [property: JsonPropertyName("content")] ThumbnailContent Content);

public sealed record ThumbnailContent(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("text")] string Text);
