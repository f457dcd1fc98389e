using System.Net;
using Briefingbot.Dossiers.Letters.Extraction;
using Briefingbot.Sources.Feed;
using Briefingbot.Sources.Sync;
using Microsoft.Extensions.Options;

namespace Briefingbot.Sources.Letters;

/// <summary>
/// Turns a followed Document into a letter: the officiële bekendmakingen XML first when a Kamerstuk id can be formed
/// (<c>kst-&lt;dossier&gt;[-&lt;toevoeging&gt;]-&lt;volgnummer&gt;</c>), else the feed's resource (PDF, DOCX, ...); text via
/// <see cref="IDocumentTextExtractor"/>; metadata from the feed in a front-matter block. Never throws for bad
/// content: a document without text comes back as failed with the reason (and the raw file, if one arrived).
/// </summary>
public sealed class DocumentLetters(PoliteHttpClient http, IDocumentTextExtractor extractor, IOptionsMonitor<SourcesOptions> options)
{
    public const string SourceName = "tweedekamer";

    /// <summary>The letter's file name in the letter store: stable per document.</summary>
    public static string LetterFileOf(TkDocument d) =>
        "tk-" + string.Concat((d.DocumentNummer ?? d.Id).Where(c => char.IsLetterOrDigit(c) || c == '-')) + ".txt";

    /// <summary>The Kamerstuk id at officiële bekendmakingen, when dossier number and volgnummer are known.</summary>
    public static string? KstId(TkDossier? dossier, TkDocument d)
    {
        if (dossier?.Nummer is not { } nummer || string.IsNullOrWhiteSpace(d.Volgnummer))
        {
            return null;
        }
        var number = string.Concat(nummer.Where(char.IsLetterOrDigit));
        var toevoeging = string.IsNullOrWhiteSpace(dossier.Toevoeging) ? "" : "-" + string.Concat(dossier.Toevoeging.Where(char.IsLetterOrDigit));
        var volg = string.Concat(d.Volgnummer.Where(char.IsLetterOrDigit));
        return number.Length == 0 || volg.Length == 0 ? null : $"kst-{number}{toevoeging}-{volg}";
    }

    public async Task<DocumentWrite> BuildAsync(TkDocument d, TkDossier? dossier, CancellationToken ct)
    {
        var settings = options.CurrentValue;
        var letterFile = LetterFileOf(d);
        var kst = KstId(dossier, d);
        var url = kst is null
            ? $"https://www.tweedekamer.nl/kamerstukken/detail?id={Uri.EscapeDataString(d.DocumentNummer ?? d.Id)}"
            : $"{settings.OfficieleBekendmakingen.BaseUrl.TrimEnd('/')}/{kst}.html";
        var metadata = new KnownLetterMetadata(
            ExternalId: d.Id,
            Title: d.CiteerTitel ?? d.Titel ?? d.Onderwerp,
            Type: d.Soort,
            Date: d.Datum,
            Dossier: dossier?.Display,
            Number: d.Volgnummer,
            DocumentNumber: d.DocumentNummer,
            Url: url,
            Source: SourceName);

        var failures = new List<string>();
        RawFile? lastFile = null;
        try
        {
            if (kst is not null && settings.OfficieleBekendmakingen.UseXml)
            {
                var xml = await http.GetAsync($"{settings.OfficieleBekendmakingen.BaseUrl.TrimEnd('/')}/{kst}.xml", null, ct);
                if (xml.IsSuccess)
                {
                    lastFile = new RawFile(xml.ContentType ?? "application/xml", "officielebekendmakingen", xml.Body, "xml");
                    var text = extractor.Extract(xml.Body, xml.ContentType ?? "application/xml", kst + ".xml");
                    if (text.Succeeded)
                    {
                        return Synced(d, letterFile, metadata, text, lastFile);
                    }
                    failures.Add($"{kst}.xml: {text.Failure}");
                }
                else if (xml.Status != HttpStatusCode.NotFound)
                {
                    failures.Add($"{kst}.xml: HTTP {(int)xml.Status}");
                }
            }

            if (d.ContentLength is { } length && length > settings.TweedeKamer.MaxFileBytes)
            {
                return Failed(d, letterFile, $"file of {length} bytes is larger than Sources:TweedeKamer:MaxFileBytes", lastFile);
            }
            var resource = await http.GetAsync($"{settings.TweedeKamer.BaseUrl.TrimEnd('/')}/SyncFeed/2.0/Resources/{Uri.EscapeDataString(d.Id)}", null, ct);
            if (!resource.IsSuccess)
            {
                failures.Add($"resource: HTTP {(int)resource.Status}");
                return Failed(d, letterFile, string.Join("; ", failures), lastFile);
            }
            // The served type describes the bytes at hand; the feed's attribute may be older (a replaced file).
            var contentType = resource.ContentType is { } served && served != "application/octet-stream" ? served : d.ContentType ?? resource.ContentType;
            var extracted = extractor.Extract(resource.Body, contentType, d.Id + ExtensionOf(contentType));
            lastFile = new RawFile(contentType, "tweedekamer", resource.Body, extracted.Format);
            if (extracted.Succeeded)
            {
                return Synced(d, letterFile, metadata, extracted, lastFile);
            }
            failures.Add($"resource ({extracted.Format}): {extracted.Failure}");
            return Failed(d, letterFile, string.Join("; ", failures), lastFile);
        }
        catch (SourceUnavailableException ex)
        {
            failures.Add(ex.Message);
            return Failed(d, letterFile, string.Join("; ", failures), lastFile);
        }
        catch (SourceFileTooLargeException ex)
        {
            failures.Add(ex.Message);
            return Failed(d, letterFile, string.Join("; ", failures), lastFile);
        }
    }

    private static DocumentWrite Synced(TkDocument d, string letterFile, KnownLetterMetadata metadata, DocumentText text, RawFile file)
    {
        var composed = LetterFrontMatter.Compose(metadata, text.Text);
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(composed)));
        return new DocumentWrite(d, "synced", null, CountAttempt: false, letterFile, new SyncedLetter(letterFile, hash, composed), file with { Format = text.Format }, RemoveLetter: false);
    }

    private static DocumentWrite Failed(TkDocument d, string letterFile, string reason, RawFile? file) =>
        new(d, "failed", reason.Length > 1000 ? reason[..1000] : reason, CountAttempt: true, null, null, file, RemoveLetter: false);

    private static string ExtensionOf(string? contentType) => (contentType ?? "").ToLowerInvariant() switch
    {
        var t when t.Contains("pdf", StringComparison.Ordinal) => ".pdf",
        var t when t.Contains("wordprocessingml", StringComparison.Ordinal) => ".docx",
        var t when t.Contains("html", StringComparison.Ordinal) => ".html",
        var t when t.Contains("xml", StringComparison.Ordinal) => ".xml",
        _ => ".txt",
    };
}
