using System.Text.Json;
using System.Text.Json.Nodes;

namespace Briefingbot.Kernel.Replies;

/// <summary>
/// Expands a card template from <c>cards/</c> with data into an Adaptive Card. Cards' SizeCheckedCardRenderer implements
/// this (registered once, by AddCards); while none is registered, <see cref="ReplySender"/> answers with the Markdown
/// fallback. Throws <see cref="CardRenderException"/> for a missing template or an over-size card.
/// </summary>
public interface ICardRenderer
{
    /// <param name="templateName">File name without extension, e.g. "promises".</param>
    JsonElement Render(string templateName, JsonNode data);
}
