using System.Text.Json;
using System.Text.Json.Nodes;

namespace Briefingbot.Cards.Templating;

/// <summary>
/// Conversions between JSON data nodes and expression values. Inside expressions a value is one of: null, the
/// undefined marker, string, double, bool, <see cref="JsonArray"/>, <see cref="JsonObject"/>.
/// </summary>
internal static class TemplateValues
{
    public static object? FromNode(JsonNode? node)
    {
        // Written as statements on purpose: in a switch expression the compiler would pick JsonNode as the common
        // type and silently wrap the primitives back into JsonValues (JsonNode has implicit conversions).
        if (node is JsonObject or JsonArray)
        {
            return node;
        }
        if (node is not JsonValue v)
        {
            return null;
        }
        switch (v.GetValueKind())
        {
            case JsonValueKind.String: return v.GetValue<string>();
            // Numbers built in code hold their CLR type (int, long, decimal...); GetValue<double> only converts JSON
            // text. TryGetValue<double> first, then read it back through its JSON form, which every number type has.
            case JsonValueKind.Number:
                return v.TryGetValue<double>(out var d) ? d : double.Parse(v.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);
            case JsonValueKind.True: return true;
            case JsonValueKind.False: return false;
            default: return null;
        }
    }

    /// <summary>The value as a card JSON node (a copy: the output never shares nodes with the data).</summary>
    public static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        double d when double.IsInteger(d) && Math.Abs(d) < 9e15 => JsonValue.Create((long)d),
        double d => JsonValue.Create(d),
        JsonNode n => n.DeepClone(),
        _ => JsonValue.Create(TemplateExpression.ToDisplayString(value)),
    };

    public static object? Member(object? container, string name) =>
        container is JsonObject o && o.TryGetPropertyValue(name, out var child)
            ? FromNode(child)
            : TemplateExpression.Undefined;
}
