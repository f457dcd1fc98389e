using System.Text.Json.Nodes;

namespace Briefingbot.Cards.Templating;

/// <summary>
/// Expands Adaptive Card templates (the part of the Adaptive Card Templating language the templates in cards/ use:
/// <c>${...}</c> with data paths, <c>&amp;&amp;</c> and <c>||</c>; <c>$data</c>, <c>$when</c>, <c>$root</c>) with
/// JSON data, the way the official adaptivecards-templating package does; the test suite checks both agree on every
/// template and on the edge cases of each construct kept. A template that uses more (a function, <c>$index</c>)
/// fails when it is loaded, with a <see cref="TemplateSyntaxException"/> that names what is missing. Data is only ever read as JSON values,
/// never parsed as a template, so text from letters or users that contains <c>${x}</c>, quotes or braces
/// stays literal text in the card.
/// </summary>
public sealed class CardTemplateEngine
{
    private readonly PreparedNode _template;

    /// <summary>Parses the template once; expansion can then run many times, from many threads.</summary>
    public CardTemplateEngine(JsonNode template)
    {
        ArgumentNullException.ThrowIfNull(template);
        _template = Prepare(template);
    }

    /// <summary>Expands the template with <paramref name="data"/> as <c>$root</c>. Null when the root's <c>$when</c> is false.</summary>
    public JsonNode? Expand(JsonNode? data)
    {
        var scope = new TemplateScope(data, data);
        return Expand(_template, scope).Node;
    }

    private abstract record PreparedNode;
    private sealed record LiteralNode(JsonNode? Value) : PreparedNode;
    private sealed record ExpressionNode(TemplateExpression Expression) : PreparedNode;
    private sealed record ArrayNode(IReadOnlyList<PreparedNode> Items) : PreparedNode;
    private sealed record ObjectNode(IReadOnlyList<KeyValuePair<string, PreparedNode>> Properties, PreparedNode? Data, PreparedNode? When) : PreparedNode;

    /// <summary>The outcome of expanding one node: a JSON value, JSON null, or nothing ("undefined": the property is left out).</summary>
    private readonly record struct Expanded(JsonNode? Node, bool IsUndefined = false, bool IsMany = false)
    {
        public static readonly Expanded Undefined = new(null, IsUndefined: true);
    }

    private static readonly HashSet<string> ReservedFields = ["$data", "$when", "$root", "$index", "$host", "$_acTemplateVersion"];

    private static PreparedNode Prepare(JsonNode? node)
    {
        switch (node)
        {
            case JsonArray array:
                return new ArrayNode(array.Select(Prepare).ToList());
            case JsonObject obj:
                var props = new List<KeyValuePair<string, PreparedNode>>();
                foreach (var (key, value) in obj)
                {
                    if (!ReservedFields.Contains(key))
                    {
                        props.Add(new(key, Prepare(value)));
                    }
                }
                return new ObjectNode(
                    props,
                    obj.TryGetPropertyValue("$data", out var data) ? Prepare(data) : null,
                    obj.TryGetPropertyValue("$when", out var when) ? Prepare(when) : null);
            case JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String:
                var expression = TemplateExpressionParser.ParseTemplateString(value.GetValue<string>());
                return expression is null ? new LiteralNode(value.DeepClone()) : new ExpressionNode(expression);
            default:
                return new LiteralNode(node?.DeepClone());
        }
    }

    private static Expanded Expand(PreparedNode node, TemplateScope scope)
    {
        switch (node)
        {
            case LiteralNode literal:
                return new(literal.Value?.DeepClone());

            case ExpressionNode expression:
                var value = expression.Expression.Evaluate(scope, substitute: true);
                return ReferenceEquals(value, TemplateExpression.Undefined) ? Expanded.Undefined : new(TemplateValues.ToNode(value));

            case ArrayNode array:
                var items = new JsonArray();
                foreach (var item in array.Items)
                {
                    var expanded = Expand(item, scope);
                    // The official engine drops null items (e.g. an element whose $when is false) and splices
                    // in the copies of an element repeated by an array $data.
                    if (expanded.IsMany && expanded.Node is JsonArray many)
                    {
                        foreach (var copy in many.ToList())
                        {
                            many.Remove(copy);
                            items.Add(copy);
                        }
                    }
                    else if (expanded.Node is not null || expanded.IsUndefined)
                    {
                        if (expanded.Node is JsonArray nested)
                        {
                            // A nested array value is spliced as well: JS concat() flattens one level.
                            foreach (var copy in nested.ToList())
                            {
                                nested.Remove(copy);
                                items.Add(copy);
                            }
                        }
                        else
                        {
                            items.Add(expanded.Node);
                        }
                    }
                }
                return new(items);

            case ObjectNode obj:
                return ExpandObject(obj, scope);

            default:
                throw new InvalidOperationException("Unknown template node.");
        }
    }

    private static Expanded ExpandObject(ObjectNode obj, TemplateScope scope)
    {
        IReadOnlyList<JsonNode?> contexts;
        if (obj.Data is null)
        {
            contexts = [scope.Data];
        }
        else
        {
            var data = obj.Data switch
            {
                ExpressionNode e => TemplateValues.ToNode(e.Expression.Evaluate(scope, substitute: true)),
                LiteralNode l => l.Value,
                _ => Expand(obj.Data, scope).Node,
            };
            if (data is JsonArray list)
            {
                contexts = list.ToList();
            }
            else
            {
                contexts = [data];
            }
        }

        var results = new List<JsonObject>();
        for (int i = 0; i < contexts.Count; i++)
        {
            var itemScope = scope with { Data = contexts[i] };
            if (obj.When is not null && !WhenHolds(obj.When, itemScope))
            {
                continue;
            }
            var result = new JsonObject();
            foreach (var (key, child) in obj.Properties)
            {
                var expanded = Expand(child, itemScope);
                if (!expanded.IsUndefined)
                {
                    result[key] = expanded.Node;
                }
            }
            results.Add(result);
        }

        return results.Count switch
        {
            0 => new Expanded(null),
            1 => new Expanded(results[0]),
            _ => new Expanded(new JsonArray(results.ToArray<JsonNode?>()), IsMany: true),
        };
    }

    private static bool WhenHolds(PreparedNode when, TemplateScope scope)
    {
        // $when must be an expression that evaluates to exactly true; anything else drops the element.
        return when is ExpressionNode e && e.Expression.Evaluate(scope, substitute: false) is true;
    }
}
