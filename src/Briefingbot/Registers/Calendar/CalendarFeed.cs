using System.Globalization;
using System.Text;
using Briefingbot.Dossiers.Meetings;
using Briefingbot.Kernel.Letters;
using Briefingbot.Registers.Meetings;
using Briefingbot.Storage;
using Microsoft.Extensions.Options;

namespace Briefingbot.Registers.Calendar;

/// <summary>
/// The meeting register as an iCalendar feed that Outlook, Google and Apple calendars can subscribe to: all-day
/// events (DTEND exclusive), UIDs stable per meeting key, cancellations published as STATUS:CANCELLED so subscribed
/// calendars drop them.
/// </summary>
public sealed class CalendarFeed(IMeetingRegister register, LetterLookup lookup, TimeProvider time, IOptions<CalendarOptions> options)
{
    /// <param name="today">The feed starts <see cref="CalendarOptions.FeedPastDays"/> before this day.</param>
    /// <param name="type">Only meetings of this (normalised) type; null = all.</param>
    public async Task<string> BuildAsync(DateOnly today, string? type, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var meetings = (await register.ListAsync(today.AddDays(-o.FeedPastDays), null, includeCancelled: true, cancellationToken))
            .Where(m => type is null || string.Equals(m.Type, type, StringComparison.OrdinalIgnoreCase))
            .OrderBy(m => m.StartDate).ThenBy(m => m.Key, StringComparer.Ordinal)
            .ToList();
        var stamp = time.GetUtcNow();
        var name = type is null ? o.FeedName : $"{o.FeedName} ({type})";
        var letters = new LetterRefs(lookup);

        var w = new ICalendarWriter();
        w.Line("BEGIN", "VCALENDAR");
        w.Line("VERSION", "2.0");
        w.Line("PRODID", "-//Briefingbot//Vergaderingen//NL");
        w.Line("CALSCALE", "GREGORIAN");
        w.Line("METHOD", "PUBLISH");
        w.Text("X-WR-CALNAME", name);
        w.Text("NAME", name);
        w.Text("X-WR-CALDESC", "Vergaderingen van de Raad van de EU, de Europese Raad, de NAVO en de Tweede Kamer, bijgehouden door Briefingbot.");
        w.Line("REFRESH-INTERVAL;VALUE=DURATION", "PT6H");
        w.Line("X-PUBLISHED-TTL", "PT6H");
        foreach (var m in meetings)
        {
            w.Line("BEGIN", "VEVENT");
            w.Line("UID", Uid(m.Key));
            w.UtcDateTime("DTSTAMP", stamp);
            w.UtcDateTime("LAST-MODIFIED", m.UpdatedAt);
            // All-day events, DTEND exclusive. A month-precise meeting is a month-long event whose summary says the day
            // is not known yet ("NAVO-top (juli 2026, dag nog onbekend)"), so no calendar shows a made-up day.
            w.Date("DTSTART", m.StartDate);
            w.Date("DTEND", m.EndDate.AddDays(1));
            var summary = m.Title ?? MeetingTypeNames.DisplayName(m.Type);
            w.Text("SUMMARY", m.Precision == DatePrecision.Month ? $"{summary} ({MeetingWhen.Month(m.StartDate)}, dag nog onbekend)" : summary);
            w.Text("LOCATION", m.Location);
            w.Text("DESCRIPTION", await DescribeAsync(m, letters, cancellationToken));
            w.Text("CATEGORIES", m.Type);
            w.Text("X-BRIEFINGBOT-KIND", MeetingKinds.Id(m.Kind));
            w.Text("X-BRIEFINGBOT-DATE-PRECISION", MeetingKinds.Id(m.Precision));
            w.Line("STATUS", m.Cancelled ? "CANCELLED" : "CONFIRMED");
            w.Line("TRANSP", "TRANSPARENT");
            w.Line("X-MICROSOFT-CDO-ALLDAYEVENT", "TRUE");
            w.Line("X-MICROSOFT-CDO-BUSYSTATUS", "FREE");
            w.Line("END", "VEVENT");
        }
        w.Line("END", "VCALENDAR");
        return w.ToString();
    }

    /// <summary>A UID that stays the same for the same meeting (type + start date) across feeds and restarts.</summary>
    public static string Uid(string key)
    {
        var slug = new StringBuilder();
        foreach (var c in key.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }
        return $"meeting-{slug.ToString().Trim('-')}@briefingbot";
    }

    private async Task<string> DescribeAsync(MeetingRecord m, LetterRefs letters, CancellationToken cancellationToken)
    {
        var text = new StringBuilder(MeetingTypeNames.DisplayName(m.Type));
        if (m.Cancelled)
        {
            text.Append(" (geannuleerd)");
        }
        text.Append("\nSoort: ").Append(MeetingKinds.DutchName(m.Kind));
        if (m.Precision == DatePrecision.Month)
        {
            text.Append("\nAlleen de maand is bekend: ").Append(MeetingWhen.Month(m.StartDate)).Append('.');
        }
        else if (m.Precision == DatePrecision.Inferred)
        {
            text.Append("\nDatum").Append(MeetingWhen.InferredNote(m.DateSource)).Append('.');
        }
        var sources = await register.SourcesAsync(m.Id, cancellationToken);
        // Letters before the meeting (or undated) that mention it; reports written afterwards are not preparation.
        foreach (var source in sources.Where(s => s.IsAfterLetter != false).DistinctBy(s => s.LetterId))
        {
            var letter = await letters.GetAsync(source.LetterId, cancellationToken);
            text.Append(source.IsAfterLetter == true ? "\nVoorbereid in: " : "\nGenoemd in: ").Append(letter.Title);
            if (letter.Url is not null)
            {
                text.Append(' ').Append(letter.Url);
            }
        }
        return text.ToString();
    }
}
