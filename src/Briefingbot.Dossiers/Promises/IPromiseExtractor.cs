using Briefingbot.Dossiers.Letters;

namespace Briefingbot.Dossiers.Promises;

/// <summary>Finds toezeggingen in a letter. Deterministic: the same letter gives the same promises (and keys).</summary>
public interface IPromiseExtractor
{
    IReadOnlyList<ExtractedPromise> Extract(Letter letter);
}
