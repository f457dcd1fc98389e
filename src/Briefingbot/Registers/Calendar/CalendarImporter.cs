using Briefingbot.Registers.Meetings;
using Briefingbot.Storage;
using Ical.Net.CalendarComponents;
using Microsoft.Extensions.Options;

namespace Briefingbot.Registers.Calendar;

/// <summary>What an import did.</summary>
public sealed record CalendarImportResult(int Added, int Updated, int Cancelled, int Skipped, IReadOnlyList<string> Notes)
{
    public int Total => Added + Updated + Cancelled;
}

/// <summary>
/// Reads an iCalendar file (Ical.Net) into the meeting register as imported meetings. Each VEVENT becomes one meeting:
/// its type recognised from the summary (else the summary is the type), all-day DTEND read as exclusive,
/// STATUS:CANCELLED cancels. Meetings an admin fixed are left alone; recurring events are skipped (Council meetings
/// do not recur).
/// </summary>
public sealed class CalendarImporter(IMeetingRegister register, TimeProvider time, IOptions<CalendarOptions> options)
{
    private const int MaxTypeLength = 80;

    /// <exception cref="CalendarImportException">The text is not an iCalendar file.</exception>
    public async Task<CalendarImportResult> ImportAsync(string icsText, CancellationToken cancellationToken)
    {
        Ical.Net.Calendar? calendar;
        try
        {
            calendar = Ical.Net.Calendar.Load(icsText);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new CalendarImportException("het bestand is geen geldig iCalendar-bestand (.ics)", ex);
        }
        if (calendar is null)
        {
            throw new CalendarImportException("het bestand bevat geen agenda (BEGIN:VCALENDAR ontbreekt)");
        }

        var existing = (await register.ListAsync(null, null, includeCancelled: true, cancellationToken)).ToList();
        var now = time.GetUtcNow();
        int added = 0, updated = 0, cancelled = 0, skipped = 0;
        var notes = new List<string>();
        foreach (var ev in calendar.Events.Take(options.Value.MaxImportEvents))
        {
            if (!TryRead(ev, out var type, out var title, out var start, out var end, out var why))
            {
                skipped++;
                AddNote(notes, why);
                continue;
            }
            var match = existing.FirstOrDefault(m => m.StartDate == start && string.Equals(m.Type, type, StringComparison.OrdinalIgnoreCase));
            if (match is { AdminLocked: true })
            {
                skipped++;
                AddNote(notes, $"{MeetingTypeNames.DisplayName(type)} op {start:yyyy-MM-dd} is door een beheerder vastgezet en is niet overschreven");
                continue;
            }
            var isCancelled = string.Equals(ev.Status, "CANCELLED", StringComparison.OrdinalIgnoreCase);
            if (isCancelled && match is null)
            {
                skipped++;
                continue; // nothing to cancel
            }
            var location = string.IsNullOrWhiteSpace(ev.Location) ? match?.Location : ev.Location.Trim();
            var record = await register.UpsertAsync(match?.Type ?? type, start, end, location, title ?? match?.Title, MeetingOrigin.Imported, now, cancellationToken);
            if (isCancelled)
            {
                await register.SetCancelledAsync(record.Id, true, now, cancellationToken);
                cancelled++;
            }
            else if (match is null)
            {
                added++;
                existing.Add(record);
            }
            else
            {
                updated++;
            }
        }
        if (calendar.Events.Count > options.Value.MaxImportEvents)
        {
            AddNote(notes, $"alleen de eerste {options.Value.MaxImportEvents} afspraken zijn gelezen");
        }
        return new CalendarImportResult(added, updated, cancelled, skipped, notes);
    }

    private static bool TryRead(CalendarEvent ev, out string type, out string? title, out DateOnly start, out DateOnly end, out string why)
    {
        type = "";
        title = null;
        start = end = default;
        why = "";
        var summary = ev.Summary?.Trim();
        if (string.IsNullOrEmpty(summary) || ev.Start is null)
        {
            why = "afspraken zonder titel of begindatum zijn overgeslagen";
            return false;
        }
        if (ev.RecurrenceRule is not null)
        {
            why = "herhalende afspraken zijn overgeslagen";
            return false;
        }
        if (MeetingTypeNames.TryFind(summary, out var known))
        {
            type = known;
            title = MeetingTypeNames.TryNormalise(summary, out _) ? null : summary;
        }
        else
        {
            type = summary.Length > MaxTypeLength ? summary[..MaxTypeLength] : summary;
        }
        start = ev.Start.Date;
        var endValue = ev.DtEnd ?? (ev.Duration is { } d ? ev.Start.Add(d) : null);
        if (endValue is null)
        {
            end = start;
        }
        else if (!endValue.HasTime || endValue.Time == TimeOnly.MinValue)
        {
            // All-day DTEND (and a timed end at midnight) is exclusive: the meeting ends the day before.
            end = endValue.Date.AddDays(-1);
        }
        else
        {
            end = endValue.Date;
        }
        if (end < start)
        {
            end = start;
        }
        return true;
    }

    private static void AddNote(List<string> notes, string note)
    {
        if (!notes.Contains(note) && notes.Count < 5)
        {
            notes.Add(note);
        }
    }
}

/// <summary>An import that could not be read; the message is Dutch and safe to show.</summary>
public sealed class CalendarImportException(string message, Exception? inner = null) : Exception(message, inner);
