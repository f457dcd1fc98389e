using Briefingbot.Dossiers.Text;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Briefingbot.Dossiers.Search;

namespace Briefingbot.Chat.Search;

/// <summary>
/// A search as the user asked it: words, filters and the page to show. It travels in card buttons
/// (<see cref="ToActionData"/>) so paging needs no server state, and is read back with <see cref="TryRead"/>,
/// which treats the data as untrusted (stale or forged buttons).
/// </summary>
public sealed record SearchRequest(string Query, SearchFilters Filters, int Page)
{
    /// <summary>Highest page a button may ask for; far beyond any real result list.</summary>
    public const int MaxPage = 1000;

    /// <summary>Longest query kept (in characters); longer input is cut, so buttons and cards stay small.</summary>
    public const int MaxQueryLength = 300;

    public SearchRequest WithPage(int page) => this with { Page = Math.Clamp(page, 0, MaxPage) };

    /// <summary>
    /// What the user typed, filter words included, when <see cref="SearchQueryParser"/> read filters from it ("militaire
    /// steun in 2026": <c>in 2026</c> became a date filter); null otherwise. Not kept in button data: the next page
    /// repeats the request that was answered.
    /// </summary>
    public string? Typed { get; init; }

    /// <summary>
    /// Options typed with the search that it does not know ("--size --foo"), space-separated (a string, so requests still
    /// compare by value): skipped, and the answer says so. Not kept in button data.
    /// </summary>
    public string? Ignored { get; init; }

    public bool HasFilters =>
        Filters.Dossier is not null || Filters.DocumentType is not null || Filters.Chamber is not null || Filters.From is not null || Filters.To is not null;

    /// <summary>Button data: <c>{command, q, page, f:{dossier,type,chamber,from,to}, hint}</c>.</summary>
    public JsonObject ToActionData(string command, string hint)
    {
        var data = new JsonObject { ["command"] = command, ["q"] = Query, ["page"] = Page };
        var f = new JsonObject();
        if (Filters.Dossier is { } d) f["dossier"] = d;
        if (Filters.DocumentType is { } t) f["type"] = t;
        if (Filters.Chamber is { } c) f["chamber"] = c;
        if (Filters.From is { } from) f["from"] = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (Filters.To is { } to) f["to"] = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (f.Count > 0) data["f"] = f;
        if (Filters.Unit == SearchUnit.Letters) data["unit"] = "letters";
        data["hint"] = hint;
        return data;
    }

    /// <summary>The request as JSON text (the button data's shape), for conversation state kept in a store.</summary>
    public string ToJson() => ToActionData("meer", string.Empty).ToJsonString();

    /// <summary>Reads <see cref="ToJson"/>'s text back; false (never an exception) for anything else.</summary>
    public static bool TryParse(string? json, out SearchRequest request)
    {
        try
        {
            using var document = JsonDocument.Parse(json ?? string.Empty);
            return TryRead(document.RootElement, out request);
        }
        catch (JsonException)
        {
            request = new SearchRequest("", new SearchFilters(), 0);
            return false;
        }
    }

    /// <summary>Reads button data; false (never an exception) when it is missing, malformed or out of range.</summary>
    public static bool TryRead(JsonElement? data, out SearchRequest request)
    {
        request = new SearchRequest("", new SearchFilters(), 0);
        if (data is not { ValueKind: JsonValueKind.Object } d)
        {
            return false;
        }
        if (!d.TryGetProperty("q", out var q) || q.ValueKind != JsonValueKind.String)
        {
            return false;
        }
        int page = 0;
        if (d.TryGetProperty("page", out var p))
        {
            if (p.ValueKind == JsonValueKind.Number && p.TryGetInt32(out var n)) page = n;
            else if (p.ValueKind == JsonValueKind.String && int.TryParse(p.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s)) page = s;
            else return false;
        }
        if (page < 0 || page > MaxPage)
        {
            return false;
        }
        var filters = new SearchFilters();
        if (d.TryGetProperty("f", out var f) && f.ValueKind == JsonValueKind.Object)
        {
            filters = filters with
            {
                Dossier = Text(f, "dossier", 40),
                DocumentType = Text(f, "type", 80),
                Chamber = Text(f, "chamber", 40),
                From = Date(f, "from"),
                To = Date(f, "to"),
            };
        }
        if (d.TryGetProperty("unit", out var unit) && unit.ValueKind == JsonValueKind.String && unit.GetString() == "letters")
        {
            filters = filters with { Unit = SearchUnit.Letters };
        }
        var query = q.GetString() ?? "";
        if (query.Length > MaxQueryLength)
        {
            query = query[..MaxQueryLength];
        }
        request = new SearchRequest(query, filters, page);
        return true;
    }

    private static string? Text(JsonElement obj, string name, int max) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s && s.Length <= max ? s : null;

    private static DateOnly? Date(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(v.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && DutchDates.IsInRange(date)
            ? date
            : null;
}
