using System.Globalization;
using Briefingbot.Dossiers.Letters;

namespace Briefingbot.Dossiers.Search.Benchmark;

/// <summary>
/// Builds a large, deterministic corpus from the seed letters' paragraphs: letters of 10-80 passages, each passage a
/// seed paragraph (distinct within a letter), spread over 300 dossiers, six document types, both chambers and eleven years of dates. Realistic
/// vocabulary and passage lengths, with the repetition a real archive also has.
/// </summary>
public sealed class SyntheticCorpus(IReadOnlyList<string> paragraphs, int seed = 20261124)
{
    private static readonly string[] Types = ["Brief regering", "Schriftelijk overleg", "Nota naar aanleiding van het verslag", "Verslag", "Geannoteerde agenda", "Motie"];
    private static readonly string[] Chambers = ["Tweede Kamer", "Eerste Kamer"];

    /// <summary>Letters until <paramref name="passages"/> passages are made; thread-safe per letter index.</summary>
    public IEnumerable<Letter> Letters(int passages)
    {
        var made = 0;
        for (var n = 0; made < passages; n++)
        {
            var letter = Letter(n, Math.Min(passages - made, 10 + new Random(seed ^ n).Next(71)));
            made += letter.Passages.Count;
            yield return letter;
        }
    }

    public Letter Letter(int number, int passageCount)
    {
        var random = new Random(seed + number * 7919);
        var dossierNumber = 21000 + random.Next(300) * 50;
        var dossier = dossierNumber.ToString("## ###", CultureInfo.InvariantCulture).Trim() + (random.Next(4) == 0 ? "-" + random.Next(2, 40).ToString(CultureInfo.InvariantCulture) : string.Empty);
        var date = new DateOnly(2015, 1, 1).AddDays(random.Next(11 * 365));
        var passages = new List<Passage>(passageCount);
        var offset = 0;
        // Distinct paragraphs within a letter (a letter that printed one twice would search it once: SearchPassages.HideRepeats).
        var used = new HashSet<int>();
        for (var p = 0; p < passageCount; p++)
        {
            var pick = random.Next(paragraphs.Count);
            while (used.Count < paragraphs.Count && !used.Add(pick))
            {
                pick = (pick + 1) % paragraphs.Count;
            }
            var text = paragraphs[pick];
            passages.Add(new Passage(p, offset, offset + text.Length, text));
            offset += text.Length + 2;
        }
        var title = paragraphs[random.Next(paragraphs.Count)];
        title = title.Length > 90 ? title[..90] : title;
        var id = "bench-" + number.ToString("D7", CultureInfo.InvariantCulture);
        return new Letter(id, id + ".txt", number.ToString("x8", CultureInfo.InvariantCulture), string.Empty, title, Types[random.Next(Types.Length)], date,
            Chambers[random.Next(Chambers.Length)], dossier, random.Next(1, 5000).ToString(CultureInfo.InvariantCulture), [], null, passages);
    }
}
