using Briefingbot.Dossiers.Letters;

namespace Briefingbot.Dossiers.Meetings;

/// <summary>Finds dated Council / NAVO / EP meetings in a letter, resolving "a.s.", "jl." and missing years against the letter date.</summary>
public interface IMeetingExtractor
{
    IReadOnlyList<ExtractedMeeting> Extract(Letter letter);
}
