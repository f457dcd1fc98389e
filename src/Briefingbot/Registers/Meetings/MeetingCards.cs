using System.Text;
using System.Text.Json.Nodes;
using Briefingbot.Dossiers.Meetings;
using Briefingbot.Dossiers.Text;
using Briefingbot.Kernel.Replies;
using Briefingbot.Registers.Promises;

namespace Briefingbot.Registers.Meetings;

/// <summary>Card data (cards/meetings.json) and Markdown for a meeting listing.</summary>
public static class MeetingCards
{
    public const string Template = CardNames.Meetings;

    public const int MaxMeetings = 20;
    private const int MaxPromisesPerMeeting = 5;

    /// <summary>The meeting's date at its precision: "maandag 1 december 2025", "26–27 juni 2025", "juli 2023".</summary>
    public static string When(Storage.MeetingRecord m) => MeetingWhen.Format(m.StartDate, m.EndDate, m.Precision, m.DateSource);

    // Titles, locations and promise texts come from calendars, the open data and admins' commands: escaped, so a
    // "[Lees hier](https://…)" in a calendar's SUMMARY is shown as typed, not as the bot's link (a QA pass).
    private static string LetterLine(LetterRef l, bool preparing) =>
        (preparing ? "voorbereid in: " : "genoemd in: ") + TeamsMarkdown.Link(l.Title, l.Url);

    /// <summary>A letter written after the meeting that mentions it: it looks back on it.</summary>
    private static string ReportLine(LetterRef l) => "teruggeblikt in: " + TeamsMarkdown.Link(l.Title, l.Url);

    private static string PromiseLine(PromiseItem p) =>
        $"open toezegging #{p.Promise.Number}: {TeamsMarkdown.Escape(p.Promise.What)} · {PromiseCards.DueText(p.Promise)}"
        // Overdue as `toezegging <nr>` and the list say it (a QA pass: only the date showed it here).
        + (p.Urgency == PromiseUrgency.Overdue ? " · verlopen" : "");

    /// <param name="emptyNote">What to say when the period holds no meetings (<see cref="MeetingCoverage.EmptyNote"/>).</param>
    /// <param name="feedUrl">The absolute URL of this bot's <c>/calendar.ics</c> feed (<see cref="Cards.PublicLinks"/>).</param>
    public static (JsonObject Data, string Markdown) Build(IReadOnlyList<MeetingItem> items, string subtitle, string emptyNote, string feedUrl)
    {
        var meetings = new JsonArray();
        var text = new StringBuilder($"**Vergaderingen** · {subtitle}\n");
        foreach (var item in items.Take(MaxMeetings))
        {
            var m = item.Meeting;
            var name = m.Title ?? MeetingTypeNames.DisplayName(m.Type);
            var shownName = TeamsMarkdown.Escape(name);
            var shownLocation = m.Location is null ? null : TeamsMarkdown.Escape(m.Location);
            var letters = new JsonArray();
            foreach (var (l, preparing) in item.Letters)
            {
                letters.Add(new JsonObject { ["text"] = LetterLine(l, preparing) });
            }
            foreach (var l in item.ReportedIn)
            {
                letters.Add(new JsonObject { ["text"] = ReportLine(l) });
            }
            var promises = new JsonArray();
            foreach (var p in item.OpenPromises.Take(MaxPromisesPerMeeting))
            {
                promises.Add(new JsonObject { ["text"] = PromiseLine(p), ["color"] = PromiseCards.Color(p.Urgency) });
            }
            meetings.Add(new JsonObject
            {
                ["id"] = m.Id,
                ["type"] = m.Type,
                ["kind"] = MeetingKinds.Id(m.Kind),
                ["kindName"] = MeetingKinds.DutchName(m.Kind),
                ["precision"] = MeetingKinds.Id(m.Precision),
                ["name"] = name,
                // The number admins need for "vergadering wijzigen|annuleren <nr>" (a QA pass: only the text showed it).
                ["heading"] = (shownLocation is null ? shownName : $"{shownName} · {shownLocation}") + $" · nr. {m.Id}",
                ["when"] = When(m),
                ["startDate"] = m.StartDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["hasLetters"] = item.Letters.Count + item.ReportedIn.Count > 0,
                ["letters"] = letters,
                ["hasPromises"] = item.OpenPromises.Count > 0,
                ["promises"] = promises,
                ["morePromises"] = Math.Max(0, item.OpenPromises.Count - MaxPromisesPerMeeting),
                ["hasMorePromises"] = item.OpenPromises.Count > MaxPromisesPerMeeting,
            });

            text.Append("\n- **").Append(When(m)).Append("**: ").Append(shownName);
            if (shownLocation is not null)
            {
                text.Append(" (").Append(shownLocation).Append(')');
            }
            text.Append(" · nr. ").Append(m.Id).Append('\n');
            foreach (var (l, preparing) in item.Letters)
            {
                text.Append("  - ").Append(LetterLine(l, preparing)).Append('\n');
            }
            foreach (var l in item.ReportedIn)
            {
                text.Append("  - ").Append(ReportLine(l)).Append('\n');
            }
            foreach (var p in item.OpenPromises.Take(MaxPromisesPerMeeting))
            {
                text.Append("  - ").Append(PromiseLine(p)).Append('\n');
            }
        }
        var more = Math.Max(0, items.Count - MaxMeetings);
        if (items.Count == 0)
        {
            text.Append('\n').Append(emptyNote);
        }
        else if (more > 0)
        {
            text.Append("\n… en nog ").Append(more).Append(" vergaderingen; kies een kortere periode.");
        }
        text.Append("\n\nIn je eigen agenda: abonneer op ").Append(feedUrl);
        var data = new JsonObject
        {
            ["title"] = "Vergaderingen",
            ["subtitle"] = subtitle,
            ["count"] = items.Count,
            ["more"] = more,
            ["hasMore"] = more > 0,
            ["isEmpty"] = items.Count == 0,
            ["emptyNote"] = emptyNote,
            ["meetings"] = meetings,
            ["feedUrl"] = feedUrl,
        };
        return (data, text.ToString().TrimEnd());
    }
}
