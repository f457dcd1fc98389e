namespace Briefingbot.Dossiers.Letters.Extraction;

/// <summary>
/// Metadata a source states about a letter (the Tweede Kamer's open data, officiële bekendmakingen). It beats what
/// the parser guesses from the text: where a value is set, the parser uses it; where it is null, the parser reads
/// the text as for any corpus file.
/// </summary>
/// <param name="ExternalId">The source's id of the document (a Gegevensmagazijn GUID).</param>
/// <param name="Title">The document's title (citeerTitel or titel/onderwerp).</param>
/// <param name="Type">The document kind as the source names it ("Brief regering", ...).</param>
/// <param name="Date">The document's date.</param>
/// <param name="Dossier">The Kamerstuk dossier number with its toevoeging, e.g. <c>21 501-28</c>.</param>
/// <param name="Number">The volgnummer within the dossier (e.g. <c>281</c>).</param>
/// <param name="DocumentNumber">The Tweede Kamer document number, e.g. <c>2025D12345</c>.</param>
/// <param name="Url">The official source's address.</param>
/// <param name="Source">Which source delivered the letter, e.g. <c>tweedekamer</c>.</param>
public sealed record KnownLetterMetadata(
    string? ExternalId = null,
    string? Title = null,
    string? Type = null,
    DateOnly? Date = null,
    string? Dossier = null,
    string? Number = null,
    string? DocumentNumber = null,
    string? Url = null,
    string? Source = null);
