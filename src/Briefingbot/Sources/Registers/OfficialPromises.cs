using System.Globalization;
using System.Text;
using Briefingbot.Sources.Feed;
using Briefingbot.Sources.Sync;
using Briefingbot.Storage;

namespace Briefingbot.Sources.Registers;

/// <summary>The register row an official promise (Toezegging) becomes.</summary>
public sealed record OfficialPromiseRow(string LetterId, string Sentence, string? Actor, string What, string? DeadlinePhrase, DateOnly? DueDate, DateOnly? MadeOn, PromiseStatus Status);

/// <summary>
/// Promises from the Tweede Kamer's toezeggingenregister (the Toezegging entity) in the promise register, beside the
/// extracted ones. They are told apart by their key (<c>tk:&lt;nummer&gt;</c>) and their "letter", a pseudo id
/// <c>tk-toezegging-&lt;nummer&gt;</c> that the register views show as "Toezeggingenregister Tweede Kamer".
/// </summary>
public static class OfficialPromises
{
    public const string LetterIdPrefix = "tk-toezegging-";

    /// <summary>
    /// What the register's DatumNakoming is: the open-data documentation describes the Toezegging's dates without a
    /// worked definition, and the live data sets <c>0001-01-01</c> for "none" on open promises. We show it as the
    /// promise's term ("uiterlijk …") only while the promise is open; see docs/sources.md.
    /// </summary>
    public const string DeadlinePhrase = "termijn volgens het toezeggingenregister";

    public static bool IsOfficial(PromiseRecord p) => p.Key.StartsWith(SourceSyncStore.OfficialPromiseKeyPrefix, StringComparison.Ordinal);

    public static bool IsOfficialLetterId(string letterId) => letterId.StartsWith(LetterIdPrefix, StringComparison.Ordinal);

    /// <summary>Title and address of the register entry shown as a promise's source.</summary>
    public static (string Title, string Url) Source(string letterId)
    {
        var nummer = letterId[LetterIdPrefix.Length..];
        return ($"Toezeggingenregister Tweede Kamer, {nummer}",
            "https://www.tweedekamer.nl/kamerstukken/toezeggingen/detail?id=" + Uri.EscapeDataString(nummer));
    }

    /// <summary>Official status → register status. Openstaand and Deels afgedaan stay open.</summary>
    public static PromiseStatus StatusOf(string? status) => (status ?? "").Trim().ToLowerInvariant() switch
    {
        "voldaan" or "afgedaan" => PromiseStatus.Fulfilled,
        "vervallen" or "niet nagekomen" or "ingetrokken" => PromiseStatus.Withdrawn,
        _ => PromiseStatus.Open,
    };

    public static OfficialPromiseRow ToRegisterRow(TkToezegging t)
    {
        var tekst = Normalise(t.Tekst ?? "");
        var who = string.IsNullOrWhiteSpace(t.Functie) ? t.Naam : string.IsNullOrWhiteSpace(t.Naam) ? t.Functie : $"{t.Naam} ({t.Functie})";
        var sentence = new StringBuilder(tekst);
        sentence.Append(" [Toezegging ").Append(t.Nummer);
        if (!string.IsNullOrWhiteSpace(t.Ministerie))
        {
            sentence.Append(", ").Append(t.Ministerie.Trim());
        }
        if (!string.IsNullOrWhiteSpace(t.Status))
        {
            // In the sentence's own casing ("status deels afgedaan"), not the feed's ("Deels afgedaan", a QA pass).
            sentence.Append(", status ").Append(t.Status.Trim().ToLowerInvariant());
        }
        sentence.Append(']');
        var status = StatusOf(t.Status);
        return new OfficialPromiseRow(
            LetterIdPrefix + t.Nummer,
            sentence.ToString(),
            who?.Trim(),
            tekst,
            t.DatumNakoming is null ? null : DeadlinePhrase,
            t.DatumNakoming,
            t.Aanmaakdatum,
            status);
    }

    /// <summary>
    /// The register without extracted promises that an official one already covers, so one commitment is shown once
    /// (the official one: it carries number, status and who promised). See <see cref="SameCommitment(PromiseRecord, PromiseRecord)"/>.
    /// </summary>
    public static IReadOnlyList<PromiseRecord> WithoutDuplicates(IReadOnlyList<PromiseRecord> all)
    {
        var official = all.Where(IsOfficial).ToList();
        if (official.Count == 0)
        {
            return all;
        }
        var officialWords = official.Select(o => (Promise: o, Words: ContentWords(o.What))).ToList();
        return all.Where(p => IsOfficial(p) || !officialWords.Any(o => SameCommitment(o.Promise, o.Words, p))).ToList();
    }

    /// <summary>
    /// The matching rule: an extracted promise is the official one when (1) at least 60 % of the shorter text's content
    /// words (lower case, no stop words, first six letters) occur in the other, and (2) it was made within 120 days of
    /// the official one (a letter repeating a debate's promise), and (3) their due dates, when both have one, are at
    /// most 45 days apart. Deliberately conservative: a missed match shows a promise twice; a false one would hide one.
    /// </summary>
    public static bool SameCommitment(PromiseRecord official, PromiseRecord extracted) =>
        SameCommitment(official, ContentWords(official.What), extracted);

    private static bool SameCommitment(PromiseRecord official, HashSet<string> officialWords, PromiseRecord extracted)
    {
        if (IsOfficial(extracted))
        {
            return false;
        }
        var words = ContentWords(extracted.What + " " + extracted.Sentence);
        var what = ContentWords(extracted.What);
        var smaller = Math.Min(officialWords.Count, what.Count);
        if (smaller < 3)
        {
            return false;
        }
        var shared = officialWords.Count(words.Contains);
        var basis = Math.Min(officialWords.Count, words.Count);
        if (shared < 3 || shared < 0.6 * basis)
        {
            return false;
        }
        if (official.LetterDate is { } made && extracted.LetterDate is { } said && Math.Abs(made.DayNumber - said.DayNumber) > 120)
        {
            return false;
        }
        return official.DueDate is not { } a || extracted.DueDate is not { } b || Math.Abs(a.DayNumber - b.DayNumber) <= 45;
    }

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "de", "het", "een", "en", "van", "in", "op", "te", "aan", "met", "voor", "over", "dat", "die", "dit", "deze", "zal", "zullen",
        "wordt", "worden", "is", "zijn", "er", "om", "bij", "naar", "uit", "als", "ook", "nog", "kamer", "minister", "staatssecretaris",
        "zegt", "toe", "toezegging", "informeren", "informeert", "zeg", "ik", "wij", "we", "u", "uw", "haar", "zijn", "hij", "zij",
        "brief", "voor", "na", "tot", "door", "onder", "meer", "niet", "geen", "of", "maar", "dan", "wel", "kabinet", "het",
    };

    internal static HashSet<string> ContentWords(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var sb = new StringBuilder();
        foreach (var ch in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsLetterOrDigit(ch))
            {
                sb.Append(char.ToLowerInvariant(ch));
            }
            else
            {
                Flush();
            }
        }
        Flush();
        return words;

        void Flush()
        {
            if (sb.Length >= 3)
            {
                var w = sb.ToString();
                if (!StopWords.Contains(w))
                {
                    words.Add(w.Length > 6 ? w[..6] : w);
                }
            }
            sb.Clear();
        }
    }

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
