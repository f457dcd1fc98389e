using Briefingbot.Briefings.Composition;

namespace Briefingbot.Briefings.Rendering;

/// <summary>Turns a <see cref="Briefing"/> into titled sections of items (the Dutch wording lives here).</summary>
internal static class BriefingSections
{
    public static string Heading(Briefing b) => $"Weekbriefing {DutchFormat.Date(b.LocalDate)}";

    public static string Subheading(Briefing b) =>
        b.Topics.Count == 0 ? "Alle onderwerpen" : $"Onderwerpen: {string.Join(", ", b.Topics)}";

    public static IReadOnlyList<BriefingSection> Build(Briefing b, int meetingHorizonDays)
    {
        var sections = new List<BriefingSection>();
        if (b.IsEmpty)
        {
            sections.Add(new BriefingSection("Niets te melden",
                [new BriefingItem("Geen vergaderingen, openstaande toezeggingen of nieuwe brieven deze week.", ["Geen vergaderingen, openstaande toezeggingen of nieuwe brieven deze week."], false)]));
            return sections;
        }

        sections.Add(new BriefingSection($"Raadsvergaderingen komende {meetingHorizonDays} dagen",
            b.Meetings.Count == 0
                ? [Note("Geen vergaderingen in deze periode.")]
                : b.Meetings.Select(Meeting).ToList()));

        if (b.LaterMeetings.Count > 0)
        {
            sections.Add(new BriefingSection("Verder vooruit", b.LaterMeetings.Select(LaterMeeting).ToList()));
        }

        var promiseItems = b.Promises.Select(Promise).ToList();
        if (promiseItems.Count == 0)
        {
            promiseItems.Add(Note("Geen openstaande toezeggingen op deze onderwerpen."));
        }
        if (b.LaterPromises > 0)
        {
            promiseItems.Add(Note(b.LaterPromises == 1
                ? "Nog 1 openstaande toezegging met een latere termijn; typ `toezeggingen` voor alles."
                : $"Nog {b.LaterPromises} openstaande toezeggingen met een latere termijn; typ `toezeggingen` voor alles."));
        }
        sections.Add(new BriefingSection("Openstaande toezeggingen", promiseItems));

        var letterItems = b.NewLetters.Select(Letter).ToList();
        if (letterItems.Count == 0)
        {
            letterItems.Add(Note("Geen nieuwe brieven op deze onderwerpen."));
        }
        if (b.MoreNewLetters > 0)
        {
            letterItems.Add(Note($"En nog {b.MoreNewLetters} nieuwe brief/brieven; zoek op een onderwerp om ze te zien."));
        }
        sections.Add(new BriefingSection("Nieuwe brieven sinds de vorige briefing", letterItems));
        return sections;
    }

    private static BriefingItem Note(string text) => new(DutchFormat.Md(text).Replace("\\`", "`", StringComparison.Ordinal), [text], false);

    private static BriefingItem Meeting(BriefingMeeting m)
    {
        var headline = $"**{DutchFormat.Md(m.Type)}** — {DutchFormat.Range(m.StartDate, m.EndDate)} ({DutchFormat.DaysAhead(m.DaysAhead)})"
            + (m.Location is { Length: > 0 } loc ? $", {DutchFormat.Md(loc)}" : "");
        var lines = new List<string> { headline };
        if (m.Title is { Length: > 0 } title)
        {
            lines.Add(DutchFormat.Md(DutchFormat.Cap(title, 300)));
        }
        foreach (var letter in m.PreparingLetters)
        {
            lines.Add($"Voorbereid in: {DutchFormat.Link(letter.Title, letter.Url)}");
        }
        return new BriefingItem(string.Join("\n", lines.Select((l, i) => i == 0 ? $"- {l}" : $"  - {l}")), lines);
    }

    private static BriefingItem LaterMeeting(BriefingMeeting m)
    {
        var line = $"**{DutchFormat.Md(m.Type)}** — {DutchFormat.Range(m.StartDate, m.EndDate)} ({DutchFormat.DaysAhead(m.DaysAhead)})";
        return new BriefingItem($"- {line}", [line], false);
    }

    private static BriefingItem Promise(BriefingPromise p)
    {
        var when = p.Urgency switch
        {
            PromiseUrgency.Overdue => $"⚠️ Termijn verstreken ({DutchFormat.ShortDate(p.DueDate!.Value)})",
            PromiseUrgency.DueSoon => $"Uiterlijk {DutchFormat.ShortDate(p.DueDate!.Value)}",
            _ => "Geen termijn",
        };
        if (p.DeadlinePhrase is { Length: > 0 } phrase)
        {
            when += $" — “{DutchFormat.Md(phrase)}”";
        }
        var headline = $"**{p.Number}.** {DutchFormat.Md(DutchFormat.Cap(p.What, 600))}";
        var actor = p.Actor is { Length: > 0 } a ? $"{DutchFormat.Md(a)} · " : "";
        var detail = $"{actor}{when} · Bron: {DutchFormat.Link(p.Source.Title, p.Source.Url)}";
        return new BriefingItem($"- {headline}\n  {detail}", [headline, detail]);
    }

    private static BriefingItem Letter(BriefingLetter l)
    {
        var headline = DutchFormat.Link(l.Title, l.Url);
        var facts = new List<string>();
        if (l.DocumentType is { Length: > 0 } type) facts.Add(DutchFormat.Md(type));
        if (l.Date is { } date) facts.Add(DutchFormat.ShortDate(date));
        if (l.Dossier is { Length: > 0 } dossier) facts.Add($"Kamerstuk {DutchFormat.Md(dossier)}");
        if (l.MatchedTopics.Count > 0) facts.Add($"onderwerp: {DutchFormat.Md(string.Join(", ", l.MatchedTopics))}");
        var detail = string.Join(" · ", facts);
        return detail.Length == 0
            ? new BriefingItem($"- {headline}", [headline])
            : new BriefingItem($"- {headline}\n  {detail}", [headline, detail]);
    }
}
