using Briefingbot.Registers;
using Briefingbot.Registers.Promises;
using Briefingbot.Tests.Administration.Fakes;
using Microsoft.Extensions.DependencyInjection;
using static Briefingbot.Tests.Administration.Fakes.CommandHarness;

namespace Briefingbot.Tests.Registers;

/// <summary>
/// The sentence before a promise that leans on it ("Hierover zal uw Kamer separaat worden geïnformeerd"), shown in the
/// view of one promise with the letter's date and how to open it (a QA pass: no context, no date, no way to the letter).
/// </summary>
public sealed class PromiseContextTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private const string Text =
        "Olie\n\nHet kabinet borgt de olieleveringszekerheid met een voorraad. Het kabinet kijkt momenteel naar aanpassing\n"
        + "van de Wva 2012, omdat hier diverse kwetsbaarheden naar voren zijn gekomen. \nHierover zal uw Kamer separaat worden geïnformeerd. "
        + "Het kabinet stuurt de Kamer voor de zomer de nota over de begroting.";

    [Theory]
    [InlineData("Hierover zal uw Kamer separaat worden geïnformeerd.", true)]
    [InlineData("Uw Kamer zal hier langs gebruikelijke procedures over worden geïnformeerd.", true)]
    [InlineData("Over deze twee laatst genoemde initiatieven wordt uw Kamer separaat geïnformeerd.", true)]
    [InlineData("Hoe dit er concreet uitziet, hoort uw Kamer in het voorjaar.", true)]
    [InlineData("Het kabinet stuurt de Kamer voor de zomer de nota over de begroting.", false)]
    [InlineData("De minister informeert de Kamer over de uitkomsten van de Raad die in december plaatsvindt.", false)]
    public void A_promise_that_points_back_is_recognised(string sentence, bool leans)
    {
        Assert.Equal(leans, PromiseContext.LeansOnWhatCameBefore(sentence));
    }

    [Fact]
    public void The_previous_sentence_is_read_from_the_letter_whitespace_collapsed()
    {
        var start = Text.IndexOf("Hierover", StringComparison.Ordinal);

        Assert.Equal("Het kabinet kijkt momenteel naar aanpassing van de Wva 2012, omdat hier diverse kwetsbaarheden naar voren zijn gekomen.",
            PromiseContext.PreviousSentence(Text, start));
        // The start of a paragraph has no previous sentence in it; offsets outside the text have none.
        Assert.Null(PromiseContext.PreviousSentence(Text, Text.IndexOf("Het kabinet borgt", StringComparison.Ordinal)));
        Assert.Null(PromiseContext.PreviousSentence(Text, Text.Length + 5));
    }

    /// <summary>A long context is cut at its start between words (a QA pass: "… oorbereiding om obstakels …").</summary>
    [Fact]
    public void A_long_context_is_cut_at_a_word()
    {
        var shortened = PromiseContext.Shorten("De voorbereiding om obstakels weg te nemen op het gebied van oefenterreinen en infrastructuur.", 61);

        Assert.Equal("… nemen op het gebied van oefenterreinen en infrastructuur.", shortened);
        Assert.True(shortened.Length <= 61);
        Assert.Equal("Kort.", PromiseContext.Shorten("Kort.", 60));
    }

    [Fact]
    public async Task The_view_of_one_promise_shows_what_it_points_back_to_and_how_to_open_the_letter()
    {
        await using var bot = new CommandHarness(Now);
        var letter = FakeLetterSearch.MakeLetter("001_olie", Text, new DateOnly(2025, 8, 28), "Antwoorden over het Witboek");
        bot.Search.Letters.Add(letter);
        var observer = RegisterSeed.Observer(bot);
        var sentence = "Hierover zal uw Kamer separaat worden geïnformeerd.";
        await observer.OnLetterIngestedAsync(letter, [RegisterSeed.Promise("001_olie", sentence, "Kamer separaat informeren", null, null, Text.IndexOf(sentence, StringComparison.Ordinal))], [], CancellationToken.None);
        var number = Assert.Single(await bot.PromisesAsync()).Number;

        var reply = Reply(await bot.SendAsync($"toezegging {number}", Bob));

        Assert.Contains("Daarvoor in de brief: Het kabinet kijkt momenteel naar aanpassing van de Wva 2012", reply, StringComparison.Ordinal);
        Assert.Contains("> Hierover zal uw Kamer separaat worden geïnformeerd.", reply, StringComparison.Ordinal);
        Assert.Contains("28 augustus 2025 · `brief 001_olie`", reply, StringComparison.Ordinal);
    }
}
