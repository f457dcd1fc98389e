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
        var card = renderer.Render(templateName, obj);
        var size = CardRenderer.SizeOf(card);
        if (size > renderer.MaxCardBytes)
        {
            throw new CardRenderException($"Card '{templateName}' is {size} bytes, over the limit of {renderer.MaxCardBytes}.");
        }
        return JsonSerializer.SerializeToElement(card);
    }
}
