using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Meetings;
using Briefingbot.Dossiers.Promises;
using Briefingbot.Registers;
using Briefingbot.Tests.Administration.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Briefingbot.Dossiers.Ingest;

namespace Briefingbot.Tests.Registers;

/// <summary>
/// Register contents modelled on the seed letters, fed through the real ingest observer: letter 001 (answers of
/// 28 August 2025, a "begin 2026" promise), letter 004 (undated schriftelijk overleg on the RBZ Defensie of
/// 1 December 2025, mentioning the Ecofin of 12 December and the Europese Raad of 18 December "a.s."), and a
/// letter of 11 April 2025 that reports on an earlier Europese Raad.
/// </summary>
public static class RegisterSeed
{
    public const string Letter000 = "000_28c287220feeccd7";
    public const string Letter001 = "001_e472fb248c5230f8";
    public const string Letter004 = "004_d88359ce39742adb";

    public static readonly Letter Witboek = FakeLetterSearch.MakeLetter(Letter000, "Witboek Europese Defensie Gereedheid 2030 NAVO", new DateOnly(2025, 4, 11), "Kabinetsappreciatie Witboek");
    public static readonly Letter Answers = FakeLetterSearch.MakeLetter(Letter001, "Schriftelijk overleg defensie industrie", new DateOnly(2025, 8, 28), "Antwoorden schriftelijk overleg EDIP");
    // Undated, as seed 004: its title names the Council it prepares, which the parser reads as its meeting.
    public static readonly Letter RbzAgenda = FakeLetterSearch.MakeLetter(Letter004, "Raad Buitenlandse Zaken Defensie drones NAVO", null, "Schriftelijk overleg RBZ Defensie 1 december 2025")
        with { Meeting = "RBZ Defensie", MeetingDate = new DateOnly(2025, 12, 1) };

    public static ExtractedPromise Promise(string letterId, string sentence, string what, string? phrase, DateOnly? due, int start = 100) =>
        new($"{letterId}#{what}", letterId, sentence, start, start + sentence.Length, "het kabinet", what, phrase, due, 0.9);

    public static ExtractedMeeting Meeting(string letterId, string type, DateOnly start, bool? after, int offset, DateOnly? end = null) =>
        new($"{type}|{start:yyyy-MM-dd}", type, start, end ?? start, null, letterId, $"de {type} van {start:d MMMM}", offset, offset + 30, after, 0.95);

    /// <summary>The harness's register observer, which the real ingest tells about each letter.</summary>
    public static RegisterIngestObserver Observer(CommandHarness bot) =>
        bot.Services.GetServices<ILetterIngestObserver>().OfType<RegisterIngestObserver>().Single();

    public static async Task IngestAsync(CommandHarness bot)
    {
        bot.Search.Letters.AddRange([Witboek, Answers, RbzAgenda]);
        var observer = Observer(bot);
        await observer.OnLetterIngestedAsync(Witboek,
            [Promise(Letter000, "Het kabinet informeert uw Kamer voor de zomer over de uitwerking.", "Kamer informeren over uitwerking Witboek", "voor de zomer", new DateOnly(2025, 7, 1), 500)],
            [Meeting(Letter000, MeetingTypes.EuropeseRaad, new DateOnly(2025, 3, 6), false, 900)],
            CancellationToken.None);
        await observer.OnLetterIngestedAsync(Answers,
            [
                Promise(Letter001, "Het kabinet streeft ernaar om het voorstel begin 2026 aan te bieden.", "voorstel aanbieden", "begin 2026", new DateOnly(2026, 3, 31), 4000),
                Promise(Letter001, "Hierover zal uw Kamer separaat worden geïnformeerd.", "Kamer separaat informeren", null, null, 5000),
            ],
            [],
            CancellationToken.None);
        await observer.OnLetterIngestedAsync(RbzAgenda,
            [Promise(Letter004, "De minister zal de Kamer binnen vier weken na de Raad informeren over de uitkomsten.", "verslag RBZ Defensie", "binnen vier weken", null, 7000)],
            [
                Meeting(Letter004, MeetingTypes.RbzDefensie, new DateOnly(2025, 12, 1), null, 200),
                Meeting(Letter004, MeetingTypes.Ecofin, new DateOnly(2025, 12, 12), null, 3000),
                Meeting(Letter004, MeetingTypes.EuropeseRaad, new DateOnly(2025, 12, 18), null, 3050),
                Meeting(Letter004, MeetingTypes.EuropeseRaad, new DateOnly(2025, 3, 19), null, 6000),
            ],
            CancellationToken.None);
    }
}
