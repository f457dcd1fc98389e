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
    public IReadOnlyList<string> Names { get; } = ["vergaderingen", "meetings"];

    public string Usage => "`vergaderingen [komende 30 dagen | <van> tot <tot>] [--per datum]`: EU-Raden, NAVO-toppen, Kamerdebatten en andere vergaderingen.";

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!AsOfArgument.TryExtract(context.Arguments, out var asOf, out var rest, out var problem))
        {
            await replies.SendTextAsync(context, problem, cancellationToken);
            return;
        }
        var today = asOf ?? clock.Today;
        if (!MeetingPeriod.TryParse(rest, today, out var from, out var to, out problem))
        {
            await replies.SendTextAsync(context, problem, cancellationToken);
            return;
        }
        var items = await queries.ListAsync(from, to, today, asOf is not null, new LetterRefs(lookup), cancellationToken);
        var subtitle = $"{DutchDates.Format(from)} tot en met {DutchDates.Format(to)}" + (asOf is null ? "" : $" · per {DutchDates.Format(today)}");
        var emptyNote = items.Count == 0 ? (await queries.CoverageAsync(cancellationToken)).EmptyNote(from, to) : "";
        var (data, markdown) = MeetingCards.Build(items, subtitle, emptyNote, links.Absolute(Calendar.CalendarEndpoint.Route));
        await replies.SendCardAsync(context, MeetingCards.Template, data, markdown, cancellationToken);
    }
}
