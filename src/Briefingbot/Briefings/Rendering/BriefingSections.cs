using Briefingbot.Briefings.Composition;
using Briefingbot.Dossiers.Meetings;
using Briefingbot.Registers.Meetings;

namespace Briefingbot.Briefings.Rendering;

/// <summary>Turns a <see cref="Briefing"/> into titled sections of items (the Dutch wording lives here).</summary>
internal static class BriefingSections
{
    /// <summary>The section of letters received since the previous briefing.</summary>
    public const string NewLettersTitle = "Nieuw in je dossiers";

    public static string Heading(Briefing b) => $"Weekbriefing {DutchFormat.Date(b.LocalDate)}";

    public static string Subheading(Briefing b) =>
        b.Topics.Count == 0 ? "Alle onderwerpen" : $"Onderwerpen: {string.Join(", ", b.Topics)}";

    public static IReadOnlyList<BriefingSection> Build(Briefing b, int meetingHorizonDays)
    {
        var sections = new List<BriefingSection>();
        if (b.IsEmpty)
        {
            // With promises due later, "no open promises" would be untrue (a QA pass: the note about them was dropped).
            var none = b.LaterPromises > 0
                ? $"Geen vergaderingen in de komende {meetingHorizonDays} dagen, geen toezeggingen met een termijn binnenkort en geen nieuwe brieven."
                : $"Geen vergaderingen in de komende {meetingHorizonDays} dagen, geen openstaande toezeggingen en geen nieuwe brieven.";
            var nothing = new List<BriefingItem> { new(none, [none], false) };
            if (b.MeetingCoverage.Count > 0)
            {
                nothing.Add(Note(b.MeetingCoverage.EmptyNote(b.LocalDate, b.LocalDate.AddDays(meetingHorizonDays), "briefing")));
            }
            if (LaterPromisesNote(b) is { } later)
            {
                nothing.Add(later);
            }
            sections.Add(new BriefingSection("Niets te melden", nothing));
            return sections;
        }

        sections.Add(new BriefingSection($"Vergaderingen komende {meetingHorizonDays} dagen",
            b.Meetings.Count == 0
                ? [Note(b.MeetingCoverage.EmptyNote(b.LocalDate, b.LocalDate.AddDays(meetingHorizonDays), "briefing"))]
                : b.Meetings.Select(m => Meeting(m, b.LocalDate)).ToList()));

        if (b.LaterMeetings.Count > 0)
        {
            sections.Add(new BriefingSection("Verder vooruit", b.LaterMeetings.Select(m => LaterMeeting(m, b.LocalDate)).ToList()));
        }

        var promiseItems = b.Promises.Select(Promise).ToList();
        if (promiseItems.Count == 0)
        {
            promiseItems.Add(Note("Geen openstaande toezeggingen op deze onderwerpen."));
        }
        if (b.MorePromises > 0)
        {
            promiseItems.Add(Note(b.MorePromises == 1
                ? $"En nog 1 openstaande toezegging die verlopen is, binnenkort afloopt of geen termijn heeft; typ {PromisesCommand(b)}."
                : $"En nog {b.MorePromises} openstaande toezeggingen die verlopen zijn, binnenkort aflopen of geen termijn hebben; typ {PromisesCommand(b)}."));
        }
        if (LaterPromisesNote(b) is { } note)
        {
            promiseItems.Add(note);
        }
        sections.Add(new BriefingSection("Openstaande toezeggingen", promiseItems));

        var letterItems = b.NewLetters.Select(Letter).ToList();
        if (letterItems.Count == 0)
        {
            // Since when, as a date: a first briefing, or a preview in a chat without a subscription, has no previous one
            // (a QA pass read "sinds de vorige briefing" on every first briefing).
            letterItems.Add(Note($"Geen nieuwe brieven{(b.Topics.Count == 0 ? "" : " over je onderwerpen")} sinds {DutchFormat.Date(DateOnly.FromDateTime(b.NewLettersSince.ToOffset(b.AsOf.Offset).DateTime))}."));
        }
        if (b.MoreNewLetters > 0)
        {
            letterItems.Add(Note($"En nog {b.MoreNewLetters} nieuwe brief/brieven; zoek op een onderwerp om ze te zien."));
        }
        sections.Add(new BriefingSection(NewLettersTitle, letterItems));
        return sections;
    }

    private static BriefingItem Note(string text) => new(DutchFormat.Md(text).Replace("\\`", "`", StringComparison.Ordinal), [text], false);

    /// <summary>"juli 2026 (dag nog onbekend)" for a month-precise meeting; inferred days marked; else the days and how far ahead.</summary>
    private static string When(BriefingMeeting m, DateOnly today) => m.Precision switch
    {
        DatePrecision.Month => $"{MeetingWhen.Month(m.StartDate)} ({MeetingWhen.Ahead(m.StartDate, m.Precision, today)})",
        DatePrecision.Inferred => $"{DutchFormat.Range(m.StartDate, m.EndDate)}{MeetingWhen.InferredNote(m.DateSource)} ({DutchFormat.DaysAhead(m.DaysAhead)})",
        _ => $"{DutchFormat.Range(m.StartDate, m.EndDate)} ({DutchFormat.DaysAhead(m.DaysAhead)})",
    };

