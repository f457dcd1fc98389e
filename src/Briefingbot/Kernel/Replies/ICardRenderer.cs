using System.Text.Json;
using System.Text.Json.Nodes;

namespace Briefingbot.Kernel.Replies;

/// <summary>
/// Expands a card template from <c>cards/</c> with data into an Adaptive Card. The chat area's template engine
/// implements this; while none is registered, <see cref="ReplySender"/> answers with the Markdown fallback.
/// </summary>
public interface ICardRenderer
{
    /// <param name="templateName">File name without extension, e.g. "promises".</param>
    JsonElement Render(string templateName, JsonNode data);
}
