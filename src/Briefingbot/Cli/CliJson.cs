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

}
