using Briefingbot.Registers;
using Briefingbot.Tests.Administration.Fakes;
using Microsoft.Extensions.DependencyInjection;
using static Briefingbot.Tests.Administration.Fakes.CommandHarness;

namespace Briefingbot.Tests.Registers;

/// <summary>Issue 14 item 10: <c>toezeggingen drones</c> lists promises about drones, each promise's text once.</summary>
public class PromiseSubjectTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private static async Task<CommandHarness> SeededAsync()
    {
        var bot = new CommandHarness(Now);
        await RegisterSeed.IngestAsync(bot);
        // A letter that mentions drones, with one promise about drones and one about something else.
        var letter = FakeLetterSearch.MakeLetter("005_drones", "Drones en luchtverdediging; ook de begroting", new DateOnly(2025, 10, 1), "Brief over drones");
        bot.Search.Letters.Add(letter);
        var observer = RegisterSeed.Observer(bot);
        await observer.OnLetterIngestedAsync(letter,
            [
                RegisterSeed.Promise("005_drones", "Het kabinet informeert de Kamer voor de zomer over de aanschaf van counter-drone systemen.", "Kamer informeren over counter-drone systemen", "voor de zomer", new DateOnly(2026, 7, 1), 100),
                RegisterSeed.Promise("005_drones", "De minister stuurt de Kamer voor het einde van het jaar de suppletoire begroting.", "De minister stuurt de Kamer voor het einde van het jaar de suppletoire begroting.", "voor het einde van het jaar", new DateOnly(2026, 12, 31), 900),
            ],
            [], CancellationToken.None);
        return bot;
    }

    [Fact]
    public async Task Promises_about_drones_are_those_whose_own_text_names_drones()
    {
        await using var bot = await SeededAsync();

        var text = Reply(await bot.SendAsync("toezeggingen drones", Bob));

        Assert.Contains("counter-drone systemen", text);
        Assert.DoesNotContain("suppletoire begroting", text);
        // The RBZ agenda letter mentions drones, but its promise is about the Council's outcome.
        Assert.DoesNotContain("verslag RBZ Defensie", text);
    }

    /// <summary>
    /// Typed words also find a promise by its own passage, as a topic does, but not by its letter's title (a QA pass:
    /// `toezeggingen spoor` missed "… zal het kabinet begin 2026 met een voortgangsbrief komen", the end of the answer
    /// about the rail letter).
    /// </summary>
    [Fact]
    public async Task Typed_words_find_a_promise_by_its_own_passage_not_by_its_letters_title()
    {
        await using var bot = await SeededAsync();
        const string answer = "Het kabinet omarmt de conclusies in de kamerbrief over weerbaarheid van het spoor. Zoals toegezegd zal het kabinet begin 2026 met een voortgangsbrief komen.";
        const string other = "Over de begroting stuurt de minister de Kamer in het voorjaar een brief.";
        var text = answer + "\n\n" + other;
        var letter = FakeLetterSearch.MakeLetter("006_spoor", text, new DateOnly(2025, 10, 13), "Antwoorden over spoor en begroting") with
        {
            Passages = [new Dossiers.Letters.Passage(0, 0, answer.Length, answer), new Dossiers.Letters.Passage(1, answer.Length + 2, text.Length, other)],
        };
        bot.Search.Letters.Add(letter);
        var observer = RegisterSeed.Observer(bot);
        await observer.OnLetterIngestedAsync(letter,
            [
                RegisterSeed.Promise("006_spoor", "Zoals toegezegd zal het kabinet begin 2026 met een voortgangsbrief komen.", "voortgangsbrief", "begin 2026", new DateOnly(2026, 3, 31), answer.IndexOf("Zoals", StringComparison.Ordinal)),
                RegisterSeed.Promise("006_spoor", "Over de begroting stuurt de minister de Kamer in het voorjaar een brief.", "brief over de begroting", "in het voorjaar", new DateOnly(2027, 6, 1), answer.Length + 2),
            ],
            [], CancellationToken.None);

        var spoor = Reply(await bot.SendAsync("toezeggingen spoor", Bob));

        Assert.Contains("voortgangsbrief", spoor, StringComparison.Ordinal);
        Assert.DoesNotContain("brief over de begroting", spoor, StringComparison.Ordinal);
    }

    /// <summary>
    /// A promise that leans on the sentence before it is listed with that sentence, as the view of one promise shows it
    /// (a QA pass: "Hierover zal uw Kamer separaat worden geïnformeerd." alone in a list said nothing).
    /// </summary>
    [Fact]
    public async Task A_promise_that_leans_on_the_sentence_before_it_is_listed_with_it()
    {
        await using var bot = await SeededAsync();
        const string text = "Het kabinet kijkt momenteel naar aanpassing van de Wet op de vervoersbereidheid. Hierover zal uw Kamer separaat worden geïnformeerd.";
        var letter = FakeLetterSearch.MakeLetter("007_wva", text, new DateOnly(2025, 9, 1), "Brief over vervoersbereidheid");
        bot.Search.Letters.Add(letter);
        var observer = RegisterSeed.Observer(bot);
        await observer.OnLetterIngestedAsync(letter,
            [RegisterSeed.Promise("007_wva", "Hierover zal uw Kamer separaat worden geïnformeerd.", "Hierover zal uw Kamer separaat worden geïnformeerd.", "separaat", null, text.IndexOf("Hierover", StringComparison.Ordinal))],
            [], CancellationToken.None);

        var listed = Reply(await bot.SendAsync("toezeggingen alle", Bob));
        await bot.SendAsync("toezeggingen alle", Bob, supportsCards: true);

        Assert.Contains("Daarvoor in de brief: Het kabinet kijkt momenteel naar aanpassing van de Wet op de vervoersbereidheid.", listed, StringComparison.Ordinal);
        var items = bot.Cards.Rendered[^1].Data["groups"]!.AsArray().SelectMany(g => g!["items"]!.AsArray()).ToList();
        Assert.Equal(1, items.Count(i => (bool)i!["hasContext"]!));
        Assert.StartsWith("Daarvoor in de brief: Het kabinet kijkt", (string?)items.Single(i => (bool)i!["hasContext"]!)!["context"], StringComparison.Ordinal);
    }

    /// <summary>
    /// An empty list says what to try (a QA pass: `toezeggingen defensiegereedheid` said only "Geen toezeggingen
    /// gevonden" while a fulfilled one matched): the same subject over every status, else the list without it.
    /// </summary>
    [Fact]
    public async Task An_empty_list_points_to_the_promises_with_another_status_or_to_the_whole_list()
    {
        await using var bot = await SeededAsync();
        var number = (await bot.PromisesAsync()).Single(p => p.What.Contains("counter-drone", StringComparison.Ordinal)).Number;
        await bot.SendAsync($"toezegging {number} voldaan https://example.org/brief", Anna);

        var closed = Reply(await bot.SendAsync("toezeggingen drones", Bob));
        var nothing = Reply(await bot.SendAsync("toezeggingen onderzeeboten", Bob));
        var missing = Reply(await bot.SendAsync("toezegging 999", Bob));

        Assert.Contains("Geen open toezeggingen over ‘drones’. Wel 1 toezegging met een andere status: typ `toezeggingen drones alle`.", closed, StringComparison.Ordinal);
        Assert.Contains("Geen toezeggingen over ‘onderzeeboten’, ook niet afgerond of ingetrokken. Typ `toezeggingen` voor alle open toezeggingen, of zoek in de brieven met `zoek onderzeeboten`.", nothing, StringComparison.Ordinal);
        Assert.Contains("Toezegging 999 bestaat niet. Typ `toezeggingen alle` voor de nummers.", missing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_promise_text_is_shown_once_on_the_card()
    {
        await using var bot = await SeededAsync();

        await bot.SendAsync("toezeggingen alle", Bob, supportsCards: true);

        var (_, data) = Assert.Single(bot.Cards.Rendered);
        var items = data["groups"]!.AsArray().SelectMany(g => g!["items"]!.AsArray()).ToList();
        var same = items.Single(i => ((string?)i!["what"])!.Contains("suppletoire", StringComparison.Ordinal))!;
        Assert.False((bool)same["hasSentence"]!);
        Assert.Equal("", (string?)same["sentence"]);
        var different = items.Single(i => ((string?)i!["what"])!.Contains("counter-drone", StringComparison.Ordinal))!;
        Assert.True((bool)different["hasSentence"]!);
    }

    /// <summary>
    /// <c>toezeggingen &lt;onderwerp&gt;</c> also lists the official register's promises the topic covers, by the
    /// briefing's rule (a QA pass: the view filtered by letters only and never showed them, while the briefing of the
    /// same topic listed them and sent the reader to the view).
    /// </summary>
    [Fact]
    public async Task A_topic_view_lists_the_register_promises_the_topic_covers()
    {
        await using var bot = await SeededAsync();
        await bot.TopicStore.UpsertAsync(new Briefingbot.Storage.Topic("kustwacht", "kustwacht", Anna.AadObjectId, Now, Now));
        await InsertOfficialAsync(bot, "TZ202612-900", "De minister zegt toe de Kamer te informeren over de inzet van de kustwacht.", "Open");
        await InsertOfficialAsync(bot, "TZ202612-901", "De minister zegt toe de Kamer te informeren over munitie.", "Open");

        var reply = Reply(await bot.SendAsync("toezeggingen kustwacht", Bob));

        Assert.Contains("inzet van de kustwacht", reply);
        Assert.DoesNotContain("munitie", reply);
        Assert.DoesNotContain("counter-drone", reply);
    }

    /// <summary>
    /// A topic covers a letter's promises where the promise's own part of the letter (its paragraph and the text just
    /// before it) matches, not every promise of a letter that mentions the topic once (a QA pass: "toezeggingen drones"
    /// on a topic drones listed the RBZ agenda's promise on rail transport).
    /// </summary>
    [Fact]
    public async Task A_topic_view_lists_the_promises_whose_own_part_of_the_letter_is_on_the_topic()
    {
        await using var bot = new CommandHarness(Now);
        const string text = "Agenda van de Raad\n\n"
            + "Vraag 3\nWat doet het kabinet tegen drones boven kazernes?\n\nAntwoord\nHet kabinet zal de Kamer voor de zomer informeren over de aanpak.\n\n"
            + "Vraag 4\nHoe staat het met het spoor voor militair vervoer?\n\nAntwoord\nHet kabinet zal begin 2026 met een voortgangsbrief over het spoor komen.\n\n"
            + "Vraag 5\nKomt er meer geld voor de marine, de landmacht, de luchtmacht, de marechaussee, het personeel en de kazernes in het hele land?\n\n"
            + "Antwoord\nDe begroting voor volgend jaar volgt in september, met de plannen per onderdeel en de verdeling over de jaren die nog komen en de gevolgen daarvan.\n\n";
        // Its passages as the parser cuts a question-and-answer document: each answer with the question it answers.
        Briefingbot.Dossiers.Letters.Passage Answer(int index, string number, string question, string next) =>
            new(index, text.IndexOf("Vraag " + number, StringComparison.Ordinal), next.Length == 0 ? text.Length : text.IndexOf(next, StringComparison.Ordinal),
                question, Briefingbot.Dossiers.Letters.PassageKind.QuestionAnswer, QuestionNumber: number) { Question = question };
        var letter = FakeLetterSearch.MakeLetter("004_agenda", text, new DateOnly(2025, 11, 20), "Schriftelijk overleg over de agenda van de RBZ Defensie") with
        {
            Passages =
            [
                Answer(0, "3", "Wat doet het kabinet tegen drones boven kazernes?", "Vraag 4"),
                Answer(1, "4", "Hoe staat het met het spoor voor militair vervoer?", "Vraag 5"),
                Answer(2, "5", "Komt er meer geld voor de marine?", ""),
            ],
        };
        bot.Search.Letters.Add(letter);
        var observer = RegisterSeed.Observer(bot);
        var aboutDrones = "Het kabinet zal de Kamer voor de zomer informeren over de aanpak.";
        var aboutRail = "Het kabinet zal begin 2026 met een voortgangsbrief over het spoor komen.";
        await observer.OnLetterIngestedAsync(letter,
            [
                RegisterSeed.Promise("004_agenda", aboutDrones, "Kamer informeren over de aanpak", "voor de zomer", new DateOnly(2027, 7, 1), text.IndexOf(aboutDrones, StringComparison.Ordinal)),
                RegisterSeed.Promise("004_agenda", aboutRail, "voortgangsbrief spoor", "begin 2026", new DateOnly(2027, 3, 31), text.IndexOf(aboutRail, StringComparison.Ordinal)),
            ],
            [], CancellationToken.None);
        await bot.TopicStore.UpsertAsync(new Briefingbot.Storage.Topic("drones", "drones", Anna.AadObjectId, Now, Now));
        await bot.TopicStore.UpsertAsync(new Briefingbot.Storage.Topic("agenda", "agenda", Anna.AadObjectId, Now, Now));

        var drones = Reply(await bot.SendAsync("toezeggingen drones", Bob));
        var rbz = Reply(await bot.SendAsync("toezeggingen agenda", Bob));

        Assert.Contains("informeren over de aanpak", drones, StringComparison.Ordinal);
        Assert.DoesNotContain("voortgangsbrief", drones, StringComparison.Ordinal);
        // A topic the letter's title matches covers every promise in it.
        Assert.Contains("informeren over de aanpak", rbz, StringComparison.Ordinal);
        Assert.Contains("voortgangsbrief", rbz, StringComparison.Ordinal);
    }

    /// <summary>
    /// A register promise the Kamer closed, never changed by an admin, is not overdue in the view of a past day either:
    /// the briefing's rule (a review: the view still took "no history" to mean open, so it disagreed with the briefing).
    /// </summary>
    [Fact]
    public async Task A_closed_register_promise_is_not_overdue_in_the_view_of_a_past_day()
    {
        await using var bot = await SeededAsync();
        await InsertOfficialAsync(bot, "TZ202611-003", "De minister zegt toe een brief te sturen over de kustwacht en drones.", "Fulfilled", due: "2026-11-01");

        var overdue = Reply(await bot.SendAsync("toezeggingen verlopen --per 2026-11-20", Bob));
        var all = Reply(await bot.SendAsync("toezeggingen alle --per 2026-11-20", Bob));

        Assert.DoesNotContain("kustwacht", overdue);
        Assert.Contains("kustwacht", all);
    }

    /// <summary>A row as the sync writes an official register promise (key <c>tk:</c>, no history).</summary>
    private static async Task InsertOfficialAsync(CommandHarness bot, string nummer, string text, string status, string due = "2027-06-01")
    {
        var database = bot.Services.GetRequiredService<Briefingbot.Storage.Database.StoreDatabase>();
        await using var c = await database.OpenAsync();
        using var insert = c.CreateCommand();
        insert.CommandText = """
            INSERT INTO promises (promise_key, letter_id, sentence, start_offset, end_offset, actor, what, deadline_phrase, due_date,
                confidence, letter_date, status, created_at, updated_at)
            VALUES ($key, $letter, $text, 0, 0, 'Brekelmans', $text, NULL, $due, 1, '2026-10-20', $status, '2026-11-24T09:00:00.0000000+00:00', '2026-11-24T09:00:00.0000000+00:00')
            """;
        insert.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter("$key", "tk:" + nummer));
        insert.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter("$letter", "tk-toezegging-" + nummer));
        insert.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter("$text", text));
        insert.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter("$due", due));
        insert.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter("$status", status));
        await insert.ExecuteNonQueryAsync();
    }
}

