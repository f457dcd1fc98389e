using Briefingbot.Storage;
using Briefingbot.Tests.Administration.Fakes;
using static Briefingbot.Tests.Administration.Fakes.CommandHarness;

namespace Briefingbot.Tests.Registers;

public class PromiseCommandTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private static async Task<(CommandHarness Bot, long Number)> SeededAsync()
    {
        var bot = new CommandHarness(Now);
        await RegisterSeed.IngestAsync(bot);
        return (bot, (await bot.PromisesAsync()).Single(p => p.DeadlinePhrase == "begin 2026").Number);
    }

    /// <summary>An open promise past its date says so in its own view (a QA pass: "· open" for one due long ago).</summary>
    [Fact]
    public async Task The_view_of_an_open_promise_past_its_date_says_it_is_overdue()
    {
        var (bot, number) = await SeededAsync(); // due 31 March 2026; today is 24 November 2026
        await using var _ = bot;
        var undated = (await bot.PromisesAsync()).Single(p => p.DueDate is null && p.LetterId == RegisterSeed.Letter001).Number;

        Assert.StartsWith($"**Toezegging {number}** · open · **verlopen**", Reply(await bot.SendAsync($"toezegging {number}", Bob)), StringComparison.Ordinal);
        Assert.StartsWith($"**Toezegging {undated}** · open\n", Reply(await bot.SendAsync($"toezegging {undated}", Bob)), StringComparison.Ordinal);
    }

    /// <summary>
    /// A promise of the Tweede Kamer's register is found by the register's number, as its card names it (a QA pass typed
    /// "toezegging TZ202610-010" and was told to use a number); an unknown one still gets the usage.
    /// </summary>
    [Fact]
    public async Task A_register_promise_is_found_by_the_registers_own_number()
    {
        await using var bot = new CommandHarness(Now);
        await bot.PromiseRegister.UpsertExtractedAsync("tk-toezegging-TZ202610-010", new DateOnly(2026, 10, 1),
            [new("tk:TZ202610-010", "tk-toezegging-TZ202610-010", "De minister zegt toe de Kamer te informeren over de dronemuur.", 0, 0,
                "de minister van Defensie", "De Kamer informeren over de dronemuur.", null, null, 1.0)], Now);
        var number = Assert.Single(await bot.PromisesAsync()).Number;

        var found = Reply(await bot.SendAsync("toezegging tz202610-010", Bob));
        var unknown = Reply(await bot.SendAsync("toezegging TZ209912-999", Bob));

        Assert.StartsWith($"**Toezegging {number}** · open", found, StringComparison.Ordinal);
        Assert.Contains("dronemuur", found, StringComparison.Ordinal);
        Assert.StartsWith("Gebruik `toezegging <nr>`", unknown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Non_admin_cannot_mark_a_promise_fulfilled_and_nothing_changes()
    {
        var (bot, number) = await SeededAsync();
        await using var _ = bot;

        var turn = await bot.SendAsync($"toezegging {number} voldaan https://example.org/brief", Bob);

        Assert.StartsWith("Alleen beheerders kunnen de status van toezeggingen wijzigen", Reply(turn));
        Assert.Equal(PromiseStatus.Open, (await bot.PromiseRegister.GetAsync(number))!.Status);
        Assert.Empty(await bot.PromiseRegister.HistoryAsync(number));
        Assert.Empty((await bot.AuditAsync()));
    }

    [Fact]
    public async Task Admin_marks_fulfilled_with_a_link_and_it_is_in_history_and_audit()
    {
        var (bot, number) = await SeededAsync();
        await using var _ = bot;

        var turn = await bot.SendAsync($"toezegging {number} voldaan https://zoek.officielebekendmakingen.nl/kst-21501-28-300.html", Anna);

        Assert.Contains("staat nu op **voldaan** ([kst-21501-28-300 op zoek.officielebekendmakingen.nl](https://zoek.officielebekendmakingen.nl/kst-21501-28-300.html))", Reply(turn));
        var promise = (await bot.PromiseRegister.GetAsync(number))!;
        Assert.Equal((PromiseStatus.Fulfilled, "https://zoek.officielebekendmakingen.nl/kst-21501-28-300.html"), (promise.Status, promise.FulfilledBy));
        var change = Assert.Single(await bot.PromiseRegister.HistoryAsync(number));
        Assert.Equal((Anna.AadObjectId, Now), (change.ChangedBy, change.ChangedAt));
        var audit = Assert.Single((await bot.AuditAsync()));
        Assert.Equal(("promise.status", Anna.AadObjectId, Now), (audit.Action, audit.ActorAadObjectId, audit.At));
        Assert.Contains($"toezegging {number}: open → voldaan", audit.Details);
        var shown = Reply(await bot.SendAsync($"toezegging {number}", Anna));
        Assert.Contains("- Voldaan met: [kst-21501-28-300 op zoek.officielebekendmakingen.nl](https://zoek.officielebekendmakingen.nl/kst-21501-28-300.html)", shown);
    }

    [Fact]
    public async Task Where_cards_are_shown_the_confirmation_is_a_note_card_and_elsewhere_Markdown_text()
    {
        var (bot, number) = await SeededAsync();
        await using var _ = bot;

        var withCards = await bot.SendAsync($"toezegging {number}", Anna, supportsCards: true);
        var withoutCards = await bot.SendAsync($"toezegging {number}", Anna);

        var card = Assert.Single(Assert.Single(withCards.Sent).Attachments!);
        Assert.Equal($"Toezegging {number} · open · verlopen", withCards.Sent[0].Summary); // the notification preview: plain text (due 31 March 2026)
        Assert.Equal("application/vnd.microsoft.card.adaptive", card.ContentType);
        var (template, data) = bot.Cards.Rendered[^1];
        Assert.Equal("note", template);
        Assert.Contains($"**Toezegging {number}**", data.ToJsonString(), StringComparison.Ordinal);
        Assert.StartsWith($"**Toezegging {number}**", Assert.Single(withoutCards.Sent).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_letter_id_as_evidence_may_be_written_as_the_letter_is_opened()
    {
        // A QA pass: "toezegging 8 voldaan brief 003_…" was refused as "geen bekende brief".
        var (bot, number) = await SeededAsync();
        await using var _ = bot;

        await bot.SendAsync($"toezegging {number} voldaan brief {RegisterSeed.Letter000}", Anna);

        Assert.Equal(RegisterSeed.Letter000, (await bot.PromiseRegister.GetAsync(number))!.FulfilledBy);
    }

    [Fact]
    public async Task Letter_id_as_evidence_becomes_the_letters_link()
    {
        var (bot, number) = await SeededAsync();
        await using var _ = bot;

        var changed = Reply(await bot.SendAsync($"toezegging {number} voldaan {RegisterSeed.Letter000}", Anna));
        var shown = Reply(await bot.SendAsync($"toezegging {number}", Bob));

        // Kept by its id, shown by its title and how to open it (a QA pass: letter 004's link is its dossier's page).
        Assert.Equal(RegisterSeed.Letter000, (await bot.PromiseRegister.GetAsync(number))!.FulfilledBy);
        var named = $"[Kabinetsappreciatie Witboek](https://example.org/{RegisterSeed.Letter000}) · `brief {RegisterSeed.Letter000}`";
        Assert.Contains($"staat nu op **voldaan** ({named})", changed, StringComparison.Ordinal);
        Assert.Contains($"- Voldaan met: {named}", shown, StringComparison.Ordinal);
        Assert.Contains($"voldaan door", shown[shown.IndexOf("**Geschiedenis**", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Contains($"({named})", shown[shown.IndexOf("**Geschiedenis**", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_evidence_or_number_changes_nothing()
    {
        var (bot, number) = await SeededAsync();
        await using var _ = bot;

        var badEvidence = await bot.SendAsync($"toezegging {number} voldaan ergens-in-een-la", Anna);
        var badNumber = await bot.SendAsync("toezegging 999 voldaan", Anna);
        var badVerb = await bot.SendAsync($"toezegging {number} misschien", Anna);

        Assert.Contains("geen link", Reply(badEvidence));
        Assert.Contains("bestaat niet", Reply(badNumber));
        Assert.Contains("ken ik niet", Reply(badVerb));
        Assert.Equal(PromiseStatus.Open, (await bot.PromiseRegister.GetAsync(number))!.Status);
        Assert.Empty((await bot.AuditAsync()));
    }

    [Fact]
    public async Task Reopen_and_withdraw_keep_a_history_that_the_promise_view_shows()
    {
        var (bot, number) = await SeededAsync();
        await using var _ = bot;
        await bot.SendAsync($"toezegging {number} voldaan", Anna);
        bot.Time.Advance(TimeSpan.FromDays(1));
        await bot.SendAsync($"toezegging {number} heropend", Anna);
        bot.Time.Advance(TimeSpan.FromDays(1));
        await bot.SendAsync($"toezegging {number} ingetrokken", Anna);

        var shown = Reply(await bot.SendAsync($"toezegging {number}", Bob));

        Assert.Equal([PromiseStatus.Fulfilled, PromiseStatus.Open, PromiseStatus.Withdrawn], (await bot.PromiseRegister.HistoryAsync(number)).Select(h => h.Status));
        Assert.Contains("**Toezegging " + number + "** · ingetrokken", shown);
        Assert.Contains("24 november 2026 10:00: voldaan", shown);
        Assert.Contains("25 november 2026 10:00: heropend", shown); // not "open", as if it had always been (QA pass)
        Assert.Contains("26 november 2026 10:00: ingetrokken", shown);
        Assert.Equal(3, (await bot.AuditAsync()).Count);
    }

    /// <summary>
    /// The letter's sentence is quoted only where it says more than the promise's summary, and register texts are shown
    /// as written, not as Markdown (a QA pass: the same text twice).
    /// </summary>
    [Fact]
    public async Task The_promise_view_shows_its_text_once_and_escaped()
    {
        var (bot, number) = await SeededAsync();
        await using var _ = bot;
        var promise = (await bot.PromiseRegister.GetAsync(number))!;
        const string Text = "Een **vet** [plan](https://phish.example) wordt voor de zomer naar de Kamer gestuurd.";
        await bot.PromiseRegister.UpsertExtractedAsync(promise.LetterId, promise.LetterDate,
            [new Briefingbot.Dossiers.Promises.ExtractedPromise(promise.Key + "-same", promise.LetterId, Text, promise.Start, promise.End, promise.Actor, Text, "voor de zomer", null, 0.9)], Now);
        var same = (await bot.PromisesAsync()).Single(p => p.Key == promise.Key + "-same");

        var shown = Reply(await bot.SendAsync($"toezegging {same.Number}", Bob));

        Assert.Contains(@"- Wat: Een \*\*vet\*\* \[plan](https://phish.example) wordt voor de zomer", shown);
        Assert.DoesNotContain("> ", shown);

        // A summary cut short: the whole sentence is quoted.
        const string Sentence = "Het kabinet informeert de Kamer voor de zomer over de uitvoering van de maatregelen voor Oekraïne en de NAVO.";
        async Task<string> ShowAsync(string key, string what)
        {
            await bot.PromiseRegister.UpsertExtractedAsync(promise.LetterId, promise.LetterDate,
                [new Briefingbot.Dossiers.Promises.ExtractedPromise(promise.Key + key, promise.LetterId, Sentence, promise.Start, promise.End, promise.Actor, what, "voor de zomer", null, 0.9)], Now);
            var added = (await bot.PromisesAsync()).Single(p => p.Key == promise.Key + key);
            return Reply(await bot.SendAsync($"toezegging {added.Number}", Bob));
        }
        var cutShown = await ShowAsync("-cut", "Het kabinet informeert de Kamer voor de zomer over de uitvoering van de maatregelen voor Oekraïne…");
        Assert.Contains("> " + Sentence, cutShown);
        // The cut summary is a piece of the quoted sentence: not shown again as "Wat" (a visual review).
        Assert.DoesNotContain("- Wat:", cutShown);
        Assert.Single(cutShown.Split("uitvoering van de maatregelen").Skip(1));

        // A summary in other words than the sentence is still shown under it.
        var otherShown = await ShowAsync("-other", "Kamer informeren over maatregelen Oekraïne");
        Assert.Contains("> " + Sentence, otherShown);
        Assert.Contains("- Wat: Kamer informeren over maatregelen Oekraïne", otherShown);
    }

    [Fact]
    public async Task Same_status_again_is_not_a_change()
    {
        var (bot, number) = await SeededAsync();
        await using var _ = bot;

        var turn = await bot.SendAsync($"toezegging {number} heropend", Anna);

        Assert.Contains("staat al op open", Reply(turn));
        Assert.Empty((await bot.AuditAsync()));
    }
}
