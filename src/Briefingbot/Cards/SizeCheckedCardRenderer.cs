using System.Text.Json;
using System.Text.Json.Nodes;
using Briefingbot.Kernel.Replies;

namespace Briefingbot.Cards;

/// <summary>
/// The card renderer other features reach through <see cref="ICardRenderer"/> (administration, registers,
/// subscriptions reply via the kernel's ReplySender): the same templates, engine and 28 KB limit as the chat answers.
/// Throws <see cref="CardRenderException"/> for a missing template or an over-size card; ReplySender then answers
/// with its Markdown text.
/// </summary>
/// <remarks>
/// Why two renderers: <see cref="CardRenderer"/> is the template engine over the cards folder and returns a mutable
/// <c>JsonObject</c> the chat layer measures and trims itself. This class is the strict adapter behind the
/// <see cref="ICardRenderer"/> contract, which lives in the kernel (Kernel/Replies) so features reply through
/// ReplySender without importing Cards: it checks the data, enforces the size limit by throwing, and returns an
/// immutable <see cref="JsonElement"/>. Registered once, by <see cref="CardsServiceCollectionExtensions.AddCards"/>.
/// </remarks>
public sealed class SizeCheckedCardRenderer(CardRenderer renderer) : ICardRenderer
{
    public JsonElement Render(string templateName, JsonNode data)
    {
        if (data is not JsonObject obj)
        {
            throw new CardRenderException($"Card data for '{templateName}' must be a JSON object.");
        }
        var card = renderer.Render(templateName, obj);
        CardInlineCode.Replace(card); // these cards go to channels that render cards; ReplySender's Markdown is the text
        int size = CardRenderer.SizeOf(card);
        if (size > renderer.MaxCardBytes)
        {
            throw new CardRenderException($"Card '{templateName}' is {size} bytes, over the {renderer.MaxCardBytes} byte limit.");
        }
        return JsonSerializer.SerializeToElement(card);
    }
}
