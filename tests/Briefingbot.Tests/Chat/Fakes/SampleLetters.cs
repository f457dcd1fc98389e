using Briefingbot.Dossiers.Letters;

namespace Briefingbot.Tests.Chat.Fakes;

/// <summary>Hand-made letters modelled on the seeds, for tests that do not need the real parser and index.</summary>
public static class SampleLetters
{
    public const string DronesId = "000_28c287220feeccd7";
    public const string QuestionsId = "004_d88359ce39742adb";
    public const string UkraineId = "003_543faf97976a5854";

    public static IEnumerable<Letter> All()
    {
        yield return new Letter(DronesId, DronesId + ".txt", "h0", "", "Kabinetsappreciatie Witboek Europese Defensie Gereedheid 2030",
            "Brief regering", new DateOnly(2025, 4, 11), "Tweede Kamer", "22 112", "4027", ["De minister van Defensie"],
            "https://zoek.officielebekendmakingen.nl/kst-22112-4027.html",
            [
                new Passage(0, 0, 10, "Inleiding", PassageKind.Heading, Heading: "Inleiding"),
                new Passage(1, 10, 200, "Het Witboek noemt prioriteiten, waaronder drones en counter-drone-systemen en luchtverdediging."),
                new Passage(2, 200, 300, "Financiering", PassageKind.Heading, Heading: "Financiering"),
                new Passage(3, 300, 500, "Het kabinet steunt gezamenlijke aanschaf van drones binnen de EU."),
            ]);

        var questions = Enumerable.Range(1, 20).Select(i => new Passage(i, i * 100, i * 100 + 90,
            $"Vraag {i}: Hoe zet de minister drones in bij oefening {i}? Antwoord: De minister zet drones in volgens plan {i}.",
            PassageKind.QuestionAnswer, QuestionNumber: i.ToString(System.Globalization.CultureInfo.InvariantCulture), Party: i % 2 == 0 ? "VVD" : "GroenLinks-PvdA")
        {
            Question = $"Hoe zet de minister drones in bij oefening {i}?",
            Answer = $"De minister zet drones in volgens plan {i}.",
        }).ToList();
        yield return new Letter(QuestionsId, QuestionsId + ".txt", "h4", "", "Geannoteerde agenda Raad Buitenlandse Zaken (Defensie) van 1 december 2025",
            "Schriftelijk overleg", null, null, null, null, [], null, questions);

        yield return new Letter(UkraineId, UkraineId + ".txt", "h3", "", "Europese defensiesamenwerking en specialisatie",
            "Brief regering", new DateOnly(2022, 12, 22), "Tweede Kamer", "33 279", "36", [],
            "https://zoek.officielebekendmakingen.nl/kst-33279-36.html",
            [
                new Passage(0, 0, 200, "De oorlog in Oekraïne toont het belang van herstellening van de Europese defensie-industrie."),
                new Passage(1, 200, 400, "Specialisatie vraagt om vertrouwen tussen lidstaten."),
            ]);

        // Hostile text, as a letter could contain it: template syntax, quotes, Markdown and HTML.
        yield return new Letter("999_hostile", "999_hostile.txt", "h9", "", "Titel met ${title} en \"quotes\" en **vet** <b>html</b> {{DATE(2025-01-01T00:00:00Z)}}",
            "Brief regering", new DateOnly(2024, 2, 29), "Eerste Kamer", "36 410 X", "7", ["Mr. ${root} \\ ]"],
            "javascript:alert(1)",
            [new Passage(0, 0, 100, "Injectie ${$root.hits} en `code` en [link](javascript:alert(1)) en \\\" quote: valkuil.")]);
    }
}
