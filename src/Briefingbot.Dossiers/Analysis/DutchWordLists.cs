using Lucene.Net.Analysis.Nl;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Briefingbot.Dossiers.Analysis;

/// <summary>The stop words and the compound dictionary of the Dutch analysis chain, both in folded lower case.</summary>
internal static class DutchWordLists
{
    /// <summary>Snowball's Dutch stop list, folded to ASCII because folding runs before the stop filter.</summary>
    public static CharArraySet StopWords { get; } = BuildStopWords();

    /// <summary>Whether a word as typed is a stop word (folded and lower-cased first, as the analysis chain reads it).</summary>
    public static bool IsStopWord(string word) => StopWords.Contains(TextFolding.Fold(word).ToLowerInvariant());

    /// <summary>
    /// Parts that Dutch defence and EU-policy compounds are made of ("defensie|industrie", "drone|bestrijding",
    /// "munitie|productie", "lucht|verdediging"). Kept deliberately small and made of words of five letters or more:
    /// every entry is also matched inside longer words, so short or common fragments ("raad", "plan", "land") would
    /// add noise ("raadplegen", "planning", "landelijk") rather than recall.
    /// </summary>
    public static CharArraySet CompoundParts { get; } = new(LuceneVersion.LUCENE_48, new[]
    {
        "defensie", "industrie", "industriele", "drone", "drones", "bestrijding", "veiligheid", "munitie", "productie",
        "lucht", "verdediging", "raket", "raketten", "steun", "begroting", "budget", "capaciteit", "capaciteiten",
        "samenwerking", "specialisatie", "investering", "investeringen", "materieel", "personeel", "oorlog", "vrede",
        "oekraine", "europees", "europese", "ruimte", "cyber", "dreiging", "wapen", "wapens", "tanks", "schepen",
        "onderzeeboot", "onderzeeboten", "fregat", "fregatten", "vliegtuig", "vliegtuigen", "helikopter", "helikopters",
        "missie", "missies", "strategie", "beleid", "fonds", "lening", "leningen", "systeem", "systemen", "markt",
        "aanschaf", "verwerving", "gereedheid", "paraatheid", "weerbaarheid", "innovatie", "technologie", "kennis",
        "bedrijf", "bedrijven", "sector", "keten", "leverancier", "leveranciers", "grondstof", "grondstoffen", "energie",
        "sanctie", "sancties", "wederopbouw", "herstel", "agenda", "kabinet", "uitgaven", "krijgsmacht", "militair",
        "militaire", "logistiek", "opleiding", "oefening", "reserve", "reservisten", "dienstplicht", "vredes",
        "witboek", "afspraken", "regeling", "regelingen", "instrument", "programma", "project", "projecten",
        "munitievoorraad", "voorraad", "voorraden", "opbouw", "productiecapaciteit", "inkoop", "aanbesteding",
        "navo", "tegoeden", "aanval", "aanvallen", "verdrag", "wetgeving", "procedure", "hybride", "informatie", "ecofin",
        "vlaggenschip", "vaartuig", "vaartuigen", // not "mijnen": it is inside "ondermijnen"
    }, ignoreCase: false);

    private static CharArraySet BuildStopWords()
    {
        var set = new CharArraySet(LuceneVersion.LUCENE_48, 128, ignoreCase: false);
        foreach (var word in DutchAnalyzer.DefaultStopSet)
        {
            set.Add(TextFolding.Fold(word.ToString()!));
        }
        return set;
    }
}