    private static BriefingItem Meeting(BriefingMeeting m, DateOnly today)
    {
        var headline = $"**{DutchFormat.Md(MeetingTypeNames.ShortName(m.Type))}** — {When(m, today)}"
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

    private static BriefingItem? LaterPromisesNote(Briefing b) => b.LaterPromises switch
    {
        0 => null,
        1 => Note($"Nog 1 openstaande toezegging met een latere termijn; typ {PromisesCommand(b)}."),
        _ => Note($"Nog {b.LaterPromises} openstaande toezeggingen met een latere termijn; typ {PromisesCommand(b)}."),
    };

    /// <summary>
    /// The register view a note points to: of the preview's day for <c>briefing --per</c> (a QA pass was sent to
    /// today's list from a briefing of 24 November 2025), else of now; on the briefing's topics, each by name, up to
    /// <see cref="MaxTopicCommands"/> of them (a QA pass: a drones briefing pointed to every topic's promises).
    /// </summary>
    private static string PromisesCommand(Briefing b)
    {
        var per = b.PerDate is { } day ? $" --per {day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}" : "";
        // Each topic's list is a command of its own: "… of … voor alles" offered three commands, none of which showed
        // everything (a QA pass).
        return b.Topics.Count switch
        {
            1 => $"`toezeggingen {b.Topics[0]}{per}` voor de hele lijst",
            > 1 and <= MaxTopicCommands => string.Join(", ", b.Topics.Select(topic => $"`toezeggingen {topic}{per}`")) + " voor de lijst per onderwerp",
            _ => $"`toezeggingen{per}` voor de hele lijst",
        };
    }

    private const int MaxTopicCommands = 3;

    private static BriefingItem LaterMeeting(BriefingMeeting m, DateOnly today)
    {
        var line = $"**{DutchFormat.Md(MeetingTypeNames.ShortName(m.Type))}** — {When(m, today)}";
        return new BriefingItem($"- {line}", [line], false);
    }

    private static BriefingItem Promise(BriefingPromise p)
    {
        var when = p.Urgency switch
        {
            PromiseUrgency.Overdue => $"⚠️ Termijn verstreken ({DutchFormat.ShortDate(p.DueDate!.Value)})",
            PromiseUrgency.DueSoon => $"Uiterlijk {DutchFormat.ShortDate(p.DueDate!.Value)}",
            // As the register view words it: a phrase without a date ("separaat") is no date, not no term.
            _ => p.DeadlinePhrase is { Length: > 0 } ? "Geen datum" : "Geen termijn",
        };
        if (p.DeadlinePhrase is { Length: > 0 } phrase)
        {
            when += $" — “{DutchFormat.Md(phrase)}”";
        }
        var headline = $"**{p.Number}.** {DutchFormat.Md(DutchFormat.Cap(p.What, 600))}";
        var actor = p.Actor is { Length: > 0 } a ? $"{DutchFormat.Md(Cards.CardText.LineStart(a))} · " : "";
        var detail = $"{actor}{when} · Bron: {DutchFormat.Link(p.Source.Title, p.Source.Url)}";
        if (p.Context is { Length: > 0 } context)
        {
            var before = $"Daarvoor in de brief: {DutchFormat.Md(context)}";
            return new BriefingItem($"- {headline}\n  {before}\n  {detail}", [headline, before, detail]);
        }
        return new BriefingItem($"- {headline}\n  {detail}", [headline, detail]);
    }

    private static BriefingItem Letter(BriefingLetter l)
    {
        var headline = DutchFormat.Link(l.Title, l.Url);
        var facts = new List<string>();
        if (l.DocumentType is { Length: > 0 } type) facts.Add(DutchFormat.Md(type));
        if (l.Date is { } date) facts.Add(DutchFormat.ShortDate(date));
        // With its number, as the search results name it (a QA pass: "Kamerstuk 21 501-28" alone).
        if (l.Dossier is { Length: > 0 } dossier) facts.Add($"Kamerstuk {DutchFormat.Md(dossier)}{(l.DocumentNumber is { Length: > 0 } nr ? $", nr. {DutchFormat.Md(nr)}" : "")}");
        if (l.MatchedTopics.Count > 0) facts.Add($"onderwerp: {DutchFormat.Md(string.Join(", ", l.MatchedTopics))}");
        var lines = new List<string> { headline };
        if (facts.Count > 0)
        {
            lines.Add(string.Join(" · ", facts));
        }
        if (l.Passage is { Length: > 0 } passage)
        {
            lines.Add($"“{DutchFormat.Md(DutchFormat.Cap(passage, 600))}”");
        }
        return new BriefingItem(string.Join("\n", lines.Select((line, i) => i == 0 ? $"- {line}" : $"  {line}")), lines);
    }
}
