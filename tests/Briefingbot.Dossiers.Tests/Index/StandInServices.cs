using Briefingbot.Dossiers.Ingest;
using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Meetings;
using Briefingbot.Dossiers.Promises;

namespace Briefingbot.Dossiers.Tests.Index;

/// <summary>Summary stand-in: the first passage's first sentence.</summary>
internal sealed class FirstSentenceSummarizer : ILetterSummarizer
{
    public string Summarize(Letter letter)
    {
        var text = letter.Passages.FirstOrDefault()?.Text ?? string.Empty;
        var end = text.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? text[..(end + 1)] : text;
    }
}

/// <summary>Finds one "promise" per passage containing "zal de Kamer informeren" (enough to see the data flow).</summary>
internal sealed class PhrasePromiseExtractor : IPromiseExtractor
{
    public IReadOnlyList<ExtractedPromise> Extract(Letter letter) =>
        letter.Passages
            .Where(p => p.Text.Contains("zal de Kamer informeren", StringComparison.OrdinalIgnoreCase))
            .Select(p => new ExtractedPromise(letter.Id + "|" + p.Index, letter.Id, p.Text, p.Start, p.End, "het kabinet", p.Text, null, null, 0.9))
            .ToList();
}

internal sealed class NoMeetingExtractor : IMeetingExtractor
{
    public IReadOnlyList<ExtractedMeeting> Extract(Letter letter) => [];
}

/// <summary>Records what the ingest told it, with how many letters the index had committed at that moment.</summary>
internal sealed class RecordingObserver(Func<int> committedLetters) : ILetterIngestObserver
{
    public List<(string LetterId, int Promises, int CommittedLetters)> Ingested { get; } = [];
    public List<string> Removed { get; } = [];

    public Task OnLetterIngestedAsync(Letter letter, IReadOnlyList<ExtractedPromise> promises, IReadOnlyList<ExtractedMeeting> meetings, CancellationToken cancellationToken)
    {
        Ingested.Add((letter.Id, promises.Count, committedLetters()));
        return Task.CompletedTask;
    }

    public Task OnLetterRemovedAsync(string letterId, CancellationToken cancellationToken)
    {
        Removed.Add(letterId);
        return Task.CompletedTask;
    }
}
