using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Briefingbot.Dossiers.Letters;

namespace Briefingbot.Dossiers.Promises;

/// <summary>
/// Finds toezeggingen: sentences in which the government commits to inform parliament or to deliver a named letter,
/// report or proposal. Not promises: statements that parliament was informed (past tense), plans of the Commission or
/// other third parties, and members' questions (in a Q&amp;A passage only the answer is read). Deadlines resolve with
/// <see cref="DeadlineResolver"/>. Keys are stable across re-ingest: letter id + hash of the normalised sentence.
/// </summary>
public sealed partial class PromiseExtractor : IPromiseExtractor
{
    public IReadOnlyList<ExtractedPromise> Extract(Letter letter)
    {
        var result = new List<ExtractedPromise>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var passage in letter.Passages)
        {
            var text = passage.Kind == PassageKind.QuestionAnswer ? passage.Answer : passage.Text;
            if (string.IsNullOrWhiteSpace(text) || (passage.Kind == PassageKind.Paragraph && passage.Party is not null))
            {
                continue;
            }
            var cursor = passage.Start;
            foreach (var sentence in Sentences(text))
            {
                var confidence = Score(sentence);
                if (confidence <= 0)
                {
                    continue;
                }
                var location = RawTextLocator.Locate(letter.RawText, passage.Start, passage.End, sentence, cursor);
                if (location is null)
                {
                    continue;
                }
                cursor = location.Value.End;
                var key = KeyOf(letter.Id, sentence);
                if (!keys.Add(key))
                {
                    continue;
                }
                var (phrase, due) = DeadlineResolver.Resolve(sentence, letter.Date);
                if (due is not null)
                {
                    confidence = Math.Min(1.0, confidence + 0.05);
                }
                result.Add(new ExtractedPromise(key, letter.Id, sentence, location.Value.Start, location.Value.End,
                    ActorOf(sentence, letter), WhatOf(sentence), phrase, due, Math.Round(confidence, 2)));
            }
        }
        return result;
    }

    /// <summary>0 when the sentence is no promise; otherwise how sure we are.</summary>
    internal static double Score(string sentence)
    {
        if (sentence.EndsWith('?') || MembersSpeaking().IsMatch(sentence) || ThirdPartySubject().IsMatch(sentence))
        {
            return 0;
        }
        if (PastTense().IsMatch(sentence) && !FutureModal().IsMatch(sentence))
        {
            return 0;
        }
        if (InformKamer().IsMatch(sentence) || KamerInformed().IsMatch(sentence))
        {
            // "Hierbij informeer ik uw Kamer over …", "Met deze brief informeer ik …": the letter itself, not a promise
            // (a QA pass: nearly every synced letter opens like this), unless it also promises more ("… en zal u …").
            if (ThisLetter().IsMatch(sentence) && !WillInform().IsMatch(sentence) && !Later().IsMatch(sentence))
            {
                return 0;
            }
            return FutureModal().IsMatch(sentence) ? 0.9 : 0.7;
        }
        if (InformsKamer().IsMatch(sentence) && !ThisLetter().IsMatch(sentence)
            && (Later().IsMatch(sentence) || DeadlineResolver.Resolve(sentence, null).Phrase is not null || DeadlineResolver.Resolve(sentence, new DateOnly(2000, 1, 1)).Due is not null))
        {
            return 0.8;
        }
        if (KeepInformed().IsMatch(sentence) || KamerReceives().IsMatch(sentence) || SharedWithKamer().IsMatch(sentence))
        {
            return 0.75;
        }
        if (Deliver().IsMatch(sentence) || DocumentWillBe().IsMatch(sentence) || StrivesToDeliver().IsMatch(sentence))
        {
            return 0.7;
        }
        return 0;
    }

    internal static string KeyOf(string letterId, string sentence)
    {
        var normalised = string.Join(' ', Words().Matches(sentence.ToLowerInvariant()).Select(m => m.Value));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)))[..16];
        return $"{letterId}:{hash}";
    }

    private static string? ActorOf(string sentence, Letter letter)
    {
        if (Kabinet().IsMatch(sentence) || We().IsMatch(sentence))
        {
            return "het kabinet";
        }
        if (MinisterNamed().Match(sentence) is { Success: true } m)
        {
            return m.Value.ToLowerInvariant() is var v && v.StartsWith("de ", StringComparison.Ordinal) ? v : "de " + v;
        }
        // "Uw Kamer wordt geïnformeerd", "ik informeer": the signing minister speaks for the government.
        var signer = letter.Signatories.FirstOrDefault();
        if (signer is not null && signer.IndexOf(", ", StringComparison.Ordinal) is var comma and > 0)
        {
            return "de " + signer[(comma + 2)..];
        }
        return "het kabinet";
    }

    private static string WhatOf(string sentence)
    {
        var what = LeadIn().Replace(sentence, "").Trim();
        if (what.Length > 0)
        {
            what = char.ToUpperInvariant(what[0]) + what[1..];
        }
        return what.Length <= 200 ? what : what[..what.LastIndexOf(' ', 199)] + "…";
    }

    internal static IEnumerable<string> Sentences(string text) => SentenceBreak().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0);

    [GeneratedRegex(@"(?<!\b(?:jl|nr|nrs|o\.a|bijv|resp|ca|art|blz|d\.d|mr|drs|dr|prof|ir|mld|mln|vgl|zgn|m\.b\.t|t\.a\.v|i\.v\.m)\.)(?<=[.?!][”’""»)]?)\s+(?=[\p{Lu}“""‘(])")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Words();

    [GeneratedRegex(@"\b(?:zal|zullen|zult|wordt|worden|ontvangt|komt|komen|streeft|streven|informeer|informeren)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FutureModal();

    [GeneratedRegex(@"\b(?:is|zijn|werd|werden)\s+(?:reeds\s+|al\s+|eerder\s+|op\s+\d{1,2}\s+\w+\s+(?:jl\.\s+)?)?(?:geïnformeerd|gestuurd|toegezonden|verzonden|gedeeld|aangeboden|toegekomen)\b|\b(?:heeft|hebben)\b[^.]{0,80}\b(?:geïnformeerd|gestuurd|toegezonden|gedeeld|ontvangen|aangeboden)\b|\b(?:ontving|toekwam|ontvingen)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PastTense();

    [GeneratedRegex(@"\b(?:de\s+|deze\s+)leden\b|\bzien\s+uw\s+reactie\b|\bvragen\s+(?:de|deze)\s+leden\b", RegexOptions.IgnoreCase)]
    private static partial Regex MembersSpeaking();

    /// <summary>The Commission, the EU or another third party is the subject: their plans are not the government's promises.</summary>
    [GeneratedRegex(@"^(?:(?:Naar verwachting|Ook|Daarnaast|Verder)\s+(?:zal|zullen)\s+)?(?:De\s+)?(?:Europese\s+Commissie|Commissie|EU|HV|Hoge\s+Vertegenwoordiger|OESO|NAVO|Raad|Europese\s+Raad|Europees\s+Parlement|EP|lidstaten|bondgenoten|Verenigde\s+Staten|VS)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ThirdPartySubject();

    /// <summary>"Uw Kamer zal … worden geïnformeerd", "de Kamer wordt … op de hoogte gehouden".</summary>
    [GeneratedRegex(@"\b(?:uw|de)\s+(?:Tweede\s+|Eerste\s+)?Kamer\b[^.]{0,120}\b(?:zal|zullen|wordt|worden)\b[^.]{0,120}\b(?:geïnformeerd|op\s+de\s+hoogte\s+(?:gehouden|gesteld)|toegezonden|toegestuurd|gestuurd)\b|\b(?:zal|zullen|wordt|worden)\s+(?:uw|de)\s+(?:Tweede\s+|Eerste\s+)?Kamer\b[^.]{0,150}\b(?:geïnformeerd|op\s+de\s+hoogte)", RegexOptions.IgnoreCase)]
    private static partial Regex KamerInformed();

    /// <summary>"Ik zal uw Kamer … informeren", "informeer ik de Kamer", "het kabinet zal de Kamer … sturen".</summary>
    [GeneratedRegex(@"\b(?:zal|zullen)\s+(?:ik|wij|het\s+kabinet|de\s+minister|de\s+staatssecretaris|de\s+regering)\b[^.]{0,80}\b(?:uw|de)\s+Kamer\b[^.]{0,80}\b(?:informeren|toesturen|sturen|toezenden|op\s+de\s+hoogte)|\b(?:informeer|informeren)\s+(?:ik|wij|het\s+kabinet)\s+(?:uw|de)\s+Kamer\b|\b(?:uw|de)\s+Kamer\s+(?:zal|zullen)\s+worden\s+(?:gestuurd|toegezonden|verzonden)|\ben\s+(?:uw|de)\s+Kamer\s+zal\s+worden\s+gestuurd|\b(?:ik|wij|het\s+kabinet|de\s+minister|de\s+staatssecretaris)\s+(?:zal|zullen)\s+(?:u|uw\s+Kamer|de\s+Kamer)\b[^.]{0,100}\b(?:informeren|toesturen|sturen|toezenden|op\s+de\s+hoogte)", RegexOptions.IgnoreCase)]
    private static partial Regex InformKamer();

    /// <summary>Present tense with a time ahead: "Het kabinet informeert de Kamer voor de zomer over …".</summary>
    [GeneratedRegex(@"\b(?:het\s+kabinet|ik|wij|de\s+minister|de\s+staatssecretaris)\s+(?:informeert|informeer|informeren)\s+(?:u|uw\s+Kamer|de\s+Kamer)\b|\b(?:informeert|informeer|informeren)\s+(?:het\s+kabinet|ik|wij)\s+(?:u|uw\s+Kamer|de\s+Kamer)\b", RegexOptions.IgnoreCase)]
    private static partial Regex InformsKamer();

    [GeneratedRegex(@"\b(?:hierbij|met\s+deze\s+(?:kamer)?brief|in\s+deze\s+(?:kamer)?brief|hiermee)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ThisLetter();

    /// <summary>A modal that points ahead, as "informeer" in <see cref="FutureModal"/> does not.</summary>
    [GeneratedRegex(@"\b(?:zal|zullen|zult)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WillInform();

    [GeneratedRegex(@"\b(?:nader|later|separaat|opnieuw|te\s+zijner\s+tijd|binnenkort)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Later();

    [GeneratedRegex(@"\b(?:houdt|houden|zal|zullen)\s+(?:ik|wij|het\s+kabinet\s+)?(?:u|uw\s+Kamer|de\s+Kamer)\b[^.]{0,100}\bop\s+de\s+hoogte\b|\b(?:houdt|houden)\s+(?:het\s+kabinet|ik|wij)\s+(?:uw|de)\s+Kamer\b[^.]{0,100}\bop\s+de\s+hoogte\b|\bzullen\s+wij\s+u\b[^.]{0,100}\bop\s+de\s+hoogte", RegexOptions.IgnoreCase)]
    private static partial Regex KeepInformed();

    [GeneratedRegex(@"\bontvangt\s+(?:uw|de)\s+Kamer\b|\b(?:uw|de)\s+Kamer\s+ontvangt\b|\b(?:uw|de)\s+Kamer\s+toe\s+(?:zal\s+)?komen\b|\btoe\s+zal\s+komen\b|\bU\s+ontvangt\b", RegexOptions.IgnoreCase)]
    private static partial Regex KamerReceives();

    [GeneratedRegex(@"\b(?:wordt|worden|zal|zullen)\b[^.]{0,120}\bgedeeld\s+met\s+(?:uw|de)\s+Kamer\b", RegexOptions.IgnoreCase)]
    private static partial Regex SharedWithKamer();

    /// <summary>"zal het kabinet begin 2026 met een voortgangsbrief komen".</summary>
    [GeneratedRegex(@"\b(?:zal|zullen)\s+(?:ik|wij|het\s+kabinet|de\s+minister|de\s+staatssecretaris|de\s+regering)\b[^.]{0,80}\bmet\s+(?:een\s+|de\s+)?(?:[\p{L}\-]+\s+)?(?:brief|voortgangsbrief|kamerbrief|rapportage|voorstel|wetsvoorstel|reactie|kabinetsreactie|notitie|visie|strategie|nota|evaluatie|appreciatie|fiche)\s+(?:\w+\s+){0,3}komen\b", RegexOptions.IgnoreCase)]
    private static partial Regex Deliver();

    /// <summary>"de conceptwet zal in het najaar … worden aangeboden", "… zal middels het BNC-fiche worden vastgelegd".</summary>
    [GeneratedRegex(@"\b(?:wetsvoorstel|conceptwet|voorstel|brief|kamerbrief|voortgangsbrief|fiche|BNC-fiche|rapportage|kabinetsreactie|nota)\b[^.]{0,120}\b(?:zal|zullen)\b[^.]{0,120}\bworden\s+(?:aangeboden|verzonden|gestuurd|toegezonden|vastgelegd|gepubliceerd)\b|\b(?:zal|zullen)\b[^.]{0,60}\b(?:BNC-fiche|fiche|kamerbrief|voortgangsbrief|brief)\b[^.]{0,40}\bworden\s+(?:vastgelegd|toegelicht|uiteengezet|gedeeld)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DocumentWillBe();

    [GeneratedRegex(@"\b(?:kabinet|ik|wij|minister)\s+(?:streeft|streven)\s+ernaar\b[^.]{0,120}\b(?:aan\s+te\s+bieden|te\s+sturen|te\s+versturen|te\s+publiceren|naar\s+de\s+Kamer)", RegexOptions.IgnoreCase)]
    private static partial Regex StrivesToDeliver();

    [GeneratedRegex(@"\bkabinet\b", RegexOptions.IgnoreCase)]
    private static partial Regex Kabinet();

    [GeneratedRegex(@"\b(?:wij|we)\b", RegexOptions.IgnoreCase)]
    private static partial Regex We();

    [GeneratedRegex(@"\b(?:de\s+)?(?:minister|staatssecretaris)(?:\s+van\s+(?:\p{Lu}[\p{L}\-]*(?:\s+(?:en\s+)?\p{Lu}[\p{L}\-]*)*))?", RegexOptions.IgnoreCase)]
    private static partial Regex MinisterNamed();

    [GeneratedRegex(@"^(?:Zoals\s+(?:toegezegd|aangegeven|gemeld)[^,]{0,120},\s*)")]
    private static partial Regex LeadIn();
}
