using Briefingbot.Dossiers.Text;
using System.Text;
using System.Text.Json.Nodes;
using Briefingbot.Storage;
using Briefingbot.Kernel.Commands;
using Briefingbot.Kernel.Replies;

namespace Briefingbot.Registers.Promises;

/// <summary>Card data (cards/promises.json) and Markdown for a promise listing.</summary>
public static class PromiseCards
{
    public const string Template = CardNames.Promises;

    /// <summary>The note of an empty list.</summary>
    public const string NoneFound = "Geen toezeggingen gevonden.";

    /// <summary>Items beyond this are counted, not shown: a Teams message must stay well under its size limit.</summary>
    public const int MaxItems = 25;

    public static string UrgencyHeading(PromiseUrgency urgency) => urgency switch
    {
        PromiseUrgency.Overdue => "Verlopen",
        PromiseUrgency.DueSoon => $"Binnen {PromiseQueries.DueSoonDays} dagen",
        PromiseUrgency.Later => "Later",
        PromiseUrgency.Undated => "Zonder termijn",
        _ => "Afgehandeld",
    };

    public static string StatusText(PromiseStatus status) => status switch
    {
        PromiseStatus.Open => "open",
        PromiseStatus.Fulfilled => "voldaan",
        _ => "ingetrokken",
    };

    /// <summary>The longest sentence shown before a promise that leans on it, in a list.</summary>
    public const int ContextLength = 200;

    public static string DueText(PromiseRecord p) => p.DueDate is { } due
        ? p.DeadlinePhrase is null ? $"uiterlijk {DutchDates.Format(due)}" : $"uiterlijk {DutchDates.Format(due)} ({p.DeadlinePhrase})"
        : p.DeadlinePhrase is null ? "geen termijn" : $"geen datum ({p.DeadlinePhrase})";

    /// <param name="emptyNote">What to say when no promise is listed (default: none found), with what to try next.</param>
    public static async Task<(JsonObject Data, string Markdown)> BuildAsync(IReadOnlyList<PromiseItem> items, string subtitle, LetterRefs letters, CancellationToken cancellationToken,
        string emptyNote = NoneFound)
    {
        var groups = new JsonArray();
        var text = new StringBuilder($"**Toezeggingen** · {subtitle}\n");
        foreach (var group in items.Take(MaxItems).GroupBy(i => i.Urgency))
        {
            var groupItems = new JsonArray();
            text.Append("\n**").Append(UrgencyHeading(group.Key)).Append("**\n\n");
            foreach (var item in group)
            {
                var p = item.Promise;
                var letter = await letters.GetAsync(p.LetterId, cancellationToken);
                var source = "Bron: " + (letter.Url is null ? letter.Title : $"[{letter.Title}]({letter.Url})") +
                             (letter.Date is { } d ? $" ({DutchDates.Format(d)})" : "");
                // What "hierover" is, as in the view of one promise (a QA pass: "Uw Kamer zal hier langs gebruikelijke
                // procedures over worden geïnformeerd" in a list said nothing).
                var context = await letters.ContextAsync(p.LetterId, p.Sentence, p.Start, ContextLength, cancellationToken);
                groupItems.Add(new JsonObject
                {
                    ["number"] = p.Number,
                    ["what"] = TeamsMarkdown.Escape(p.What),
                    ["meta"] = TeamsMarkdown.Escape(Cards.CardText.LineStart(string.Join(" · ", new[] { p.Actor, DueText(p), StatusText(item.Status) }.Where(s => !string.IsNullOrEmpty(s))))),
                    // The promise's text once (issue 14 item 10): the sentence only where it says more than the summary line.
                    ["sentence"] = SentenceAddsToWhat(p) ? TeamsMarkdown.Escape(Shorten(p.Sentence, 300)) : "",
                    ["hasSentence"] = SentenceAddsToWhat(p),
                    ["context"] = context is null ? "" : "Daarvoor in de brief: " + TeamsMarkdown.Escape(context),
                    ["hasContext"] = context is not null,
                    ["due"] = DueText(p),
                    ["status"] = StatusText(item.Status),
                    ["source"] = source,
                });
                text.Append("- **#").Append(p.Number).Append("** ").Append(p.What)
                    .Append(" · ").Append(DueText(p));
                if (item.Status != PromiseStatus.Open)
                {
                    text.Append(" · ").Append(StatusText(item.Status));
                }
                text.Append(" · bron: ").Append(letter.Url is null ? letter.Title : $"[{letter.Title}]({letter.Url})").Append('\n');
                if (context is not null)
                {
                    text.Append("  Daarvoor in de brief: ").Append(context).Append('\n');
                }
            }
            groups.Add(new JsonObject { ["heading"] = UrgencyHeading(group.Key), ["color"] = Color(group.Key), ["items"] = groupItems });
        }
        var more = Math.Max(0, items.Count - MaxItems);
        if (items.Count == 0)
        {
            text.Append('\n').Append(emptyNote);
        }
        else if (more > 0)
        {
            text.Append("\n… en nog ").Append(more).Append(" toezeggingen. Verfijn met een onderwerp of `verlopen`.");
        }
        var data = new JsonObject
        {
            ["title"] = "Toezeggingen",
            ["subtitle"] = subtitle,
            ["count"] = items.Count,
            ["more"] = more,
            ["hasMore"] = more > 0,
            ["isEmpty"] = items.Count == 0,
            ["emptyNote"] = emptyNote,
            ["groups"] = groups,
        };
        return (data, text.ToString().TrimEnd());
    }

