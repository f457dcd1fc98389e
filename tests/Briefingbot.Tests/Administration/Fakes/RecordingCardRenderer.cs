using System.Text.Json;
using System.Text.Json.Nodes;
using Briefingbot.Kernel.Replies;

namespace Briefingbot.Tests.Administration.Fakes;

/// <summary>Stands in for the chat area's template engine: records which template got which data.</summary>
public sealed class RecordingCardRenderer : ICardRenderer
{
    public List<(string Template, JsonNode Data)> Rendered { get; } = [];

    public JsonElement Render(string templateName, JsonNode data)
    {
        Rendered.Add((templateName, data.DeepClone()));
        return JsonSerializer.SerializeToElement(new { type = "AdaptiveCard", version = "1.5", body = Array.Empty<object>() });
    }
}
