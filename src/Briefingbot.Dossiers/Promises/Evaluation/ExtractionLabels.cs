using System.Text.Json;
using System.Text.Json.Serialization;

namespace Briefingbot.Dossiers.Promises.Evaluation;

/// <summary>A hand-labelled set of promises and meetings (tests/data/extraction/labels.json).</summary>
public sealed record ExtractionLabels(
    [property: JsonPropertyName("promises")] IReadOnlyList<PromiseLabel> Promises,
    [property: JsonPropertyName("meetings")] IReadOnlyList<MeetingLabel> Meetings)
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    public static ExtractionLabels Load(string path) =>
        JsonSerializer.Deserialize<ExtractionLabels>(File.ReadAllText(path), Options)
        ?? throw new InvalidDataException($"{path} holds no labels");
}

/// <param name="Text">A verbatim piece of the promise sentence.</param>
public sealed record PromiseLabel(
    [property: JsonPropertyName("letter")] string Letter,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("due")] DateOnly? Due);

public sealed record MeetingLabel(
    [property: JsonPropertyName("letter")] string Letter,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("start")] DateOnly Start);
