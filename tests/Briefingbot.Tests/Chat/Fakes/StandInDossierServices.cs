using System.Text.RegularExpressions;
using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Meetings;
using Briefingbot.Dossiers.Promises;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Briefingbot.Tests.Chat.Fakes;

/// <summary>
/// Stand-ins for the letter parser, summarizer and extractors while the letters work is not merged: a blank-line
/// passage splitter without metadata. <see cref="AddMissingDossierStandIns"/> only fills what the host lacks, so
/// the project's real implementations take over as soon as they are registered.
/// </summary>
public static partial class StandInDossierServices
{
    public static IServiceCollection AddMissingDossierStandIns(this IServiceCollection services)
    {
        services.TryAddSingleton<ILetterParser, BlankLineParser>();
        services.TryAddSingleton<ILetterSummarizer, FirstSentences>();
        services.TryAddSingleton<IPromiseExtractor, NoPromises>();
        services.TryAddSingleton<IMeetingExtractor, NoMeetings>();
        return services;
    }

    public sealed partial class BlankLineParser : ILetterParser
    {
        public Letter Parse(string sourceFile, string rawText)
        {
            var passages = new List<Passage>();
            foreach (Match block in Block().Matches(rawText))
            {
                var text = Regex.Replace(block.Value, @"\s+", " ").Trim();
                passages.Add(new Passage(passages.Count, block.Index, block.Index + block.Length, text));
            }
            return new Letter(Path.GetFileNameWithoutExtension(sourceFile), sourceFile, "", rawText,
                null, null, null, null, null, null, [], null, passages);
        }

        [GeneratedRegex(@"\S(?:[^\n]|\n(?![ \t\r]*\n))*")]
        private static partial Regex Block();
    }

    public sealed class FirstSentences : ILetterSummarizer
    {
        public string Summarize(Letter letter) => Briefingbot.Cards.CardText.Truncate(letter.Passages.FirstOrDefault()?.Text, 200);
    }

    public sealed class NoPromises : IPromiseExtractor
    {
        public IReadOnlyList<ExtractedPromise> Extract(Letter letter) => [];
    }

    public sealed class NoMeetings : IMeetingExtractor
    {
        public IReadOnlyList<ExtractedMeeting> Extract(Letter letter) => [];
    }
}
