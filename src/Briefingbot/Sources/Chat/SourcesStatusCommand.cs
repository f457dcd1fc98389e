using System.Globalization;
using System.Text;
using Briefingbot.Kernel.Access;
using Briefingbot.Kernel.Commands;
using Briefingbot.Kernel.Replies;
using Briefingbot.Kernel.Time;
using Briefingbot.Sources.Sync;
using Microsoft.Extensions.Options;

namespace Briefingbot.Sources.Chat;

/// <summary>
/// <c>bronnen status</c> (admins): whether the live source is on, the last runs, how far each feed is behind, counts
/// and the documents still without text. Sent as a note card where cards are shown, as Markdown elsewhere.
/// </summary>
public sealed class SourcesStatusCommand(
    AdminGuard guard, SourceSyncStore store, IOptionsMonitor<SourcesOptions> options, DutchClock clock, ReplySender replies) : ICommandHandler
{
    public IReadOnlyList<string> Names { get; } = ["bronnen", "sources"];

    public string Usage => "`bronnen status`: laatste synchronisatie met de open data van de Tweede Kamer, achterstand en fouten (alleen beheerders).";

    public bool AdminOnly => true;

    public string HelpGroup => CommandGroups.Administration;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var argument = context.Arguments.Trim().ToLowerInvariant();
        if (argument is not ("" or "status"))
        {
            await replies.SendTextAsync(context, "Gebruik: `bronnen status`.", cancellationToken);
            return;
        }
        if (!await guard.AllowsAsync(context, "de status van de bronnen inzien", cancellationToken))
        {
            return;
        }
        await replies.SendTextAsync(context, await DescribeAsync(cancellationToken), cancellationToken);
    }

    /// <summary>The status as Markdown (also what the note card shows).</summary>
    public async Task<string> DescribeAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue.TweedeKamer;
        var text = new StringBuilder("**Bronnen: open data Tweede Kamer**\n\n");
        text.Append(settings.Enabled
            ? $"Synchronisatie staat **aan** (elke {Duration(settings.Interval)}), bron {Feed.SafeUrl.Display(settings.BaseUrl)}.\n\n"
            : "Synchronisatie staat **uit** (zet `Sources:TweedeKamer:Enabled` op `true`). Handmatig: `sync` op de opdrachtregel.\n\n");

        var runs = await store.LatestRunsAsync(5, cancellationToken);
        if (runs.Count == 0)
        {
            text.Append("Nog geen synchronisatie gedraaid.\n\n");
        }
        else
        {
            var last = runs[0];
            text.Append("Laatste run: ").Append(clock.FormatMoment(last.StartedAt)).Append(" · ").Append(Outcome(last.Outcome)).Append('\n');
            if (last.Summary is not null)
            {
                text.Append("- ").Append(Count(last.Entries, "wijziging", "wijzigingen")).Append(" gelezen, ").Append(Count(last.Letters, "brief", "brieven")).Append(" opgeslagen, ")
                    .Append(last.Failures).Append(" zonder tekst\n");
            }
            if (last.Error is not null)
            {
                text.Append("- Fout: ").Append(InDutch(last.Error, 200)).Append('\n');
            }
            var lastOk = runs.FirstOrDefault(r => r.Outcome == "ok");
            if (lastOk?.FinishedAt is { } okAt && !ReferenceEquals(lastOk, last))
            {
                text.Append("- Laatste geslaagde run: ").Append(clock.FormatMoment(okAt)).Append('\n');
            }
            text.Append('\n');
        }

        var cursors = await store.CursorsAsync(cancellationToken);
        if (cursors.Count > 0)
        {
            text.Append("**Achterstand per feed**\n\n");
            // A feed the last run did not bring up to date (it failed, or the source was down) is not "bij": it was, at
            // that moment (a QA pass: every feed said "bij" while the source refused every connection).
            var failedRun = runs.Count > 0 && runs[0].Outcome is not ("ok" or "running" or "interrupted") ? runs[0] : null;
            foreach (var c in cursors)
            {
                var lag = c.CaughtUpAt switch
                {
                    null => "nog niet bij",
                    { } at when failedRun is not null && at < failedRun.StartedAt => $"laatst bij {Duration(clock.UtcNow - at)} geleden; de laatste run is mislukt",
                    { } at => "bij, sinds " + Duration(clock.UtcNow - at),
                };
                text.Append("- ").Append(c.Category).Append(": ").Append(lag).Append(" (").Append(Count(c.Entries, "wijziging", "wijzigingen")).Append(")\n");
            }
            text.Append('\n');
        }

        var counts = await store.CountsAsync(cancellationToken);
        text.Append("**Aantallen**\n\n")
            .Append("- Documenten: ").Append(counts.Documents.ToString("N0", Dutch)).Append(", waarvan ").Append(counts.Letters.ToString("N0", Dutch)).Append(" als brief\n")
            .Append("- Zonder tekst (worden opnieuw geprobeerd): ").Append(counts.FailedDocuments).Append(", wachtend: ").Append(counts.PendingDocuments).Append('\n')
            .Append("- Toezeggingen uit het register: ").Append(counts.Promises).Append('\n')
            .Append("- Activiteiten: ").Append(counts.Activities).Append(", als vergadering: ").Append(counts.Meetings).Append('\n');

        var failed = await store.FailedDocumentsAsync(3, cancellationToken);
        if (failed.Count > 0)
        {
            text.Append("\n**Laatste fouten**\n\n");
            foreach (var f in failed)
            {
                text.Append("- ").Append(Shorten(f.Title ?? f.Id, 80)).Append(": ").Append(f.Failure is null ? "onbekend" : InDutch(f.Failure, 100))
                    .Append(" (").Append(f.Attempts).Append("× geprobeerd)\n");
            }
        }
        return text.ToString().TrimEnd();
    }

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    private static string Outcome(string outcome) => outcome switch
    {
        "ok" => "geslaagd",
        "running" => "bezig (of afgebroken)",
        "interrupted" => "afgebroken (het proces stopte tijdens de run; de volgende run ging verder waar deze was)",
        _ => "mislukt",
    };

    internal static string Duration(TimeSpan span) => span switch
    {
        { TotalMinutes: < 1 } => "minder dan een minuut",
        { TotalHours: < 1 } => $"{(int)span.TotalMinutes} min",
        { TotalDays: < 2 } => $"{(int)span.TotalHours} uur",
        _ => $"{(int)span.TotalDays} dagen",
    };

    private static string Count(long n, string one, string many) => n == 1 ? $"1 {one}" : $"{n.ToString("N0", Dutch)} {many}";

    /// <summary>
    /// A failure reason (written in English for the log and the CLI) as admins read it in this Dutch view: what it
    /// means first, the technical text after it, shortened (a QA pass: "the PDF cannot be read (PdfDocumentFormatException:
    /// …)" and "incomplete body after 2 attempts" stood in the Dutch status as they were).
    /// </summary>
    internal static string InDutch(string reason, int technicalMax)
    {
        var r = reason.ToLowerInvariant();
        var meaning = r switch
        {
            _ when r.Contains("encrypted", StringComparison.Ordinal) => "het bestand is met een wachtwoord beveiligd",
            _ when r.Contains("empty document", StringComparison.Ordinal) => "het bestand is leeg",
            _ when r.Contains("too large", StringComparison.Ordinal) || r.Contains("maxfilebytes", StringComparison.Ordinal) => "het bestand is te groot",
            _ when r.Contains("legacy word", StringComparison.Ordinal) => "oud Word-formaat (.doc), dat niet gelezen wordt",
            _ when r.Contains("incomplete body", StringComparison.Ordinal) => "de bron stuurde een onvolledig of onleesbaar antwoord",
            _ when r.Contains("connection refused", StringComparison.Ordinal) || r.Contains("no such host", StringComparison.Ordinal)
                || r.Contains("name or service not known", StringComparison.Ordinal) || r.Contains("network is unreachable", StringComparison.Ordinal)
                || r.Contains("no route to host", StringComparison.Ordinal) || r.Contains("connection reset", StringComparison.Ordinal)
                => "de bron is niet bereikbaar",
            _ when r.Contains("cut off", StringComparison.Ordinal) => "het bestand is afgebroken (onvolledig)",
            _ when r.Contains("http 429", StringComparison.Ordinal) => "de bron vroeg om minder verzoeken",
            _ when r.Contains("http 5", StringComparison.Ordinal) => "de bron gaf een serverfout",
            _ when r.Contains("timeout", StringComparison.Ordinal) || r.Contains("timed out", StringComparison.Ordinal) => "de bron antwoordde niet op tijd",
            _ when r.Contains("cannot be read", StringComparison.Ordinal) || r.Contains("not well-formed", StringComparison.Ordinal)
                || r.Contains("no document body", StringComparison.Ordinal) || r.Contains("has no pages", StringComparison.Ordinal)
                || r.Contains("unrecognised", StringComparison.Ordinal) || r.Contains("binary content", StringComparison.Ordinal)
                || r.Contains("root element", StringComparison.Ordinal) => "het bestand is niet te lezen",
            _ => "technische fout",
        };
        return $"{meaning} (technisch: {Shorten(reason, technicalMax)})";
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
