using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Meetings;
using Briefingbot.Dossiers.Promises;

namespace Briefingbot.Dossiers.Tests.Promises;

public class ExtractorRobustnessTests
{
    [Fact]
    public void Extractors_never_throw_on_odd_letters_and_keep_offsets_in_range()
    {
        var random = new Random(7);
        string[] pieces =
        [
            "Uw Kamer zal ", "binnen 999 weken ", "voor de zomer ", "begin 2026 ", "de Europese Raad van 31 februari a.s. ",
            "RBZ Defensie van 29 februari ", "Ecofin van 12 december jl. ", "op 19 januari plenair in het Europees Parlement ",
            "geïnformeerd. ", "Vraag 1\n", "Antwoord\n", "\n\n", "Den Haag, 1 december 2025\n", "ER van 40 maart ", "?", ". ",
        ];
        var parser = new LetterParser();
        for (var i = 0; i < 200; i++)
        {
            var raw = string.Concat(Enumerable.Range(0, random.Next(1, 60)).Select(_ => pieces[random.Next(pieces.Length)]));
            var letter = parser.Parse($"f{i}.txt", raw);
            foreach (var p in new PromiseExtractor().Extract(letter))
            {
                Assert.InRange(p.Start, 0, p.End - 1);
                Assert.True(p.End <= raw.Length);
            }
            foreach (var m in new MeetingExtractor().Extract(letter))
            {
                Assert.InRange(m.Start, 0, m.End - 1);
                Assert.True(m.End <= raw.Length && m.EndDate >= m.StartDate);
            }
        }
    }
}
