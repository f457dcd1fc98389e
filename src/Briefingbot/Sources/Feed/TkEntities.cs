namespace Briefingbot.Sources.Feed;

/// <summary>One entry of a SyncFeed page: the entity id, its change time, the entity (null if unreadable) and links.</summary>
/// <param name="NextSkiptoken">The skiptoken of the entry's own <c>next</c> link: resuming there continues after this entry.</param>
public sealed record FeedEntry(string Id, DateTimeOffset? Updated, string? Category, TkEntity? Entity, string? Enclosure, string? NextSkiptoken);

/// <summary>A page of the SyncFeed.</summary>
/// <param name="NextSkiptoken">The page's <c>next</c> link's skiptoken; null = caught up.</param>
public sealed record FeedPage(IReadOnlyList<FeedEntry> Entries, string? NextSkiptoken);

/// <summary>An entity of the Gegevensmagazijn (the properties this bot uses).</summary>
public abstract record TkEntity(string Id, bool Deleted, DateTimeOffset? Bijgewerkt);

public sealed record TkDocument(
    string Id, bool Deleted, DateTimeOffset? Bijgewerkt,
    string? Soort, string? Titel, string? Onderwerp, string? CiteerTitel, DateOnly? Datum, string? DocumentNummer,
    string? Volgnummer, string? Vergaderjaar, string? KamerstukdossierId, string? ContentType, long? ContentLength)
    : TkEntity(Id, Deleted, Bijgewerkt);

public sealed record TkDossier(string Id, bool Deleted, DateTimeOffset? Bijgewerkt, string? Nummer, string? Toevoeging, string? Titel)
    : TkEntity(Id, Deleted, Bijgewerkt)
{
    /// <summary>
    /// "21 501-28" as letters write it (the number grouped by thousands with a space, then the toevoeging), so a synced
    /// letter shows its dossier as the seeds do (a QA pass: "Kamerstuk 21501-20" next to "Kamerstuk 21 501-28").
    /// Filters compare dossiers without spaces, so both forms find the same letters.
    /// </summary>
    public string? Display => Nummer is null ? null
        : string.IsNullOrWhiteSpace(Toevoeging) ? Grouped(Nummer.Trim()) : $"{Grouped(Nummer.Trim())}-{Toevoeging.Trim()}";

    private static string Grouped(string number) =>
        number.Length >= 4 && number.All(char.IsAsciiDigit) ? $"{number[..^3]} {number[^3..]}" : number;
}

public sealed record TkToezegging(
    string Id, bool Deleted, DateTimeOffset? Bijgewerkt,
    string? Nummer, string? Tekst, string? Naam, string? Functie, string? Ministerie, string? Status,
    DateOnly? Aanmaakdatum, DateOnly? DatumNakoming, string? KamerbriefNakoming, string? ActiviteitId)
    : TkEntity(Id, Deleted, Bijgewerkt);

public sealed record TkActiviteit(
    string Id, bool Deleted, DateTimeOffset? Bijgewerkt,
    string? Nummer, string? Soort, string? Onderwerp, DateOnly? Datum, TimeOnly? Aanvang, TimeOnly? Einde,
    string? Status, string? Voortouwnaam)
    : TkEntity(Id, Deleted, Bijgewerkt);

/// <summary>An entity kind the parser does not map (Zaak, ...): only its id and deletion flag.</summary>
public sealed record TkOther(string Id, bool Deleted, DateTimeOffset? Bijgewerkt, string Kind) : TkEntity(Id, Deleted, Bijgewerkt);
