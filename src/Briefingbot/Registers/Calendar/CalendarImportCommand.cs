using System.Text;
using Briefingbot.Kernel.Access;
using Briefingbot.Kernel.Audit;
using Briefingbot.Kernel.Commands;
using Briefingbot.Kernel.Replies;
using Briefingbot.Protocol.Schema;
using Microsoft.Extensions.Options;

namespace Briefingbot.Registers.Calendar;

/// <summary>
/// <c>agenda importeer &lt;url&gt;</c> (or with an .ics file attached): admins load meetings from an iCalendar file.
/// </summary>
public sealed class CalendarImportCommand(
    AdminGuard guard,
    CalendarFetcher fetcher,
    CalendarImporter importer,
    AuditTrail audit,
    ReplySender replies,
    IOptions<CalendarOptions> options,
    Cards.PublicLinks links,
    ILogger<CalendarImportCommand> logger) : ICommandHandler
{
    public IReadOnlyList<string> Names { get; } = ["agenda", "calendar"];

    public string Usage => $"`agenda importeer <url>` of met een .ics-bijlage: vergaderingen uit een agenda overnemen (alleen beheerders). De agenda zelf: [calendar.ics]({links.Absolute(CalendarEndpoint.Route)})";

    public bool AdminOnly => true;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var parts = context.Arguments.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || parts[0].ToLowerInvariant() is not ("importeer" or "importeren" or "import"))
        {
            await replies.SendTextAsync(context, $"Gebruik `agenda importeer <url>` of stuur `agenda importeer` met een .ics-bestand als bijlage. Abonneren op de vergaderingen kan via {links.Absolute(CalendarEndpoint.Route)}", cancellationToken);
            return;
        }
        if (!await guard.AllowsAsync(context, "agenda's importeren", cancellationToken))
        {
            return;
        }
        var source = FindSource(parts.Length > 1 ? parts[1].Trim().Trim('<', '>') : null, context.Turn.Activity);
        if (source is null)
        {
            await replies.SendTextAsync(context, "Geef een link (http of https) naar een .ics-bestand, of voeg het bestand toe als bijlage. Er is niets gewijzigd.", cancellationToken);
            return;
        }
        CalendarImportResult result;
        try
        {
            var text = source.Scheme == "data" ? DecodeDataUrl(source, options.Value.MaxImportBytes) : await fetcher.FetchAsync(source, cancellationToken);
            result = await importer.ImportAsync(text, cancellationToken);
        }
        catch (CalendarImportException ex)
        {
            Log.ImportFailed(logger, Describe(source), ex.Message);
            await replies.SendTextAsync(context, $"Importeren is niet gelukt: {ex.Message}. Er is niets gewijzigd.", cancellationToken);
            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.ImportThrew(logger, ex, Describe(source));
            await replies.SendTextAsync(context, "Importeren is niet gelukt door een fout aan mijn kant. Probeer het later opnieuw.", cancellationToken);
            return;
        }
        Log.Imported(logger, Describe(source), result.Added, result.Updated, result.Cancelled, result.Skipped);
        await audit.RecordAsync(Actor.From(context), "calendar.import",
            $"agenda geïmporteerd uit {Describe(source)}: {result.Added} nieuw, {result.Updated} bijgewerkt, {result.Cancelled} geannuleerd, {result.Skipped} overgeslagen",
            cancellationToken);
        var reply = new StringBuilder($"Agenda geïmporteerd: **{result.Added}** nieuwe vergaderingen, {result.Updated} bijgewerkt, {result.Cancelled} geannuleerd, {result.Skipped} overgeslagen.");
        foreach (var note in result.Notes)
        {
            reply.Append("\n- ").Append(note);
        }
        reply.Append("\n\nBekijk ze met `vergaderingen`.");
        await replies.SendTextAsync(context, reply.ToString(), cancellationToken);
    }

    /// <summary>The URL argument, else the first calendar attachment (contentUrl, or Teams' file download URL).</summary>
    private static Uri? FindSource(string? argument, Activity activity)
    {
        if (!string.IsNullOrEmpty(argument))
        {
            return Uri.TryCreate(argument, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) ? url : null;
        }
        foreach (var attachment in activity.Attachments ?? [])
        {
            var isCalendar = attachment.ContentType is "text/calendar" or "application/ics" ||
                             attachment.Name?.EndsWith(".ics", StringComparison.OrdinalIgnoreCase) == true;
            string? link = attachment.ContentUrl;
            if (attachment.ContentType == "application/vnd.microsoft.teams.file.download.info" && attachment.Content is { } content &&
                content.ValueKind == System.Text.Json.JsonValueKind.Object)
            {
                link = content.TryGetProperty("downloadUrl", out var d) ? d.GetString() : link;
                isCalendar |= content.TryGetProperty("fileType", out var t) && string.Equals(t.GetString(), "ics", StringComparison.OrdinalIgnoreCase);
            }
            if (isCalendar && link is not null && Uri.TryCreate(link, UriKind.Absolute, out var uri) &&
                (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == "data"))
            {
                return uri;
            }
        }
        return null;
    }

    /// <summary>Emulators attach small files inline as data: URLs.</summary>
    private static string DecodeDataUrl(Uri uri, int maxBytes)
    {
        var text = uri.OriginalString;
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0)
        {
            throw new CalendarImportException("de bijlage kon niet worden gelezen");
        }
        var header = text[..comma];
        var payload = text[(comma + 1)..];
        if (payload.Length > maxBytes * 2)
        {
            throw new CalendarImportException($"het bestand is groter dan {maxBytes / 1024} kB");
        }
        try
        {
            return header.EndsWith(";base64", StringComparison.OrdinalIgnoreCase)
                ? Encoding.UTF8.GetString(Convert.FromBase64String(payload))
                : Uri.UnescapeDataString(payload);
        }
        catch (FormatException ex)
        {
            throw new CalendarImportException("de bijlage kon niet worden gelezen", ex);
        }
    }

    /// <summary>For logs and the audit: the host and path, never a query string (download URLs carry tokens).</summary>
    private static string Describe(Uri source) => source.Scheme == "data" ? "bijlage" : $"{source.Scheme}://{source.Authority}{source.AbsolutePath}";
}
