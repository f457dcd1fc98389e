using System.Text.RegularExpressions;
using Briefingbot.Dossiers.Letters;

namespace Briefingbot.Dossiers.Summaries;

/// <summary>
/// Extractive summary: the 2–3 sentences of a letter that best carry its point, in document order, at most
/// <see cref="MaxLength"/> characters. Sentences are scored by position (letters state their purpose early), by cue
/// phrases ("Met deze brief …", "Het kabinet …") and by how central their words are to the whole letter. Only passage
/// text is used, so navigation, headers and footnotes never reach a summary.
/// </summary>
public sealed partial class ExtractiveSummarizer : ILetterSummarizer
{
    public const int MaxLength = 400;
    private const int CandidatePassages = 12;
    private const int MinAnswersForQuestionAndAnswer = 3;

    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "de", "het", "een", "en", "van", "in", "op", "te", "dat", "die", "dit", "deze", "is", "zijn", "voor", "met", "aan",
        "om", "ook", "als", "bij", "door", "naar", "over", "of", "er", "niet", "wordt", "worden", "kan", "zal", "heeft",
        "hebben", "wat", "wel", "nog", "tot", "uit", "onder", "zich", "hun", "haar", "zo", "u", "uw", "we", "wij", "ik",
        "daarbij", "daarnaast", "ten", "meer", "moet", "kunnen", "mede", "vanuit", "binnen", "tussen", "maar", "hierbij",
    };

    public string Summarize(Letter letter)
    {
        var body = letter.Passages.Where(p => p.Kind != PassageKind.Heading).ToList();
        if (body.Count == 0)
        {
            return letter.Title ?? "";
        }
        var answers = body.Where(p => !string.IsNullOrWhiteSpace(p.Answer)).ToList();
        if (answers.Count >= MinAnswersForQuestionAndAnswer)
        {
            return SummarizeQuestionsAndAnswers(letter, body, answers);
        }
        var paragraphs = body.Where(p => p.Kind == PassageKind.Paragraph).Take(CandidatePassages).ToList();
        var candidates = new List<(string Sentence, int Order, double Score)>();
        var frequencies = TermFrequencies(body.Select(p => p.Answer ?? p.Text));
        var titleWords = Words(letter.Title ?? "").Where(w => !StopWords.Contains(w) && w.Length > 2).ToHashSet();
        var order = 0;
        foreach (var (passage, rank) in paragraphs.Select((p, i) => (p, i)))
        {
            foreach (var sentence in Sentences(passage.Text))
            {
                order++;
                if (sentence.Length is < 40 or > 320 || sentence.EndsWith('?') || Procedural().IsMatch(sentence))
                {
                    continue;
                }
                var score = 1.0 / (1 + rank) + 0.3 / (1 + order) + Centrality(sentence, frequencies);
                if (titleWords.Count > 0)
                {
                    // Sentences that name the letter's subject (its title words) carry its point.
                    score += 0.8 * Words(sentence).Distinct().Count(titleWords.Contains) / titleWords.Count;
                }
                if (passage.Heading is { } heading && KeyHeading().IsMatch(heading))
                {
                    score += 0.6;
                }
                if (Anaphoric().IsMatch(sentence))
                {
                    // "Daarvoor is het essentieel …" leans on a sentence the reader of a summary has not seen.
                    score -= 0.6;
                }
                if (PurposeCue().IsMatch(sentence))
                {
                    score += 1.0;
                }
                else if (GovernmentCue().IsMatch(sentence))
                {
                    score += 0.3;
                }
                candidates.Add((sentence, order, score));
            }
        }
        if (candidates.Count == 0)
        {
            var fallback = body[0].Answer ?? body[0].Text;
            return Truncate(fallback);
        }
        var chosen = new List<(string Sentence, int Order, double Score)>();
        var length = 0;
        foreach (var c in candidates.OrderByDescending(c => c.Score).ThenBy(c => c.Order))
        {
            if (chosen.Count == 3 || (chosen.Count >= 2 && length + c.Sentence.Length + 1 > MaxLength))
            {
                break;
            }
            if (length + c.Sentence.Length + 1 > MaxLength)
            {
                continue;
            }
            chosen.Add(c);
            length += c.Sentence.Length + 1;
        }
        if (chosen.Count == 0)
        {
            return Truncate(candidates.OrderByDescending(c => c.Score).First().Sentence);
        }
        return string.Join(' ', chosen.OrderBy(c => c.Order).Select(c => c.Sentence));
    }

    /// <summary>
    /// Q&amp;A documents (written consultations, replies to reports) open with the members' introductions ("De leden
    /// van de D66-fractie hebben met interesse kennisgenomen van …") and the covering note ("Hierbij sturen wij u de
    /// antwoorden …"): they say that questions were asked, not what the government answered. Their summary is the
    /// two or three answer sentences that carry the government's position: the ones most central to the whole
    /// document and its title, preferably stated as the cabinet's view, early answers first; procedural sentences
    /// and answers that point elsewhere are skipped.
    /// </summary>
    private static string SummarizeQuestionsAndAnswers(Letter letter, List<Passage> body, List<Passage> answers)
    {
        var frequencies = TermFrequencies(body.Select(p => p.Answer ?? p.Text));
        var titleWords = Words(letter.Title ?? "").Where(w => !StopWords.Contains(w) && w.Length > 2).ToHashSet();
        double Subject(string sentence) =>
            titleWords.Count == 0 ? 0 : 0.8 * Words(sentence).Distinct().Count(titleWords.Contains) / titleWords.Count;

        var order = 0;
        var points = answers.Take(CandidatePassages * 2)
            .SelectMany((p, rank) => Sentences(p.Answer!).Select(sentence => (Sentence: sentence, Order: order++, Rank: rank)))
            .Where(c => c.Sentence.Length is >= 40 and <= 260 && !c.Sentence.EndsWith('?') && !Anaphoric().IsMatch(c.Sentence)
                && !CrossReference().IsMatch(c.Sentence) && !Procedural().IsMatch(c.Sentence))
            // Naming the document's subject (its title words) weighs most: the reader asks "what did they answer about X".
            .Select(c => (c.Sentence, c.Order, Score: 0.5 / (1 + c.Rank) + Centrality(c.Sentence, frequencies) + 2 * Subject(c.Sentence)
                + (GovernmentCue().IsMatch(c.Sentence) ? 0.6 : 0)))
            .OrderByDescending(c => c.Score).ThenBy(c => c.Order)
            .ToList();

        var chosen = new List<(string Sentence, int Order)>();
        var length = 0;
        foreach (var point in points)
        {
            if (chosen.Count == 3)
            {
                break;
            }
            if (length + point.Sentence.Length + 1 <= MaxLength)
            {
                chosen.Add((point.Sentence, point.Order));
                length += point.Sentence.Length + 1;
            }
        }
        return chosen.Count == 0 ? Truncate(answers[0].Answer!) : string.Join(' ', chosen.OrderBy(c => c.Order).Select(c => c.Sentence));
    }

    private static string Truncate(string text)
    {
        if (text.Length <= MaxLength)
        {
            return text;
        }
        var cut = text.LastIndexOf(' ', MaxLength - 1);
        return text[..(cut > 0 ? cut : MaxLength - 1)] + "…";
    }

    private static double Centrality(string sentence, Dictionary<string, int> frequencies)
    {
        var words = Words(sentence).Where(w => !StopWords.Contains(w)).ToList();
        if (words.Count == 0 || frequencies.Count == 0)
        {
            return 0;
        }
        var max = frequencies.Values.Max();
        return words.Distinct().Sum(w => frequencies.GetValueOrDefault(w) / (double)max) / Math.Sqrt(words.Count);
    }

    private static Dictionary<string, int> TermFrequencies(IEnumerable<string> texts)
    {
        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var word in texts.SelectMany(Words).Where(w => !StopWords.Contains(w) && w.Length > 2))
        {
            counts[word] = counts.GetValueOrDefault(word) + 1;
        }
        return counts;
    }

    private static IEnumerable<string> Words(string text) => WordPattern().Matches(text).Select(m => m.Value.ToLowerInvariant());

    internal static IEnumerable<string> Sentences(string text) => SentenceBreak().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0);

    [GeneratedRegex(@"(?<!\b(?:jl|nr|nrs|o\.a|bijv|resp|ca|art|blz|d\.d|mr|drs|dr|prof|ir|mld|mln|vgl|zgn|m\.b\.t|t\.a\.v|i\.v\.m)\.)(?<=[.?!][”’""»)]?)\s+(?=[\p{Lu}“""‘(])")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"[\p{L}][\p{L}\-]+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"^(?:Met deze (?:brief|kamerbrief)|In deze (?:brief|kamerbrief)|Deze (?:brief|kamerbrief)|Hierbij (?:stuur|ontvangt|informeer|bied)|Middels deze brief)|\b(?:informeer ik|informeren wij|bied ik|sturen wij|stuur ik) u\b", RegexOptions.IgnoreCase)]
    private static partial Regex PurposeCue();

    /// <summary>The procedural-sentence pattern, for tests.</summary>
    internal static Regex ProceduralPattern() => Procedural();

    /// <summary>
    /// Procedure, not content: committee phrasing ("De leden van de D66-fractie hebben met interesse kennisgenomen
    /// van …", "… hebben nog enkele vragen"), covering notes ("Hierbij sturen wij u de antwoorden op de vragen …"),
    /// thanks for questions and the committee's formal framing.
    /// </summary>
    [GeneratedRegex(@"^(?:De|Deze) leden van de\b|\bleden van de [\w\-]+[\s\-]?fractie\b|\bkennis\s?(?:genomen|nemen)\b|\b(?:hebben|heeft) (?:nog )?(?:enkele|een aantal|de volgende|geen) (?:vragen|opmerkingen)\b|^(?:Hierbij|Bijgaand|Graag) (?:sturen|stuur|zenden|zend|bied|bieden|ontvangt|treft)\b[^.]*\b(?:antwoorden|beantwoording|reactie|nota|vragen|verslag)\b|\b(?:dankt|danken|dank) (?:de leden|de commissie|de fracties|u) (?:\w+ )*?voor (?:de|hun|uw) (?:vragen|inbreng|opmerkingen)\b|^(?:De|Het) (?:vaste )?commissie\b|\bschriftelijk overleg\b[^.]*\b(?:gevoerd|voorgelegd)\b|^Onder verwijzing naar\b|\b(?:griffier|voorzitter) van de (?:vaste )?commissie\b", RegexOptions.IgnoreCase)]
    private static partial Regex Procedural();

    [GeneratedRegex(@"\b(?:kern|samenvatting|conclusie|hoofdlijnen|inleiding|aanleiding)\b", RegexOptions.IgnoreCase)]
    private static partial Regex KeyHeading();

    [GeneratedRegex(@"^(?:Daarvoor|Daarom|Daarnaast|Dit|Dat|Hierdoor|Hiermee|Ook|Tevens|Verder|Bovendien|Zij|Hij|Ze)\b")]
    private static partial Regex Anaphoric();

    [GeneratedRegex(@"^(?:Het kabinet|Nederland|De regering|Ik|Wij|Defensie)\b")]
    private static partial Regex GovernmentCue();

    /// <summary>"Zoals in het antwoord op vraag 3 …": an answer that points elsewhere does not stand alone.</summary>
    [GeneratedRegex(@"\b(?:antwoord op (?:de )?vraag|zie (?:ook )?(?:het )?antwoord|zoals (?:eerder )?(?:aangegeven|gemeld|beschreven))\b", RegexOptions.IgnoreCase)]
    private static partial Regex CrossReference();
}
