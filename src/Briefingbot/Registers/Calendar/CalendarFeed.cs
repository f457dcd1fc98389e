using System.Globalization;
using System.Text;
using Briefingbot.Dossiers.Meetings;
using Briefingbot.Kernel.Letters;
using Briefingbot.Registers.Meetings;
using Briefingbot.Storage;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.Extensions.Options;

namespace Briefingbot.Registers.Calendar;

/// <summary>
/// The meeting register as an iCalendar feed that Outlook, Google and Apple calendars can subscribe to: all-day
/// events (DTEND exclusive), UIDs stable per meeting key, cancellations published as STATUS:CANCELLED so subscribed
/// calendars drop them. Written with Ical.Net (the model and the TEXT escaping); the custom X-BRIEFINGBOT-KIND and
/// X-BRIEFINGBOT-DATE-PRECISION properties carry the meeting's kind and how precise its date is.
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

        var calendar = new Ical.Net.Calendar { ProductId = "-//Briefingbot//Vergaderingen//NL", Scale = "GREGORIAN", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("NAME", name);
        calendar.AddProperty("X-WR-CALDESC", "Vergaderingen van de Raad van de EU, de Europese Raad, de NAVO en de Tweede Kamer, bijgehouden door Briefingbot.");
        var refresh = new Ical.Net.CalendarProperty("REFRESH-INTERVAL", "PT6H");
        refresh.Parameters.Set("VALUE", "DURATION");
        calendar.Properties.Add(refresh);
        calendar.AddProperty("X-PUBLISHED-TTL", "PT6H");
        foreach (var m in meetings)
        {
            var summary = m.Title ?? MeetingTypeNames.DisplayName(m.Type);
            var e = new CalendarEvent
            {
                Uid = Uid(m.Key),
                DtStamp = Utc(stamp),
                LastModified = Utc(m.UpdatedAt),
                // All-day events, DTEND exclusive. A month-precise meeting is a month-long event whose summary says the
                // day is not known yet ("NAVO-top (juli 2026, dag nog onbekend)"), so no calendar shows a made-up day.
                DtStart = new CalDateTime(m.StartDate),
                DtEnd = new CalDateTime(m.EndDate.AddDays(1)),
                Summary = m.Precision == DatePrecision.Month ? $"{summary} ({MeetingWhen.Month(m.StartDate)}, dag nog onbekend)" : summary,
                Location = string.IsNullOrEmpty(m.Location) ? null : m.Location,
                Description = await DescribeAsync(m, letters, cancellationToken),
                Status = m.Cancelled ? "CANCELLED" : "CONFIRMED",
                Transparency = "TRANSPARENT",
            };
            if (!string.IsNullOrEmpty(m.Type))
            {
                e.Categories = [m.Type];
            }
            e.AddProperty("X-BRIEFINGBOT-KIND", MeetingKinds.Id(m.Kind));
            e.AddProperty("X-BRIEFINGBOT-DATE-PRECISION", MeetingKinds.Id(m.Precision));
            e.AddProperty("X-MICROSOFT-CDO-ALLDAYEVENT", "TRUE");
            e.AddProperty("X-MICROSOFT-CDO-BUSYSTATUS", "FREE");
            calendar.Events.Add(e);
        }
        // Ical.Net escapes TEXT and writes CRLF, but folds between the two halves of a surrogate pair (5.2.4), so
        // the lines are folded again on code-point boundaries.
        return ContentLineFolding.Refold(new CalendarSerializer().SerializeToString(calendar) ?? "");
    }

    private static CalDateTime Utc(DateTimeOffset moment) => new(moment.UtcDateTime, CalDateTime.UtcTzId);

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
        foreach (var group in sources.Where(s => s.IsAfterLetter != false).GroupBy(s => s.LetterId, StringComparer.Ordinal))
        {
            var letter = await letters.GetAsync(group.Key, cancellationToken);
            text.Append(Meetings.MeetingLetter.Prepares(group.Select(s => s.IsAfterLetter), letter.MeetingDate, m.StartDate, m.EndDate) ? "\nVoorbereid in: " : "\nGenoemd in: ").Append(letter.Title);
            if (letter.Url is not null)
            {
                text.Append(' ').Append(letter.Url);
            }
        }
        return text.ToString();
    }
}