/// <summary>
/// A promise's own part of a letter with passages: the passage it stands in, its heading and the question it answers,
/// not the paragraph before (a QA pass: the letter's outline "… steun Oekraïne …" counted for the next paragraph).
/// </summary>
public sealed class PromiseOwnPartTests
{
    [Fact]
    public void The_own_part_is_the_passage_with_its_heading_and_question()
    {
        const string raw = "Inhoud: wij gaan in op steun Oekraïne en de begroting.\n\nUw reactie wordt meegenomen in de kabinetsreactie.\n\n"
            + "Vraag 4\nWat is de positie over de leveringszekerheid?\nAntwoord\nHet kabinet houdt de Kamer op de hoogte over gasleveringszekerheid.";
        var outline = raw.IndexOf("Inhoud", StringComparison.Ordinal);
        var reply = raw.IndexOf("Uw reactie", StringComparison.Ordinal);
        var question = raw.IndexOf("Vraag 4", StringComparison.Ordinal);
        var answer = raw.IndexOf("Het kabinet houdt", StringComparison.Ordinal);
        var letter = FakeLetterSearch.MakeLetter("000_x", raw) with
        {
            Passages =
            [
                new Briefingbot.Dossiers.Letters.Passage(0, outline, reply - 2, "Inhoud: wij gaan in op steun Oekraïne en de begroting.", Heading: "Inleiding"),
                new Briefingbot.Dossiers.Letters.Passage(1, reply, question - 2, "Uw reactie wordt meegenomen in de kabinetsreactie.", Heading: "Procedure"),
                new Briefingbot.Dossiers.Letters.Passage(2, answer, raw.Length, "Het kabinet houdt de Kamer op de hoogte over gasleveringszekerheid.",
                    Briefingbot.Dossiers.Letters.PassageKind.QuestionAnswer, QuestionNumber: "4") { Question = "Wat is de positie over de leveringszekerheid?" },
            ],
        };
        Briefingbot.Storage.PromiseRecord At(int start, string sentence) =>
            new(1, "k", "000_x", sentence, start, start + sentence.Length, null, sentence, null, null, 1, null, Briefingbot.Storage.PromiseStatus.Open, null, default, default);

        var procedure = Briefingbot.Registers.Promises.ExtractedPromiseTopics.OwnPart(letter, At(reply, "Uw reactie wordt meegenomen in de kabinetsreactie."));
        var informs = Briefingbot.Registers.Promises.ExtractedPromiseTopics.OwnPart(letter, At(answer, "Het kabinet houdt de Kamer op de hoogte over gasleveringszekerheid."));

        Assert.DoesNotContain("Oekraïne", procedure, StringComparison.Ordinal);
        Assert.Contains("Procedure", procedure, StringComparison.Ordinal);
        Assert.Contains("Wat is de positie over de leveringszekerheid?", informs, StringComparison.Ordinal);
    }
}
