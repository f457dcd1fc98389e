using System.Text.Json.Nodes;

namespace Briefingbot.Cards.Templating;

/// <summary>What names mean while expanding one node: <c>$root</c>, the current <c>$data</c> and <c>$index</c>.</summary>
internal sealed record TemplateScope(JsonNode? Root, JsonNode? Data, int? Index);
