using System.Text.Json;

namespace Briefingbot.EndToEnd.Tests.Playground;

/// <summary>Reads a search-results card: each hit is a Container holding an ActionSet with a "Toon brief" action.</summary>
public static class SearchCard
{
    public const string ShowLetter = "Toon brief";
    public const string MoreResults = "Meer resultaten";

    /// <summary>The hits in order, each as its visible texts (title first).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Hits(JsonElement card)
    {
        var hits = new List<IReadOnlyList<string>>();
        Collect(card, hits);
        return hits;
    }

    private static void Collect(JsonElement element, List<IReadOnlyList<string>> hits)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, hits);
            }
            return;
        }
        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }
        if (element.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array
            && items.EnumerateArray().Any(i => CardText.Actions(i).Any(a => a.Title == ShowLetter)))
        {
            hits.Add([.. CardText.Of(element).Where(t => t != ShowLetter)]);
            return;
        }
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name != "data")
            {
                Collect(property.Value, hits);
            }
        }
    }
}
