using Briefingbot.Sources.Feed;
using Briefingbot.Sources.Registers;
using Briefingbot.Storage;

namespace Briefingbot.Tests.Sources;

public sealed class OfficialPromisesTests
{
    private static readonly DateTimeOffset At = new(2025, 11, 24, 7, 0, 0, TimeSpan.Zero);

    private static PromiseRecord Record(long number, string key, string what, DateOnly? made, DateOnly? due, string letter = "brief-1") =>
        new(number, key, letter, what, 0, 0, null, what, null, due, 1, made, PromiseStatus.Open, null, At, At);

    private static PromiseRecord Official(string what, DateOnly made, DateOnly? due = null) =>
        Record(1, "tk:TZ202511-001", what, made, due, OfficialPromises.LetterIdPrefix + "TZ202511-001");

    [Fact]
    public void An_extracted_promise_about_the_same_commitment_is_shown_once_as_the_official_one()
    {
        var official = Official("De minister zegt toe de Kamer voor de zomer te informeren over de levering van luchtverdedigingssystemen aan Oekraïne.", new DateOnly(2025, 11, 12), new DateOnly(2026, 7, 1));
        var extracted = Record(2, "x1", "de Kamer voor de zomer informeren over de levering van luchtverdedigingssystemen aan Oekraine", new DateOnly(2025, 11, 20), new DateOnly(2026, 7, 1));
        var other = Record(3, "x2", "de Kamer informeren over de munitievoorraden van de krijgsmacht", new DateOnly(2025, 11, 20), null);

        var shown = OfficialPromises.WithoutDuplicates([official, extracted, other]);

        Assert.Equal([1L, 3L], shown.Select(p => p.Number));
    }

    [Fact]
    public void The_same_words_months_apart_or_with_far_apart_due_dates_are_different_commitments()
    {
        var official = Official("De minister zegt toe de Kamer te informeren over de levering van luchtverdedigingssystemen aan Oekraïne.", new DateOnly(2025, 1, 10), new DateOnly(2025, 3, 1));
        var muchLater = Record(2, "x1", "de Kamer informeren over de levering van luchtverdedigingssystemen aan Oekraine", new DateOnly(2025, 11, 20), null);
        var otherDue = Record(3, "x2", "de Kamer informeren over de levering van luchtverdedigingssystemen aan Oekraine", new DateOnly(2025, 1, 20), new DateOnly(2025, 12, 1));

        Assert.False(OfficialPromises.SameCommitment(official, muchLater));
        Assert.False(OfficialPromises.SameCommitment(official, otherDue));
    }

    [Fact]
    public void Register_rows_carry_number_who_ministry_status_and_term()
    {
        var row = OfficialPromises.ToRegisterRow(new TkToezegging("id", false, null, "TZ202511-001", "De minister zegt toe  de Kamer\nte informeren.", "Brekelmans, R.P.",
            "minister van Defensie", "Ministerie van Defensie", "Deels afgedaan", new DateOnly(2025, 11, 12), new DateOnly(2026, 3, 1), null, null));

        Assert.Equal("tk-toezegging-TZ202511-001", row.LetterId);
        Assert.Equal("Brekelmans, R.P. (minister van Defensie)", row.Actor);
        Assert.Equal("De minister zegt toe de Kamer te informeren.", row.What);
        Assert.Contains("Toezegging TZ202511-001, Ministerie van Defensie, status deels afgedaan", row.Sentence, StringComparison.Ordinal);
        Assert.Equal(PromiseStatus.Open, row.Status);
        Assert.Equal(new DateOnly(2026, 3, 1), row.DueDate);
        Assert.Equal(PromiseStatus.Fulfilled, OfficialPromises.StatusOf("Voldaan"));
        Assert.Equal(PromiseStatus.Withdrawn, OfficialPromises.StatusOf("Vervallen"));
    }

    /// <summary>
    /// In a list a register promise's sentence is its text plus the register's note: shown under its text it repeated
    /// the same words (a QA pass). Only a sentence that says more than the text is shown.
    /// </summary>
    [Fact]
    public void A_register_promises_sentence_is_not_shown_again_under_its_own_text()
    {
        const string text = "De minister zegt toe de Kamer te informeren over de dronemuur.";
        var official = Official(text, new DateOnly(2026, 11, 2)) with
        {
            Sentence = text + " [Toezegging TZ202611-050, Ministerie van Defensie, status openstaand]",
        };
        var extracted = Record(2, "x1", "De Kamer informeren over de dronemuur.", null, null) with
        {
            Sentence = "Het kabinet zal de Kamer voor de zomer informeren over de dronemuur en de kosten daarvan.",
        };

        Assert.False(Briefingbot.Registers.Promises.PromiseCards.SentenceAddsToWhat(official));
        Assert.True(Briefingbot.Registers.Promises.PromiseCards.SentenceSaysMore(official));
        Assert.True(Briefingbot.Registers.Promises.PromiseCards.SentenceAddsToWhat(extracted));
    }
}