    /// <summary>
    /// Adaptive Card text colour of a group: overdue stands out in red; the others in the default colour (Teams' light
    /// theme draws "Warning" yellow on white, unreadable as text: a visual review).
    /// </summary>
    public static string Color(PromiseUrgency urgency) => urgency switch
    {
        PromiseUrgency.Overdue => "Attention",
        _ => "Default",
    };

    /// <summary>
    /// Whether the source sentence says more than <see cref="PromiseRecord.What"/>: not when the two are (nearly) the
    /// same text, which showed every promise twice. Compared without case, accents, punctuation and spacing.
    /// </summary>
    public static bool SentenceAddsToWhat(PromiseRecord p)
    {
        var what = Letters(p.What);
        var sentence = Letters(WithoutRegisterNote(p.Sentence));
        if (sentence.Length == 0)
        {
            return false;
        }
        return !(sentence.Contains(what, StringComparison.Ordinal) && what.Length >= sentence.Length * 0.6)
            && !what.Contains(sentence, StringComparison.Ordinal);
    }

    /// <summary>
    /// Whether the source sentence holds anything <see cref="PromiseRecord.What"/> does not: for the view of one
    /// promise, where the whole sentence is wanted when the summary was cut ("… Oekraïne…").
    /// </summary>
    public static bool SentenceSaysMore(PromiseRecord p)
    {
        var sentence = Letters(p.Sentence);
        return sentence.Length > 0 && !Letters(p.What).Contains(sentence, StringComparison.Ordinal);
    }

    /// <summary>
    /// Whether <see cref="PromiseRecord.What"/> is only a piece of the source sentence (a summary cut from it): then the
    /// view of one promise that quotes the sentence leaves the "Wat" line out, or it shows the same words twice (a
    /// visual review).
    /// </summary>
    public static bool WhatIsPartOfSentence(PromiseRecord p)
    {
        var what = Letters(p.What);
        return what.Length > 0 && Letters(p.Sentence).Contains(what, StringComparison.Ordinal);
    }

    /// <summary>
    /// A register promise's sentence without its closing note ("[Toezegging TZ202611-050, Ministerie van Defensie, status
    /// openstaand]"): in a list the note only repeated the text above it (a QA pass); the view of one promise keeps it.
    /// </summary>
    private static string WithoutRegisterNote(string sentence)
    {
        var note = sentence.LastIndexOf(" [Toezegging ", StringComparison.Ordinal);
        return note > 0 && sentence.EndsWith(']') ? sentence[..note] : sentence;
    }

    private static string Letters(string text) =>
        new(CommandText.Fold(text).Where(char.IsLetterOrDigit).ToArray());

    public static string Shorten(string text, int max)
    {
        var t = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return t.Length <= max ? t : t[..(max - 1)].TrimEnd() + "…";
    }
}
