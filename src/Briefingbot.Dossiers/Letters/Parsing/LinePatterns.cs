using Briefingbot.Dossiers.Text;
using System.Text.RegularExpressions;

namespace Briefingbot.Dossiers.Letters.Parsing;

/// <summary>The line-level patterns of Dutch parliamentary letters, in one place.</summary>
internal static partial class LinePatterns
{
    /// <summary>"Den Haag, 11 april 2025" / "'s-Gravenhage, 3 mei 2024": the letter's own date line.</summary>
    [GeneratedRegex(@"^\s*(?:Den Haag|['’]s-Gravenhage)\s*,?\s+(?<date>\d{1,2}\s+(?:" + DutchDates.MonthPattern + @")\s+\d{4})\s*\.?\s*$", RegexOptions.IgnoreCase)]
    public static partial Regex PlaceDateLine();

    /// <summary>"Ontvangen 12 april 2024" (date of receipt of a nota / verslag).</summary>
    [GeneratedRegex(@"^\s*Ontvangen\s+(?<date>\d{1,2}\s+(?:" + DutchDates.MonthPattern + @")\s+\d{4})\s*$", RegexOptions.IgnoreCase)]
    public static partial Regex ReceivedLine();

    [GeneratedRegex(@"^\s*(?:-\s*)?\d{1,3}(?:\s*-)?\s*$|^\s*(?:pagina|blz\.?|page)\s*\d+(?:\s*(?:van|/)\s*\d+)?\s*$", RegexOptions.IgnoreCase)]
    public static partial Regex PageNumber();

    /// <summary>Running page header of Kamerstukken: "Tweede Kamer, vergaderjaar 2024–2025, 22 112, nr. 4027 3".</summary>
    [GeneratedRegex(@"^\s*(?:Tweede|Eerste) Kamer(?:,| der Staten-Generaal)?.*(?:vergaderjaar|Staten-Generaal)\b.*\d\s*$", RegexOptions.IgnoreCase)]
    public static partial Regex RunningHeader();

    /// <summary>Footnote text at a page foot: "5 Kamerstuk 22112, nr. 4103" (number, space, capital; not "1 - " items).</summary>
    [GeneratedRegex(@"^\s{0,2}\d{1,3} (?!-)[\p{Lu}“""'‘(]")]
    public static partial Regex PlainFootnote();

    [GeneratedRegex(@"^\s*(?:<sup>\s*\d{1,3}\s*</sup>|\[\^\d{1,3}\]:)")]
    public static partial Regex MarkdownFootnote();

    /// <summary>Navigation bar of a captured web page: "[overzicht] [activiteiten] ...".</summary>
    [GeneratedRegex(@"^\s*\[[^\]]{2,40}\](?:\s*\[[^\]]{2,40}\])+\s*$")]
    public static partial Regex NavigationBar();

    /// <summary>Metadata lines of a captured Tweede Kamer page.</summary>
    [GeneratedRegex(@"^\s*(?:Nummer:\s|Directe link\b|Gerelateerde personen\b|Onderdeel van\b|Preview document\b|Bijlagen:|Bijlage\(n\):|link naar pagina\b)", RegexOptions.IgnoreCase)]
    public static partial Regex PageMetadata();

    [GeneratedRegex(@"^\s*Aan de (?:Voorzitter|voorzitter|minister|Minister|staatssecretaris|Staatssecretaris|leden|Leden)\b.{0,120}$")]
    public static partial Regex Addressee();

    [GeneratedRegex(@"^\s*(?:Ondertekenaars|Eerste ondertekenaar|Mede ondertekenaar|Mede-ondertekenaar|-|–|—|---+|\*\*\*+|___+|Vergaderjaar \d{4}\s*[-–]\s*\d{4})\s*$", RegexOptions.IgnoreCase)]
    public static partial Regex ChromeLine();

    /// <summary>"Vraag 12", "Vraag 18. De leden ...": question marker of a schriftelijk overleg.</summary>
    [GeneratedRegex(@"^\s*(?:\*\*)?Vraag\s+(?<n>\d{1,3})(?:\*\*)?\s*[.:]?(?=\s|$)")]
    public static partial Regex VraagMarker();

    /// <summary>A "Vraag N." glued after a sentence in the middle of a line.</summary>
    [GeneratedRegex(@"(?<=[.?!]\s+)Vraag\s+\d{1,3}\s*\.(?=\s|$)")]
    public static partial Regex InlineVraagMarker();

    [GeneratedRegex(@"^\s*Antwoord(?:\s+(?:van het kabinet|kabinet|regering))?\s*:?\s*$", RegexOptions.IgnoreCase)]
    public static partial Regex AntwoordMarker();

