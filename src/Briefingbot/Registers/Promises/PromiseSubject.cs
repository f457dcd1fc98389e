using System.Text.RegularExpressions;
using Briefingbot.Kernel.Commands;
using Briefingbot.Storage;

namespace Briefingbot.Registers.Promises;

/// <summary>
/// What a promise is about, by its own words: <c>toezeggingen drones</c> lists the promises whose text names drones,
/// not every promise of a letter that mentions drones somewhere (issue 14 item 10). A word matches the start of a
/// word in the promise (so "drones" finds "drone", "dronesprogramma", "counter-drone"), ignoring case and accents;
/// all words must match.
/// </summary>
public static class PromiseSubject
{
    public static bool IsAbout(PromiseRecord promise, IReadOnlyList<string> words)
    {
        var text = CommandText.Fold(promise.What + " " + promise.Sentence);
        return words.Count > 0 && words.All(w => Regex.IsMatch(text, @"(?<![\p{L}\p{N}])" + Regex.Escape(Stem(CommandText.Fold(w))), RegexOptions.None, TimeSpan.FromMilliseconds(100)));
    }

    /// <summary>A Dutch plural or genitive ending off, so singular and plural match each other.</summary>
    private static string Stem(string word)
    {
        foreach (var ending in new[] { "'s", "’s", "en", "s" })
        {
            if (word.EndsWith(ending, StringComparison.Ordinal) && word.Length - ending.Length >= 4)
            {
                return word[..^ending.Length];
            }
        }
        return word;
    }
}
