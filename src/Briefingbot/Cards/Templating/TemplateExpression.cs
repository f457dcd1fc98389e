using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Briefingbot.Cards.Templating;

/// <summary>
/// A parsed expression of the Adaptive Card Templating language, trimmed to what the templates in cards/ use (issue
/// 17): data paths (<c>title</c>, <c>$root.interactive</c>), <c>&amp;&amp;</c> and <c>||</c>, and text with embedded
/// <c>${...}</c>. No template calls a function, so the expander has none: anything else is a
/// <see cref="TemplateSyntaxException"/> when the template is loaded. Evaluation follows the official JS engine
/// (adaptivecards-templating 2.3.1 on adaptive-expressions 4.x); the test suite compares both on every template and on
/// the edge cases of what is kept (TemplateExpressionConformanceTests):
/// <list type="bullet">
/// <item>a path that is missing from the data evaluates to the text <c>${path}</c> where substitution is allowed
/// (values and string interpolation), and to "undefined" (falsy) in conditions (<c>$when</c>, <c>&amp;&amp;</c>,
/// <c>||</c>);</item>
/// <item>only <c>false</c>, <c>null</c> and "undefined" are falsy (<c>0</c> and <c>""</c> are true).</item>
/// </list>
/// </summary>
internal abstract class TemplateExpression
{
    /// <summary>Evaluates the expression; <paramref name="substitute"/> turns missing paths into <c>${path}</c>.</summary>
    public abstract object? Evaluate(TemplateScope scope, bool substitute);

    /// <summary>The marker value for "no such property" (JavaScript's undefined).</summary>
    public static readonly object Undefined = new UndefinedValue();

    public static bool IsLogicTrue(object? value) => value switch
    {
        bool b => b,
        null => false,
        UndefinedValue => false,
        _ => true,
    };

    /// <summary>JavaScript's <c>value.toString()</c> for the value kinds data can hold.</summary>
    public static string ToDisplayString(object? value) => value switch
    {
        null or UndefinedValue => "",
        string s => s,
        bool b => b ? "true" : "false",
        double d => FormatNumber(d),
        JsonArray a => string.Join(",", a.Select(n => ToDisplayString(TemplateValues.FromNode(n)))),
        JsonObject => "[object Object]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    public static string FormatNumber(double d) =>
        double.IsInteger(d) && Math.Abs(d) < 1e21
            ? d.ToString("0", CultureInfo.InvariantCulture)
            : d.ToString("R", CultureInfo.InvariantCulture);

    private sealed class UndefinedValue
    {
        public override string ToString() => "undefined";
    }
}

/// <summary>Literal text between the expressions of an interpolated string.</summary>
internal sealed class TextExpression(string text) : TemplateExpression
{
    public override object? Evaluate(TemplateScope scope, bool substitute) => text;
}

/// <summary>A data path such as <c>title</c>, <c>item.title</c> or <c>$root.interactive</c>.</summary>
internal sealed class PathExpression(string head, IReadOnlyList<string> members) : TemplateExpression
{
    public override object? Evaluate(TemplateScope scope, bool substitute)
    {
        var value = Resolve(scope);
        if (ReferenceEquals(value, Undefined) && substitute)
        {
            return "${" + ToString() + "}";
        }
        return value;
    }

    private object? Resolve(TemplateScope scope)
    {
        var current = head == "$root" ? TemplateValues.FromNode(scope.Root) : TemplateValues.Member(TemplateValues.FromNode(scope.Data), head);
        foreach (var member in members)
        {
            if (ReferenceEquals(current, Undefined) || current is null)
            {
                return Undefined;
            }
            current = TemplateValues.Member(current, member);
        }
        return current;
    }

    public override string ToString() => members.Count == 0 ? head : head + "." + string.Join('.', members);
}

/// <summary>
/// <c>&amp;&amp;</c> or <c>||</c>, operands read without substitution (missing = falsy). <c>&amp;&amp;</c> is always a
/// boolean; <c>||</c> is true when either side is, and otherwise, as in the official engine, the right side's own value
/// (<c>false</c>, <c>null</c>, or undefined, which leaves the property out).
/// </summary>
internal sealed class LogicalExpression(bool isAnd, TemplateExpression left, TemplateExpression right) : TemplateExpression
{
    public override object? Evaluate(TemplateScope scope, bool substitute)
    {
        if (isAnd)
        {
            return IsLogicTrue(left.Evaluate(scope, false)) && IsLogicTrue(right.Evaluate(scope, false));
        }
        if (IsLogicTrue(left.Evaluate(scope, false)))
        {
            return true;
        }
        var value = right.Evaluate(scope, false);
        return IsLogicTrue(value) ? true : value;
    }
}

/// <summary>A string with embedded expressions: "… en nog ${more} toezeggingen". Always produces a string.</summary>
internal sealed class InterpolationExpression(IReadOnlyList<TemplateExpression> parts) : TemplateExpression
{
    public override object? Evaluate(TemplateScope scope, bool substitute)
    {
        var sb = new StringBuilder();
        foreach (var part in parts)
        {
            sb.Append(ToDisplayString(part.Evaluate(scope, substitute)));
        }
        return sb.ToString();
    }
}
