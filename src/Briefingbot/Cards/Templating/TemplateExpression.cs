using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Briefingbot.Cards.Templating;

/// <summary>
/// A parsed expression of the Adaptive Card Templating language (the subset of Adaptive Expressions Briefingbot's
/// templates use). Evaluation follows the official JS engine (adaptivecards-templating 2.3.1 on
/// adaptive-expressions 4.x), because the test suite compares both engines' output on every template:
/// <list type="bullet">
/// <item>a path that is missing from the data evaluates to the text <c>${path}</c> where substitution is allowed
/// (values and string interpolation), and to "undefined" (falsy) in conditions (<c>$when</c>, <c>if</c>, <c>!</c>,
/// comparisons, <c>&amp;&amp;</c>, <c>||</c>, <c>empty</c>);</item>
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

    /// <summary>JavaScript's <c>value.toString()</c> for the value kinds a template can produce.</summary>
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

/// <summary>A constant: string, number, boolean or null.</summary>
internal sealed class ConstantExpression(object? value) : TemplateExpression
{
    public object? Value { get; } = value;

    public override object? Evaluate(TemplateScope scope, bool substitute) => Value;
}

/// <summary>A data path such as <c>title</c>, <c>$root.query</c>, <c>hits[0].title</c> or <c>$index</c>.</summary>
internal sealed class PathExpression(string head, IReadOnlyList<PathSegment> segments) : TemplateExpression
{
    public string Head { get; } = head;
    public IReadOnlyList<PathSegment> Segments { get; } = segments;

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
        object? current = Head switch
        {
            "$root" => TemplateValues.FromNode(scope.Root),
            "$data" => TemplateValues.FromNode(scope.Data),
            "$index" => scope.Index is int i ? (double)i : Undefined,
            _ => TemplateValues.Member(TemplateValues.FromNode(scope.Data), Head),
        };
        foreach (var segment in Segments)
        {
            if (ReferenceEquals(current, Undefined) || current is null)
            {
                return Undefined;
            }
            current = segment.Index is { } index
                ? TemplateValues.Element(current, index)
                : TemplateValues.Member(current, segment.Name!);
        }
        return current;
    }

    public override string ToString()
    {
        var sb = new StringBuilder(Head);
        foreach (var s in Segments)
        {
            sb.Append(s.Index is { } i ? $"[{i}]" : "." + s.Name);
        }
        return sb.ToString();
    }
}

/// <summary>One step of a path: <c>.name</c> or <c>[index]</c>.</summary>
internal readonly record struct PathSegment(string? Name, int? Index);

/// <summary>A unary operator: <c>!</c> or <c>-</c>.</summary>
internal sealed class UnaryExpression(char op, TemplateExpression operand) : TemplateExpression
{
    public override object? Evaluate(TemplateScope scope, bool substitute)
    {
        if (op == '!')
        {
            // AEL evaluates the operand of "not" without null substitution.
            return !IsLogicTrue(operand.Evaluate(scope, substitute: false));
        }
        var v = operand.Evaluate(scope, substitute);
        return v is double d ? -d : throw new TemplateEvaluationException("Unary minus needs a number.");
    }
}

/// <summary>A binary operator.</summary>
internal sealed class BinaryExpression(string op, TemplateExpression left, TemplateExpression right) : TemplateExpression
{
    public override object? Evaluate(TemplateScope scope, bool substitute)
    {
        switch (op)
        {
            case "&&":
                return IsLogicTrue(left.Evaluate(scope, false)) && IsLogicTrue(right.Evaluate(scope, false));
            case "||":
                return IsLogicTrue(left.Evaluate(scope, false)) || IsLogicTrue(right.Evaluate(scope, false));
            case "==":
                return TemplateValues.AreEqual(left.Evaluate(scope, false), right.Evaluate(scope, false));
            case "!=":
                return !TemplateValues.AreEqual(left.Evaluate(scope, false), right.Evaluate(scope, false));
            case "<" or "<=" or ">" or ">=":
                return Compare(left.Evaluate(scope, false), right.Evaluate(scope, false));
        }

        var a = left.Evaluate(scope, substitute);
        var b = right.Evaluate(scope, substitute);
        return op switch
        {
            "+" when a is double x && b is double y => x + y,
            "+" => ToDisplayString(a) + ToDisplayString(b),
            "-" => Number(a) - Number(b),
            "*" => Number(a) * Number(b),
            "/" => Number(b) == 0 ? throw new TemplateEvaluationException("Division by zero.") : Number(a) / Number(b),
            "%" => Number(a) % Number(b),
            _ => throw new TemplateEvaluationException($"Unknown operator {op}."),
        };
    }

    private bool Compare(object? a, object? b)
    {
        int c = (a, b) switch
        {
            (double x, double y) => x.CompareTo(y),
            (string x, string y) => string.CompareOrdinal(x, y),
            _ => throw new TemplateEvaluationException($"Cannot compare with {op}."),
        };
        return op switch { "<" => c < 0, "<=" => c <= 0, ">" => c > 0, _ => c >= 0 };
    }

    private static double Number(object? v) =>
        v as double? ?? throw new TemplateEvaluationException("Arithmetic needs numbers.");
}

/// <summary>A function call: the few Adaptive Expressions functions the templates use.</summary>
internal sealed class FunctionExpression(string name, IReadOnlyList<TemplateExpression> arguments) : TemplateExpression
{
    public override object? Evaluate(TemplateScope scope, bool substitute)
    {
        switch (name)
        {
            case "if":
                Arity(3);
                return IsLogicTrue(arguments[0].Evaluate(scope, false))
                    ? arguments[1].Evaluate(scope, substitute)
                    : arguments[2].Evaluate(scope, substitute);
            case "not":
                Arity(1);
                return !IsLogicTrue(arguments[0].Evaluate(scope, false));
            case "and":
                return arguments.All(a => IsLogicTrue(a.Evaluate(scope, false)));
            case "or":
                return arguments.Any(a => IsLogicTrue(a.Evaluate(scope, false)));
            case "equals":
                Arity(2);
                return TemplateValues.AreEqual(arguments[0].Evaluate(scope, false), arguments[1].Evaluate(scope, false));
            case "empty":
                Arity(1);
                return TemplateValues.IsEmpty(arguments[0].Evaluate(scope, false));
            case "exists":
                Arity(1);
                var e = arguments[0].Evaluate(scope, false);
                return e is not null && !ReferenceEquals(e, Undefined);
            case "count":
            case "length":
                Arity(1);
                return arguments[0].Evaluate(scope, substitute) switch
                {
                    string s => (double)new StringInfo(s).LengthInTextElements,
                    JsonArray a => (double)a.Count,
                    _ => throw new TemplateEvaluationException($"{name}() needs a string or a list."),
                };
            case "concat":
                return string.Concat(arguments.Select(a => ToDisplayString(a.Evaluate(scope, substitute))));
            case "string":
                Arity(1);
                return ToDisplayString(arguments[0].Evaluate(scope, substitute));
            default:
                // The official engine fails on unknown functions as well.
                throw new TemplateEvaluationException($"Unknown function {name}.");
        }
    }

    private void Arity(int n)
    {
        if (arguments.Count != n)
        {
            throw new TemplateEvaluationException($"{name}() takes {n} arguments.");
        }
    }
}

/// <summary>A string with embedded expressions: "Pagina ${page} van ${pages}". Always produces a string.</summary>
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

/// <summary>A template expression failed to evaluate (a template bug, never caused by data).</summary>
public sealed class TemplateEvaluationException(string message) : Exception(message);
