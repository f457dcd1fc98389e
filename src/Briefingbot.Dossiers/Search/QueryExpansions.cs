using System.Collections.Frozen;
using Briefingbot.Dossiers.Analysis;
using Briefingbot.Dossiers.Index;
using Lucene.Net.Analysis;

namespace Briefingbot.Dossiers.Search;

/// <summary>
/// Query-time knowledge of Dutch that the analysis chain cannot have: words of one meaning that share no stem
/// ("inkoop" / "aanschaf" / "verwerving", "tekortkoming" / "gebrek"), country adjectives and their countries
/// ("Amerikaanse" / "Amerika" / "VS"), and question words, which say what kind of answer is wanted but never occur
/// in it ("wanneer besluit herstellening": the answer names a date, not the word "wanneer").
/// </summary>
/// <remarks>
/// Only the query is expanded, never the index, so the list can change without re-indexing. An alternative counts
/// as the same word (it sits inside the word's clause, so coordination is unchanged) and weighs
/// <see cref="AlternativeBoost"/>: a passage that uses the word as typed ranks above one that uses a synonym.
/// The groups are general Dutch policy vocabulary, not a list of the evaluation set's queries; words that occur in
/// most passages ("europese", "defensie") are deliberately absent: expanding them adds cost and no precision.
/// </remarks>
internal static class QueryExpansions
{
    /// <summary>Weight of an alternative relative to the word as typed.</summary>
    internal const float AlternativeBoost = 0.6f;

    /// <summary>Weight of the "when" hint: a passage naming a month ranks a little higher for a "wanneer" query.</summary>
    internal const float WhenHintBoost = 0.4f;

    /// <summary>Groups of words with one meaning in government letters (surface forms; analysed when first used).</summary>
    private static readonly string[][] Groups =
    [
        // buying
        ["inkoop", "inkopen", "aankoop", "aankopen", "aanschaf", "aanschaffen", "verwerving", "verwerven"],
        // shortfalls
        ["tekort", "tekorten", "tekortkoming", "tekortkomingen", "gebrek", "gebreken", "shortfall", "shortfalls", "lacune", "lacunes"],
        // powers
        ["bevoegdheid", "bevoegdheden", "competentie", "competenties", "bevoegdheidsverdeling", "competentieverdeling"],
        // conditions
        ["voorwaarde", "voorwaarden", "randvoorwaarde", "randvoorwaarden", "uitgangspunt", "uitgangspunten", "criterium", "criteria"],
        // peace
        ["vredesakkoord", "vredesakkoorden", "vredesovereenkomst", "vredesplan", "vredesregeling", "vredesvoorstel", "vrede", "wapenstilstand", "staakt-het-vuren"],
        // ammunition
        ["munitie", "granaten", "ammunitie"],
        // training
        ["omscholing", "bijscholing", "herscholing", "scholing", "omscholen", "bijscholen"],
        // tech
        ["tech", "technologie", "technologische", "technologisch"],
        ["techbedrijven", "technologiebedrijven", "techbedrijf", "technologiebedrijf"],
        // decisions
        ["besluit", "besluiten", "besluitvorming", "beslissing", "beslissingen", "beslissen"],
        // armed forces
        ["leger", "legers", "krijgsmacht", "krijgsmachten", "strijdkrachten"],
        // government / parliament
        ["regering", "kabinet"],
        ["parlement", "volksvertegenwoordiging"],
        // partners
        ["bondgenoot", "bondgenoten", "partner", "partners", "partnerlanden"],
        // growth
        ["opschalen", "opschaling", "schaalbaarheid"],
        // priorities
        ["prioriteit", "prioriteiten", "speerpunt", "speerpunten", "prioriteitsgebieden"],
        // delay
        ["vertraging", "vertragingen", "uitstel"],
        // assets
        ["tegoeden", "bezittingen", "activa"],
        // sanctions
        ["sancties", "sanctie", "strafmaatregelen"],
        // help
        ["steun", "ondersteuning", "hulp", "steunverlening"],
        // costs, money
        ["geld", "middelen", "financiering", "budget"],
        // threat
        ["dreiging", "dreigingen", "bedreiging", "bedreigingen"],
        // feasibility
        ["haalbaar", "haalbaarheid", "realistisch"],
        // regulation burden
        ["regeldruk", "bureaucratie", "vereenvoudiging", "administratieve"],
        // dependency
        ["afhankelijkheid", "afhankelijkheden", "afhankelijk"],
        // stocks
        ["voorraad", "voorraden"],
        // citizens
        ["burgers", "bevolking", "samenleving"],
        // agreements
        ["akkoord", "overeenkomst", "afspraak", "afspraken"],
        // the European Council, "de ER" in capitals (a stop word in lower case, KeptStopWordFilter)
        ["ER", "europese raad"],
        // economic measures and their abbreviations ("2% van het bbp", "5 procent van het bruto binnenlands product")
        ["bbp", "bruto binnenlands product"],
        ["bni", "bruto nationaal inkomen"],
        // amounts as letters abbreviate them ("EUR 54 mld.")
        ["miljard", "mld"],
        ["miljoen", "mln"],
        // organisations under their English name
        ["navo", "nato"],
        // the EU's defence programmes under their English names ("ReArm Europe", "Readiness 2030")
        ["herbewapening", "herbewapenen", "rearm"],
        ["gereedheid", "readiness"],
        // place names spelled the Russian, the Ukrainian or the German way
        ["kiev", "kyiv", "kiew", "kyjiv"],
        // countries and their adjectives ("Verenigde Staten" as a phrase: "verenigde" alone would also find
        // "Verenigd Koninkrijk" and "Verenigde Naties")
        ["amerika", "amerikaanse", "amerikaans", "vs", "verenigde staten"],
        ["rusland", "russische", "russisch", "russen"],
        ["oekraine", "oekraiense", "oekraiens", "oekrainers"],
        ["belgie", "belgische", "belgisch", "belgen"],
        ["duitsland", "duitse", "duits", "duitsers"],
        ["frankrijk", "franse", "frans", "fransen"],
        ["china", "chinese", "chinees"],
        ["brits", "britse", "britten", "brittannie", "vk", "verenigd koninkrijk"],
        ["nederland", "nederlandse", "nederlands"],
        ["polen", "poolse", "pools"],
        ["noorwegen", "noorse", "noors"],
        ["zweden", "zweedse", "zweeds"],
        ["finland", "finse", "fins"],
        ["denemarken", "deense", "deens"],
        ["italie", "italiaanse", "italiaans"],
        ["spanje", "spaanse", "spaans"],
        ["turkije", "turkse", "turks"],
        ["japan", "japanse", "japans"],
        ["canada", "canadese", "canadees"],
        ["afrika", "afrikaanse", "afrikaans"],
        ["azie", "aziatische", "aziatisch"],
    ];

