using System.Text.Json;
using System.Text.Json.Nodes;
using Briefingbot.Cards;

namespace Briefingbot.Administration.Replies;

/// <summary>
/// Renders with the chat area's template engine (<see cref="CardRenderer"/>). A card over the Teams size limit is
/// refused here, so <see cref="ReplySender"/> answers with the complete text instead of a card Teams would reject.
/// </summary>
public sealed class TemplateCardRenderer(CardRenderer renderer) : ICardRenderer
{
    public JsonElement Render(string templateName, JsonNode data)
    {
        if (data is not JsonObject obj)
        {
            throw new CardRenderException($"Card data for '{templateName}' must be a JSON object.");
        }
        // Card data built in code holds CLR-typed values (long, int); the engine reads numbers from JSON-backed
        // values only (TemplateValues.FromNode: GetValue<double> on a boxed long throws). One round trip through
        // JSON text gives it exactly what a data file would.
        var json = (JsonObject)JsonNode.Parse(obj.ToJsonString())!;
        var card = renderer.Render(templateName, json);
        var size = CardRenderer.SizeOf(card);
        if (size > renderer.MaxCardBytes)
        {
            throw new CardRenderException($"Card '{templateName}' is {size} bytes, over the limit of {renderer.MaxCardBytes}.");
        }
        return JsonSerializer.SerializeToElement(card);
    }
}
