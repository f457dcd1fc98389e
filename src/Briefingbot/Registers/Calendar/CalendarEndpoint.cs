using Briefingbot.Kernel.Time;
using Briefingbot.Registers.Meetings;
using Briefingbot.Storage;

namespace Briefingbot.Registers.Calendar;

/// <summary><c>GET /calendar.ics[?type=RBZ%20Defensie]</c>: the meeting feed.</summary>
public static class CalendarEndpoint
{
    public const string Route = "/calendar.ics";

    public static async Task<IResult> GetAsync(string? type, CalendarFeed feed, IMeetingRegister register, DutchClock clock, CancellationToken cancellationToken)
    {
        string? filter = null;
        if (!string.IsNullOrWhiteSpace(type))
        {
            if (MeetingTypeNames.TryNormalise(type, out var known))
            {
                filter = known;
            }
            else
            {
                // Imported calendars may hold types of their own: accept any type the register has.
                var all = await register.ListAsync(null, null, includeCancelled: true, cancellationToken);
                filter = all.Select(m => m.Type).FirstOrDefault(t => string.Equals(t, type.Trim(), StringComparison.OrdinalIgnoreCase));
                if (filter is null)
                {
                    return Results.Text($"Onbekend vergadertype \"{type}\". Bekend zijn: {string.Join(", ", MeetingTypeNames.Known)}.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
                }
            }
        }
        var ics = await feed.BuildAsync(clock.Today, filter, cancellationToken);
        return Results.Text(ics, "text/calendar; charset=utf-8");
    }
}
