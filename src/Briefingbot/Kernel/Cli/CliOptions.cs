using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Briefingbot.Kernel.Cli;

/// <summary>
/// Typed options of the verbs, each with its validation and a clear error for a bad value (the option's name, what it
/// expects and what was given). Defaults show in <c>VERB --help</c>.
/// </summary>
public static class CliOptions
{
    /// <summary>A switch without a value (<c>--json</c>).</summary>
    public static Option<bool> Flag(string name, string description) => new(name) { Description = description };

    /// <summary>Free text (<c>--dossier 21501-28</c>); null when absent.</summary>
    public static Option<string?> Text(string name, string description, string? helpName = null) =>
        new(name) { Description = description, HelpName = helpName };

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, <paramref name="defaultValue"/> when absent.</summary>
    public static Option<int> Int(string name, int defaultValue, string description, int min = 1, int max = int.MaxValue) =>
        new(name)
        {
            Description = description,
            HelpName = "N",
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result => ParseInt(result, name, min, max) ?? defaultValue,
        };

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>; null when absent (the verb has a computed default).</summary>
    public static Option<int?> OptionalInt(string name, string description, int min = 1, int max = int.MaxValue) =>
        new(name)
        {
            Description = description,
            HelpName = "N",
            CustomParser = result => ParseInt(result, name, min, max),
        };

    /// <summary>A date, unambiguous (<see cref="CliDates"/>): ISO or Dutch written; null when absent.</summary>
    public static Option<DateOnly?> Date(string name, string description) =>
        new(name)
        {
            Description = description + ": " + CliDates.Formats,
            HelpName = "DATE",
            CustomParser = result =>
            {
                var token = Token(result);
                var date = CliDates.Parse(token, out var error);
                if (error is not null)
                {
                    result.AddError($"{name}: {error}");
                }
                return date;
            },
        };

    /// <summary>
    /// The value of <paramref name="option"/> for a command validator, or default when it is absent or its value is bad
    /// (that error is reported on its own; System.CommandLine throws when a validator asks for a value that did not parse).
    /// </summary>
    public static T? ValueOrDefault<T>(this CommandResult result, Option<T> option)
    {
        try
        {
            return result.GetValue(option);
        }
        catch (InvalidOperationException)
        {
            return default;
        }
    }

    /// <summary>A folder that must exist; null when absent.</summary>
    public static Option<DirectoryInfo?> ExistingDirectory(string name, string description) =>
        Path(name, description, "DIR", text => new DirectoryInfo(text), d => d.Exists, "folder not found");

    /// <summary>A file that must exist; null when absent.</summary>
    public static Option<FileInfo?> ExistingFile(string name, string description) =>
        Path(name, description, "FILE", text => new FileInfo(text), f => f.Exists, "file not found");

    /// <summary>One of <paramref name="values"/> (case-insensitive), returned as spelled in the list; null when absent.</summary>
    public static Option<string?> OneOf(string name, string description, params string[] values) =>
        new(name)
        {
            Description = description + ": " + string.Join(", ", values),
            HelpName = string.Join("|", values),
            CustomParser = result =>
            {
                var token = Token(result);
                var match = values.FirstOrDefault(v => string.Equals(v, token.Trim(), StringComparison.OrdinalIgnoreCase));
                if (match is null)
                {
                    result.AddError($"{name} must be one of {string.Join(", ", values.Select(v => $"'{v}'"))}, not '{token}'.");
                }
                return match;
            },
        };

    private static Option<T?> Path<T>(string name, string description, string helpName, Func<string, T> create, Func<T, bool> exists, string missing)
        where T : FileSystemInfo =>
        new(name)
        {
            Description = description,
            HelpName = helpName,
            CustomParser = result =>
            {
                var token = Token(result);
                T info;
                try
                {
                    info = create(token);
                }
                catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
                {
                    result.AddError($"{name}: '{token}' is not a valid path ({ex.Message}).");
                    return null;
                }
                if (!exists(info))
                {
                    result.AddError($"{name}: {missing}: {info.FullName}");
                    return null;
                }
                return info;
            },
        };

    private static int? ParseInt(ArgumentResult result, string name, int min, int max)
    {
        var token = Token(result);
        if (int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }
        var range = (min, max) switch
        {
            (int.MinValue, int.MaxValue) => "",
            (1, int.MaxValue) => " greater than 0",
            (_, int.MaxValue) => string.Create(CultureInfo.InvariantCulture, $" of at least {min}"),
            _ => string.Create(CultureInfo.InvariantCulture, $" from {min} to {max}"),
        };
        result.AddError($"{name} expects a whole number{range}, not '{token}'.");
        return null;
    }

    /// <summary>The value given (the last one if the option was repeated).</summary>
    private static string Token(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
}
