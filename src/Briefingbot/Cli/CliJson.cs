using System.Text.Encodings.Web;
using System.Text.Json;

namespace Briefingbot.Cli;

/// <summary>JSON settings of the evaluation verbs: camelCase, indented, Dutch characters unescaped.</summary>
internal static class CliJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The value after <paramref name="option"/> ("--corpus DIR"), or null.</summary>
    public static string? Option(IReadOnlyList<string> args, string option)
    {
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (string.Equals(args[i], option, StringComparison.OrdinalIgnoreCase))
            {
                return args[i + 1];
            }
        }
        return null;
    }
}
