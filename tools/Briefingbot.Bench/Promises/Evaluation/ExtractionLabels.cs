using System.Text.Json;
using System.Text.Json.Serialization;
using Briefingbot.Dossiers.Meetings;

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

/// <summary>
/// A labelled meeting: one per meeting a letter names with a determinable date. <see cref="Kind"/> is a
/// <see cref="MeetingKinds"/> id ("nato-summit"; older labels give only <see cref="Type"/>); <see cref="Precision"/>
/// "month" means only the year and month of <see cref="Start"/> count.
/// </summary>
public sealed record MeetingLabel(
    [property: JsonPropertyName("letter")] string Letter,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("start")] DateOnly Start,
    [property: JsonPropertyName("kind")] string? Kind = null,
    [property: JsonPropertyName("end")] DateOnly? End = null,
    [property: JsonPropertyName("precision")] string? Precision = null,
    [property: JsonPropertyName("mention")] string? Mention = null)
{
    /// <summary>The label's kind: from <see cref="Kind"/>, else from <see cref="Type"/>.</summary>
    public MeetingKind ResolvedKind => MeetingKinds.ParseKind(Kind) ?? MeetingKinds.FromType(Type ?? "");

    public DatePrecision ResolvedPrecision => MeetingKinds.ParsePrecision(Precision) ?? DatePrecision.Day;
}
