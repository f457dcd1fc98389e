using System.Text.Json;
using System.Text.Json.Serialization;

namespace Briefingbot.Protocol.Schema;

/// <summary>The JSON conventions of the Activity Protocol.</summary>
public static class ProtocolJson
{
    /// <summary>
    /// camelCase names, nulls left out when writing (channels reject some explicit nulls), names matched
    /// case-insensitively when reading. Numbers and booleans must have their JSON types: a wrong type is a
    /// malformed activity (400), not something to guess at.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Parses an activity; throws <see cref="JsonException"/> when the payload is not a valid activity.</summary>
    public static Activity? DeserializeActivity(ReadOnlySpan<byte> utf8Json) => JsonSerializer.Deserialize<Activity>(utf8Json, Options);

    /// <summary>Serialises any protocol object (activity, invoke body, conversation parameters).</summary>
    public static byte[] SerializeToUtf8Bytes<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            PropertyNameCaseInsensitive = true,
            // Web defaults would read "42" into a number; the protocol sends real numbers.
            NumberHandling = JsonNumberHandling.Strict,
            MaxDepth = 64,
            // The default encoder writes every non-ASCII letter as \uXXXX: Dutch text ("één", "geïnformeerd") would
            // grow up to six-fold against Teams' 100 KB message limit. These payloads are JSON over HTTP, never
            // inlined into HTML, so the relaxed encoder is the right one (it still escapes quotes and control characters).
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