    /// <summary>
    /// Small numbers in words: a typed number also finds its word ("2 miljoen granaten": "twee miljoen"; "9 pca": "negen
    /// PCA's"), one way only. A typed word does not find the digits: "vijf jaar" would find "artikel 5", list items "(3)",
    /// dates ("12 december") and parts of dossier numbers. Not 1, whose word is the article; not 8, whose word is also
    /// "achten" (to deem).
    /// </summary>
    private static readonly (string Digits, string Word)[] NumberWords =
    [
        ("2", "twee"), ("3", "drie"), ("4", "vier"), ("5", "vijf"), ("6", "zes"), ("7", "zeven"), ("9", "negen"), ("10", "tien"),
        ("11", "elf"), ("12", "twaalf"), ("13", "dertien"), ("14", "veertien"), ("15", "vijftien"), ("16", "zestien"),
        ("17", "zeventien"), ("18", "achttien"), ("19", "negentien"), ("20", "twintig"), ("30", "dertig"), ("40", "veertig"),
        ("50", "vijftig"), ("60", "zestig"), ("70", "zeventig"), ("80", "tachtig"), ("90", "negentig"), ("100", "honderd"),
    ];

    /// <summary>Question words that are not in the stop list: dropped from the query when other words remain.</summary>
    private static readonly FrozenSet<string> QuestionWords = new[]
    {
        "waarom", "wanneer", "welke", "welk", "hoeveel", "hoelang", "waarmee", "waardoor", "waarvoor", "wat", "hoe", "wie", "waar",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Verbs a question is phrased with, which the answer does not contain: "wat zegt/vindt het kabinet over …",
    /// "klopt het dat …", "wanneer komt de brief …", "wat gebeurt er met …", "wat vraagt de PVV" (a QA pass: the
    /// PVV's questions, not passages that write "vraagt"). Left out of a question only
    /// (<see cref="IsFillerVerb"/>), where they are the phrasing, not the subject. Not verbs that are often the subject
    /// of the question itself (a regression pass: "wat betekent dit voor nederland", "wat doet nederland niet alleen",
    /// "waar gaat de voorkeur naar uit"), and "wil" is a stop word already.
    /// </summary>
    private static readonly FrozenSet<string> FillerVerbs = new[]
    {
        "zegt", "zeggen", "vindt", "vind", "vinden", "denkt", "denken", "klopt", "kloppen", "komt", "komen", "gebeurt", "gebeuren",
        "vraagt", "vragen",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "stelt"/"stellen": phrasing only with "vragen" ("welke vragen stelt het CDA"); elsewhere it is what the question
    /// asks about ("wat stelt de NAVO": "De NAVO stelt dreigingen vast"; a regression pass found it dropped there).
    /// </summary>
    public static bool IsAskingVerb(string word) => TextFolding.Fold(word).ToLowerInvariant() is "stelt" or "stellen";

    /// <summary>
    /// Particles that end a separable verb ("komt … na": nakomen, "gaat … uit": uitgaan): a question ending with one
    /// has its verb as its subject, and keeps it.
    /// </summary>
    private static readonly FrozenSet<string> VerbParticles = new[]
    {
        "na", "uit", "op", "aan", "toe", "mee", "terug", "af", "bij", "door", "in", "om", "over", "voor", "tegen", "weg",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that state an amount ("199 miljoen euro", "EUR 54 mld.", "2 procent"); "honderd" is a count (<see cref="NumberWords"/>).</summary>
    private static readonly string[] AmountWords = ["miljoen", "miljard", "mld", "mln", "procent", "euro", "eur", "duizend"];

    private static readonly string[] Months =
        ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

    private static readonly Lazy<Tables> Shared = new(() => Build(new DutchLetterAnalyzer()));

    /// <summary>The analysed terms of a word's alternatives (empty when it has none).</summary>
    public static IReadOnlyList<string> AlternativesOf(string term) =>
        Shared.Value.Alternatives.TryGetValue(term, out var alternatives) ? alternatives : [];

    /// <summary>
    /// The one-word terms of the group whose alternative of several words the typed words write ("verenigde staten":
    /// "amerika", "vs", …); empty when they write none.
    /// </summary>
    public static IReadOnlyList<string> AlternativesOfPhrase(IReadOnlyList<string> words) =>
        Shared.Value.GroupOfPhrase.TryGetValue(string.Join(' ', words.Select(w => TextFolding.Fold(w).ToLowerInvariant())), out var terms) ? terms : [];

    /// <summary>A word's alternatives of several words, as written in the list ("verenigde staten"), searched as phrases.</summary>
    public static IReadOnlyList<string> PhraseAlternativesOf(string term) =>
        Shared.Value.Phrases.TryGetValue(term, out var phrases) ? phrases : [];

    /// <summary>
    /// The Latin-derived noun of a Dutch verb, as written ("produceren": "productie", "integreren": "integratie",
    /// "standaardiseren": "standaardisatie"): the verb in "-eren" names the act the noun in "-atie" (or "-uctie" for
    /// "-uceren") names, and they share no stem. Empty for other words. Only a guess at spelling: the caller keeps a
    /// form only when the letters use it.
    /// </summary>
    public static IReadOnlyList<string> DerivedForms(string typed)
    {
        var word = TextFolding.Fold(typed).ToLowerInvariant();
        if (word.Length < 8 || !word.All(char.IsLetter))
        {
            return [];
        }
        // The verb's noun only: from a noun the guess meets unrelated verbs ("generatie": "genereren", "situatie": "situeren").
        return word switch
        {
            _ when word.EndsWith("uceren", StringComparison.Ordinal) => [word[..^6] + "uctie"],
            _ when word.EndsWith("eren", StringComparison.Ordinal) => [word[..^4] + "atie"],
            _ => [],
        };
    }

    private static readonly string[] InseparablePrefixes = ["be", "ge", "her", "ont", "ver"];

    /// <summary>
    /// Words in ge-…-d/t whose guessed infinitive is another word: nouns whose ge- is part of the word ("gebied" is not
    /// "bieden"), and adjectives and participles whose verb is written like a common noun or numeral ("gemiddeld" is
    /// not "middelen", "geacht" not "acht", "geland" not the "landen" of a country; a QA pass).
    /// </summary>
    private static readonly HashSet<string> NotParticiples = new(StringComparer.Ordinal)
    {
        "gebied", "gebieden", "gebed", "gebit", "gebod", "gedicht", "gemoed", "genot", "gerecht", "gerucht", "gesticht",
        "gewest", "gewicht", "gezicht", "gezond", "geluid", "gevecht", "gezant",
        "gemiddeld", "geacht", "gegrond", "gereed", "geschikt", "gepast", "gerust", "geland", "geregeld", "gewend",
        "gelet",
    };

    private static readonly string[] SeparableParticles =
        ["aan", "af", "bij", "door", "in", "mee", "na", "op", "over", "samen", "terug", "toe", "uit", "vast", "voor", "weg"];

    /// <summary>
    /// The finite forms and past participle of a typed verb or verbal noun that the stemmer leaves apart from it
    /// ("versterking": "versterkt"; "bescherming": "beschermd"; "investeren": "investeert", "geinvesteerd";
    /// "opschalen": "opgeschaald"), from its stem (<paramref name="stem"/>, "versterk", "invester"): the root with and
    /// without a doubled vowel ("invester" / "investeer"), plus -t, and the participle with one ending by 't kofschip
    /// (ge-…-d/t, after a separable particle, none after be-/ge-/her-/ont-/ver-). Only for a word typed as a verb (see the first lines); the caller keeps a form only
    /// when the letters use it.
    /// </summary>
    public static IReadOnlyList<string> VerbForms(string typed, string stem)
    {
        var word = TextFolding.Fold(typed).ToLowerInvariant();
        // A verb as typed: a verbal noun ("versterking"), a verb in -eren ("investeren"), or an infinitive with a
        // separable particle ("opschalen", "afbouwen"). Not any word in -en: most are plural nouns, whose guesses meet
        // other words ("middelen": "gemiddeld", "rechten": "gerecht", "plannen": "plant").
        var verb = word.EndsWith("ing", StringComparison.Ordinal) || word.EndsWith("eren", StringComparison.Ordinal)
            || word.EndsWith("en", StringComparison.Ordinal) && SeparableParticles.Any(p => word.Length > p.Length + 4 && word.StartsWith(p, StringComparison.Ordinal));
        if (word.Length < 6 || stem.Length < 3 || !word.All(char.IsLetter) || !stem.All(char.IsLetter) || !verb
            || stem.EndsWith("en", StringComparison.Ordinal))
        {
            // A stem still ending in -en is no verb's root ("herstellening": "herstellen"; "herstellend" would be the noun "herstel").
            return [];
        }
        var roots = new List<string> { stem };
        var n = stem.Length;
        if (IsVowel(stem[n - 2]) && !IsVowel(stem[n - 1]) && !IsVowel(stem[n - 3]))
        {
            roots.Add(stem[..(n - 1)] + stem[n - 2] + stem[n - 1]); // "schal" -> "schaal", "invester" -> "investeer"
        }
        var forms = new List<string>();
        foreach (var root in roots)
        {
            // The ending: -t after a voiceless consonant ('t kofschip: "versterkt", "gemaakt"), else -d ("gesteund");
            // none after a root ending in t or d ("gezet"), which is then its own finite form.
            var ending = root[^1] is 't' or 'd' ? string.Empty : root[^1] is 'k' or 'f' or 's' or 'p' or 'x' || root.EndsWith("ch", StringComparison.Ordinal) ? "t" : "d";
            if (ending.Length > 0)
            {
                forms.Add(root + "t");
            }
            if (ending == "d" && InseparablePrefixes.Any(p => root.StartsWith(p, StringComparison.Ordinal)))
            {
                // The participle of a prefixed verb has no ge- ("beschermd", "hersteld"). Not for other roots: "-nd" is
                // a present participle the stemmer folds into the noun ("herstellend": "herstel").
                forms.Add(root + "d");
            }
            // "ge-" before the root, or after a separable particle ("opgeschaald"; "investeren" also tried as "in" +
            // "vesteren": the letters decide), never after an inseparable prefix ("versterkt", "ontwikkeld").
            var particle = SeparableParticles.FirstOrDefault(p => root.Length > p.Length + 2 && root.StartsWith(p, StringComparison.Ordinal));
            foreach (var head in particle is null ? [string.Empty] : new[] { string.Empty, particle })
            {
                var rest = root[head.Length..];
                if (!InseparablePrefixes.Any(p => rest.StartsWith(p, StringComparison.Ordinal)))
                {
                    forms.Add(head + "ge" + rest + ending);
                }
            }
        }
        return forms;
    }

    /// <summary>
    /// The infinitive a typed past participle or finite form may come from, which the stemmer leaves apart from it
    /// ("onderhandeld": "onderhandelen", whose stem also holds "onderhandelingen"; "verhoogd": "verhogen";
    /// "gesteund": "steunen"; "opgeschaald": "opschalen"; "gemeld": "melden"; "gebruikt": "gebruiken"): the word
    /// without its -d/-t (or with it, for a root in t/d), without ge- (also after a separable particle), plus -en, with
    /// a doubled vowel made single, a single consonant doubled, and f/s voiced (v/z). Only guesses: the caller keeps
    /// a form only when the letters use it (most guesses are no word at all). None for words that only look like a
    /// participle (<see cref="NotParticiples"/>: "gebied" is not "bieden", "gemiddeld" not "middelen").
    /// </summary>
    public static IReadOnlyList<string> InfinitiveForms(string typed)
    {
        var word = TextFolding.Fold(typed).ToLowerInvariant();
        if (word.Length < 6 || word[^1] is not ('d' or 't') || !word.All(char.IsLetter) || NotParticiples.Contains(word))
        {
            return [];
        }
        var roots = new List<string>();
        foreach (var bare in new[] { word[..^1], word })
        {
            roots.Add(bare);
            if (bare.StartsWith("ge", StringComparison.Ordinal) && bare.Length > 4)
            {
                roots.Add(bare[2..]);
            }
            foreach (var particle in SeparableParticles)
            {
                if (bare.Length > particle.Length + 4 && bare.AsSpan(particle.Length).StartsWith("ge", StringComparison.Ordinal)
                    && bare.StartsWith(particle, StringComparison.Ordinal))
                {
                    roots.Add(particle + bare[(particle.Length + 2)..]);
                }
            }
        }
        var forms = new List<string>();
        foreach (var root in roots.Where(r => r.Length >= 3).Distinct())
        {
            var n = root.Length;
            var last = root[^1];
            if (IsVowel(last))
            {
                continue;
            }
            var voiced = last switch { 'f' => 'v', 's' => 'z', _ => last };
            forms.Add(root + "en");
            if (voiced != last)
            {
                forms.Add(root[..^1] + voiced + "en");
            }
            if (n >= 3 && IsVowel(root[n - 2]) && root[n - 3] == root[n - 2] && (n < 4 || !IsVowel(root[n - 4])))
            {
                // "verhoog" → "verhogen", "leef" → "leven"
                forms.Add(root[..(n - 2)] + voiced + "en");
            }
            else if (n >= 3 && IsVowel(root[n - 2]) && !IsVowel(root[n - 3]) && last is not ('w' or 'j' or 'x'))
            {
                // "stop" → "stoppen", "zet" → "zetten"
                forms.Add(root + last + "en");
            }
        }
        forms.Remove(word);
        return forms.Distinct().ToList();
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    /// <summary>The analysed month names (for the "wanneer" hint).</summary>
    public static IReadOnlyList<string> MonthTerms => Shared.Value.Months;

    /// <summary>True for a question word ("waarom", "wanneer") as typed, case and diacritics ignored.</summary>
    public static bool IsQuestionWord(string word) => QuestionWords.Contains(TextFolding.Fold(word).ToLowerInvariant());

    /// <summary>The Dutch word of a typed number ("2" → "twee"), as <see cref="NumberWords"/> has it; null for others.</summary>
    public static string? NumberWordOf(string digits) =>
        Array.FindIndex(NumberWords, n => n.Digits == digits) is var i and >= 0 ? NumberWords[i].Word : null;

    /// <summary>
    /// The unit of an amount typed after a number, with the ways letters write it: "miljard" and "mld", "miljoen" and
    /// "mln", "procent" (and "%", which the analyser reads as "procent"); empty for any other word.
    /// </summary>
    public static IReadOnlyList<string> AmountUnitForms(string word) => TextFolding.Fold(word).ToLowerInvariant() switch
    {
        "miljard" or "mld" or "mrd" => ["miljard", "mld"],
        "miljoen" or "mln" => ["miljoen", "mln"],
        "procent" or "%" => ["procent"],
        _ => [],
    };

    /// <summary>True for a verb a question is phrased with ("zegt", "vindt", "klopt", "komt"; <see cref="FillerVerbs"/>).</summary>
    public static bool IsFillerVerb(string word) => FillerVerbs.Contains(TextFolding.Fold(word).ToLowerInvariant());

    /// <summary>True for the particle of a separable verb ("na" of "komt … na"; <see cref="VerbParticles"/>).</summary>
    public static bool IsVerbParticle(string word) => VerbParticles.Contains(TextFolding.Fold(word).ToLowerInvariant());

    /// <summary>True for the verb a yes-or-no question opens with ("klopt het dat …").</summary>
    public static bool OpensQuestion(string word) => TextFolding.Fold(word).ToLowerInvariant() is "klopt";

    /// <summary>True for the question word that asks for a number or an amount.</summary>
    public static bool AsksHowMany(string word) => TextFolding.Fold(word).ToLowerInvariant() is "hoeveel";

    /// <summary>
    /// Score added to a passage that states an amount, for a "hoeveel" query: a passage without one is seldom the answer,
    /// so the hint weighs about as much as one of the query's words. It never makes a passage match on its own.
    /// </summary>
    internal const float HowManyHintScore = 3f;

    /// <summary>
    /// Score added to a passage that counts in words ("zeven capability gebieden"), for a "hoeveel" query: less than an
    /// amount, since "drie opties" and "vier vlaggenschipprojecten" count other things than the question may ask.
    /// </summary>
    internal const float HowManyCountScore = 1f;

    /// <summary>The analysed number words ("twee" … "honderd") a count is written with.</summary>
    public static IReadOnlyList<string> CountTerms => Shared.Value.Counts;

    /// <summary>
    /// The analysed words that state an amount ("miljoen", "mld", "procent", "euro"). Not the digits: years,
    /// dates and article numbers are in most passages.
    /// </summary>
    public static IReadOnlyList<string> AmountTerms => Shared.Value.Amounts;

    /// <summary>True for the question word that asks for a date.</summary>
    public static bool AsksWhen(string word) => TextFolding.Fold(word).ToLowerInvariant() is "wanneer" or "hoelang";

    private sealed record Tables(FrozenDictionary<string, string[]> Alternatives, FrozenDictionary<string, string[]> Phrases,
        FrozenDictionary<string, string[]> GroupOfPhrase, string[] Months, string[] Amounts, string[] Counts);

    private static Tables Build(Analyzer analyzer)
    {
        var alternatives = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var phrases = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var groupOfPhrase = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var group in Groups)
        {
            var terms = group.Select(w => Single(analyzer, w)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            var several = group.Where(w => w.Contains(' ', StringComparison.Ordinal)).ToArray();
            foreach (var phrase in several)
            {
                groupOfPhrase[phrase] = [.. terms];
            }
            foreach (var term in terms)
            {
                if (!alternatives.TryGetValue(term, out var set))
                {
                    alternatives[term] = set = new HashSet<string>(StringComparer.Ordinal);
                }
                set.UnionWith(terms.Where(t => t != term));
                if (several.Length > 0)
                {
                    phrases[term] = several;
                }
            }
        }
        foreach (var (digits, word) in NumberWords)
        {
            if (Single(analyzer, digits) is { } number && Single(analyzer, word) is { } inWords)
            {
                if (!alternatives.TryGetValue(number, out var set))
                {
                    alternatives[number] = set = new HashSet<string>(StringComparer.Ordinal);
                }
                set.Add(inWords);
            }
        }
        var months = Months.Select(m => Single(analyzer, m)).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        var amounts = AmountWords.Select(m => Single(analyzer, m)).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        var counts = NumberWords.Select(n => Single(analyzer, n.Word)).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        return new Tables(
            alternatives.ToFrozenDictionary(p => p.Key, p => p.Value.Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal),
            phrases.ToFrozenDictionary(StringComparer.Ordinal),
            groupOfPhrase.ToFrozenDictionary(StringComparer.Ordinal),
            months, amounts, counts);
    }

    private static string? Single(Analyzer analyzer, string word)
    {
        var terms = TokenAnalysis.Analyze(analyzer, IndexFields.Text, word).Where(t => !t.Stacked).ToList();
        return terms.Count == 1 ? terms[0].Term : null;
    }
}
