using System.Text.Json.Nodes;

namespace Briefingbot.Cards.Templating;

/// <summary>What names mean while expanding one node: <c>$root</c> and the current <c>$data</c>.</summary>
internal sealed record TemplateScope(JsonNode? Root, JsonNode? Data);