    /// <summary>"Vragen en opmerkingen van de leden van de BBB-fractie", "Antwoord op de vragen van de leden van de ...-fractie".</summary>
    [GeneratedRegex(@"^\s*(?:Vragen en opmerkingen|Antwoord(?:en)? op (?:de )?vragen|Inbreng|Vragen|Reactie op (?:de )?vragen)\b.{0,120}\bfracties?\b.{0,60}$", RegexOptions.IgnoreCase)]
    public static partial Regex PartyHeading();

    [GeneratedRegex(@"(?<p>\p{L}[\p{L}\d]*(?:[-/][\p{L}\d]+)*?)-fractie")]
    public static partial Regex PartyName();

    [GeneratedRegex(@"fractie van (?:de |het )?(?<p>\p{Lu}[\p{L}]*(?: (?:voor de |van de )?\p{Lu}[\p{L}]*)*)")]
    public static partial Regex PartyNameLong();

    /// <summary>Numbered question: "1. In de brief ...", "2 - De in het Witboek ...".</summary>
    [GeneratedRegex(@"^\s{0,3}(?<n>\d{1,2})(?:\.|\s+[-–])\s+(?=\S)")]
    public static partial Regex NumberedItem();

    /// <summary>Lettered sub-question: "a) Wat betekent ...", "b. Hoe draagt ...".</summary>
    [GeneratedRegex(@"^\s{0,3}(?<c>[a-h])[.)]\s+(?=\S)")]
    public static partial Regex SubItem();

    /// <summary>The committee's closing formula ends the questions of a letter.</summary>
    [GeneratedRegex(@"^\s*De leden van de (?:vaste )?commissie\b|\bzien (?:uw|de) (?:reactie|beantwoording)\b.*\btegemoet\b", RegexOptions.IgnoreCase)]
    public static partial Regex ClosingFormula();

    /// <summary>Role line of a signature block: "De Minister van Defensie,", "De staatssecretaris van Defensie".</summary>
    [GeneratedRegex(@"^\s*(?:De\s+|de\s+)?(?<role>(?:Minister-President|Minister|minister|Staatssecretaris|staatssecretaris|Voorzitter|voorzitter|Griffier|griffier)(?:\s+(?:van|voor|Van|Voor)\s+[^.]{2,100}?)?)\s*,?\s*$")]
    public static partial Regex SignatureRole();

    /// <summary>A person's name as signed: "R.P. Brekelmans", "mr. drs. C.A. van der Maat", "Ruben Brekelmans".</summary>
    [GeneratedRegex(@"^\s*(?:(?:drs|mr|dr|prof|ir|ing|ds|dr\.\s?ir)\.\s*)*(?:(?:\p{Lu}\.)+\s*|\p{Lu}[\p{Ll}'’\-]+\s+)(?:(?:van|de|der|den|ter|ten|te|het|in\s+'t)\s+)*\p{Lu}[\p{L}'’\-]+(?:-\p{Lu}[\p{L}'’\-]+)?\s*,?\s*$")]
    public static partial Regex PersonName();

    /// <summary>"R.P. Brekelmans, minister van Defensie" (signatory list of a captured page).</summary>
    [GeneratedRegex(@"^\s*(?<name>[^,]{3,60}),\s*(?<role>(?:minister|staatssecretaris|minister-president)\b.{0,100})$", RegexOptions.IgnoreCase)]
    public static partial Regex NameCommaRole();

    /// <summary>Sentence-final punctuation, allowing trailing quotes, brackets, footnote digits and Markdown.</summary>
    [GeneratedRegex(@"[.?!:;][\s""”’»)\]*\d]*$")]
    public static partial Regex EndsSentence();

    [GeneratedRegex(@"[?][\s""”’»)\]*\d]*$")]
    public static partial Regex EndsQuestion();

    /// <summary>
    /// A line ending in an abbreviation a number follows ("… (Kamerstuk 30 821, nr." / "302)."): the number on the next
    /// line continues the sentence.
    /// </summary>
    [GeneratedRegex(@"\b(?:nr|nrs|art|artt|blz|pag|pp|p)\.$", RegexOptions.IgnoreCase)]
    public static partial Regex EndsBeforeNumber();

    /// <summary>A line that is only a web address.</summary>
    [GeneratedRegex(@"^\s*(?:https?://|www\.)\S+\s*$", RegexOptions.IgnoreCase)]
    public static partial Regex WebAddressLine();

    /// <summary>A line that starts with a digit.</summary>
    [GeneratedRegex(@"^[\s(]*\d")]
    public static partial Regex StartsDigit();

    [GeneratedRegex(@"^[\s*""“„'‘(]*[\p{Lu}\d•·▪●◦■–—\-]")]
    public static partial Regex StartsCapital();

    [GeneratedRegex(@"^[\s*""“„'‘(]*\p{Ll}")]
    public static partial Regex StartsLower();
}
