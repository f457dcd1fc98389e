using System.Text;
using Briefingbot.Sources.Feed;

namespace Briefingbot.Tests.Sources;

public sealed class SyncFeedParserTests
{
    private const string Ns = "http://www.tweedekamer.nl/xsd/tkData/v1-0";

    private static FeedPage Parse(string entries, string? next = "https://x/SyncFeed/2.0/Feed?skiptoken=42&category=Document") =>
        SyncFeedParser.ParsePage(Encoding.UTF8.GetBytes(
            $"""<feed xmlns="http://www.w3.org/2005/Atom"><title>Gegevensmagazijn SyncFeed</title>{(next is null ? "" : $"<link rel=\"next\" href=\"{next.Replace("&", "&amp;", StringComparison.Ordinal)}\"/>")}{entries}</feed>"""));

    private static string Entry(string id, string content, string next = "41") =>
        $"""<entry><title>{id}</title><updated>2025-11-20T10:00:00.1234567+01:00</updated><category term="x"/><link rel="next" href="https://x/SyncFeed/2.0/Feed?skiptoken={next}&amp;category=X"/><content type="application/xml">{content}</content></entry>""";

    [Fact]
    public void Entities_are_read_by_namespace_whatever_their_prefix()
    {
        var page = Parse(
            Entry("doc-1", $"""<document xmlns="{Ns}" xmlns:tk="{Ns}" tk:id="doc-1" tk:bijgewerkt="2025-11-20T09:00:00.1234567" tk:verwijderd="false" tk:contentType="application/pdf" tk:contentLength="1234"><soort>Brief regering</soort><datum>2025-11-20T00:00:00</datum><volgnummer>281</volgnummer><documentNummer>2025D51234</documentNummer><kamerstukdossier ref="dos-1"/></document>""")
            + Entry("tz-1", $"""<ns1:toezegging xmlns:ns1="{Ns}" ns1:id="tz-1" ns1:verwijderd="false"><ns1:nummer>TZ202511-001</ns1:nummer><ns1:tekst>De minister zegt toe ...</ns1:tekst><ns1:naam>Brekelmans</ns1:naam><ns1:status>Openstaand</ns1:status><ns1:datumNakoming>0001-01-01T00:00:00</ns1:datumNakoming></ns1:toezegging>""")
            + Entry("act-1", $"""<other:activiteit xmlns:other="{Ns}" other:id="act-1"><other:soort>Commissiedebat</other:soort><other:onderwerp>Raad Buitenlandse Zaken Defensie</other:onderwerp><other:datum>2025-11-26T00:00:00+01:00</other:datum><other:aanvangstijd>2025-11-26T14:00:00+01:00</other:aanvangstijd></other:activiteit>"""));

        var document = Assert.IsType<TkDocument>(page.Entries[0].Entity);
        Assert.Equal(("Brief regering", "281", "2025D51234", "dos-1", "application/pdf", 1234L), (document.Soort, document.Volgnummer, document.DocumentNummer, document.KamerstukdossierId, document.ContentType, document.ContentLength));
        Assert.Equal(new DateOnly(2025, 11, 20), document.Datum);
        var promise = Assert.IsType<TkToezegging>(page.Entries[1].Entity);
        Assert.Equal(("TZ202511-001", "Brekelmans", "Openstaand"), (promise.Nummer, promise.Naam, promise.Status));
        Assert.Null(promise.DatumNakoming); // 0001-01-01 means none
        var activity = Assert.IsType<TkActiviteit>(page.Entries[2].Entity);
        Assert.Equal(new TimeOnly(14, 0), activity.Aanvang);
        Assert.Equal("42", page.NextSkiptoken);
        Assert.Equal("41", page.Entries[0].NextSkiptoken);
    }

    [Fact]
    public void A_deleted_entity_without_children_is_read_as_deleted()
    {
        var page = Parse(Entry("doc-9", $"""<document xmlns:tk="{Ns}" xmlns="{Ns}" tk:id="doc-9" tk:verwijderd="True"/>"""), next: null);

        var document = Assert.IsType<TkDocument>(Assert.Single(page.Entries).Entity);
        Assert.True(document.Deleted);
        Assert.Null(document.Soort);
        Assert.Null(page.NextSkiptoken);
    }

    [Fact]
    public void A_nil_property_is_null()
    {
        var page = Parse(Entry("k", $"""<kamerstukdossier xmlns="{Ns}" xmlns:tk="{Ns}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" tk:id="k"><nummer>27925</nummer><toevoeging xsi:nil="true"/></kamerstukdossier>"""));

        var dossier = Assert.IsType<TkDossier>(page.Entries[0].Entity);
        Assert.Equal("27925", dossier.Nummer);
        Assert.Null(dossier.Toevoeging);
    }

    [Fact]
    public void A_truncated_page_is_rejected_not_half_read()
    {
        var whole = Encoding.UTF8.GetBytes($"""<feed xmlns="http://www.w3.org/2005/Atom">{Entry("a", $"<document xmlns=\"{Ns}\"/>")}{Entry("b", $"<document xmlns=\"{Ns}\"/>")}</feed>""");

        Assert.Throws<FeedFormatException>(() => SyncFeedParser.ParsePage(whole.AsSpan(0, whole.Length / 2 + 10)));
    }

    /// <summary>A dossier as letters write it, so synced and seed letters look alike (a QA pass: "21501-20" beside "21 501-28").</summary>
    [Theory]
    [InlineData("21501", "20", "21 501-20")]
    [InlineData("36045", null, "36 045")]
    [InlineData("21501", " 28 ", "21 501-28")]
    [InlineData("123", "A", "123-A")]
    public void A_dossier_is_shown_grouped_by_thousands_with_its_toevoeging(string nummer, string? toevoeging, string expected) =>
        Assert.Equal(expected, new TkDossier("d", false, null, nummer, toevoeging, null).Display);

    /// <summary>
    /// A date as the feed writes it, or as a register row may: placeholders are no date (a QA pass saw "uiterlijk 31
    /// december 9999" as a promise's deadline, and "31-01-2027" read as no deadline at all).
    /// </summary>
    [Theory]
    [InlineData("2026-12-08T00:00:00+01:00", "2026-12-08")]
    [InlineData("31-01-2027", "2027-01-31")]
    [InlineData("9999-12-31T00:00:00", null)]
    [InlineData("0001-01-01", null)]
    [InlineData("2026-12-32", null)]
    public void Dates_are_read_as_days_and_placeholders_as_none(string value, string? expected) =>
        Assert.Equal(expected is null ? null : DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), SyncFeedParser.ParseDate(value));
}
