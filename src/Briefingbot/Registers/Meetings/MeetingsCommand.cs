using Briefingbot.Dossiers.Text;
using Briefingbot.Kernel.Commands;
using Briefingbot.Kernel.Replies;
using Briefingbot.Kernel.Time;
using Briefingbot.Kernel.Letters;

namespace Briefingbot.Registers.Meetings;

/// <summary>
/// <c>vergaderingen [komende 30 dagen | &lt;van&gt; tot &lt;tot&gt;] [--per datum]</c>: Council meetings ahead, with the
/// letters that prepare them and the open promises from those letters.
/// </summary>
public sealed class MeetingsCommand(MeetingQueries queries, LetterLookup lookup, DutchClock clock, ReplySender replies, Cards.PublicLinks links) : ICommandHandler
{
    /// <summary>How far ahead a named meeting's next dates are looked for, and how many are shown.</summary>
    private const int NextOfTypeDays = 365;
    private const int NextOfTypeShown = 3;

    /// <summary>How far back a named meeting is looked for when none is ahead (five years).</summary>
    private const int LookBackDays = 366 * 5;

    public IReadOnlyList<string> Names { get; } = ["vergaderingen", "meetings"];

    public string Usage => "`vergaderingen [komende 30 dagen | deze week | <van> tot <tot> | <vergadering>] [--per datum]`: EU-Raden, NAVO-toppen, Kamerdebatten en andere vergaderingen; met een vergadering (`vergaderingen rbz defensie`) de volgende data daarvan.";

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!AsOfArgument.TryExtract(context.Arguments, out var asOf, out var rest, out var problem))
        {
            await replies.SendTextAsync(context, problem, cancellationToken);
            return;
        }
        var today = asOf ?? clock.Today;
        string? type = null;
        if (!MeetingPeriod.TryParse(rest, today, out var from, out var to, out problem))
        {
            if (!MeetingTypeNames.TryFind(rest, out type))
            {
                await replies.SendTextAsync(context, problem, cancellationToken);
                return;
            }
            // "vergaderingen rbz defensie" (and "wanneer is de volgende RBZ Defensie?"): that meeting's next dates.
            (from, to) = (today, today.AddDays(NextOfTypeDays));
        }
        var items = await queries.ListAsync(from, to, today, asOf is not null, new LetterRefs(lookup), cancellationToken);
        if (type is not null)
        {
            items = items.Where(i => string.Equals(i.Meeting.Type, type, StringComparison.OrdinalIgnoreCase)).Take(NextOfTypeShown).ToList();
        }
        var subtitle = type is null ? $"{DutchDates.Format(from)} tot en met {DutchDates.Format(to)}" : $"{MeetingTypeNames.DisplayName(type)}, vanaf {DutchDates.Format(from)}";
        if (type is not null && items.Count == 0)
        {
            // None ahead ("wanneer was de NAVO-top in Den Haag?", a QA pass got "Er staat geen NAVO-top in het
            // register" while it held the one of June 2025): the last ones the register knows, said as such.
            var past = (await queries.ListAsync(today.AddDays(-LookBackDays), today.AddDays(-1), today, asOf is not null, new LetterRefs(lookup), cancellationToken))
                .Where(i => string.Equals(i.Meeting.Type, type, StringComparison.OrdinalIgnoreCase)).TakeLast(NextOfTypeShown).ToList();
            if (past.Count > 0)
            {
                items = past;
                subtitle = $"Tot en met {DutchDates.Format(to)} is er geen {MeetingTypeNames.DisplayName(type)} gepland; {(past.Count == 1 ? "de laatste" : $"de laatste {past.Count}")} in het register";
            }
        }
        subtitle += asOf is null ? "" : $" · per {DutchDates.Format(today)}";
        var emptyNote = items.Count == 0
            ? type is null ? (await queries.CoverageAsync(cancellationToken, to)).EmptyNote(from, to)
                : $"Er staat geen {MeetingTypeNames.DisplayName(type)} in het register tot en met {DutchDates.Format(to)}."
            : "";
        var (data, markdown) = MeetingCards.Build(items, subtitle, emptyNote, links.Absolute(Calendar.CalendarEndpoint.Route));
        await replies.SendCardAsync(context, MeetingCards.Template, data, markdown, cancellationToken);
    }
}
