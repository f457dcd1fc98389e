namespace Briefingbot.Cli;

/// <summary>Tiny helpers for <c>--name value</c> and <c>--flag</c> arguments of CLI verbs.</summary>
internal static class CliArguments
{
    public static string? Option(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (string.Equals(args[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return args[i + 1];
            }
        }
        return null;
    }

    public static int? IntOption(IReadOnlyList<string> args, string name) =>
        int.TryParse(Option(args, name), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;

    public static bool Flag(IReadOnlyList<string> args, string name) => args.Any(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Arguments that are neither options nor their values.</summary>
    public static List<string> Positionals(IReadOnlyList<string> args, params string[] optionsWithValues)
    {
        var result = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (optionsWithValues.Any(o => string.Equals(o, args[i], StringComparison.OrdinalIgnoreCase)))
            {
                i++;
            }
            else if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                result.Add(args[i]);
            }
        }
        return result;
    }
}
