using Briefingbot.Dossiers.Search;

namespace Briefingbot.Dossiers.Tests.Search;

/// <summary>
/// Topics against texts that are not letters (register promises): the search's strict step, with its synonyms and
/// the abbreviations the texts and the letters define.
/// </summary>
public sealed class ShortTextMatcherTests
{
    private static readonly string[] Promises =
    [
        "De minister zegt toe de aanschaf van fregatten te versnellen.",
        "De minister zegt toe de Kamer te informeren over contracten van het NATO Support and Procurement Agency.",
        "De staatssecretaris zegt toe dat de NSPA ook brandstof levert aan de marine.",
        "De minister stuurt een brief over het Europees Defensiefonds (EDF) en de drones.",
        "De minister meldt wat het EDF betaalt voor sensoren.",
        "De minister schrijft over het ras van de diensthonden.",
    ];

    private static readonly (string Short, string Long)[] LettersDefine =
    [
        ("nspa", "nato support and procurement agency"),
        ("ras", "rapid alert system"),
    ];

    [Fact]
    public void A_synonym_covers_a_promise_as_it_does_a_letter()
    {
        using var matcher = new ShortTextMatcher(Promises);

        Assert.Equal([0], matcher.Matching("inkoop fregatten"));
    }

    [Theory]
    [InlineData("nspa contracten", 1)] // the long form, as a promise writes it
    [InlineData("nato support and procurement agency brandstof", 2)] // the short form, written in capitals
    public void An_abbreviation_the_letters_define_covers_its_other_form(string topic, int promise)
    {
        using var withPairs = new ShortTextMatcher(Promises, LettersDefine);
        using var without = new ShortTextMatcher(Promises);

        Assert.Equal([promise], withPairs.Matching(topic));
        Assert.Empty(without.Matching(topic));
    }

    [Fact]
    public void An_abbreviation_a_text_defines_covers_the_other_texts()
    {
        using var matcher = new ShortTextMatcher(Promises);

        Assert.Equal([4], matcher.Matching("europees defensiefonds sensoren"));
    }

    [Fact]
    public void A_word_that_is_also_a_short_form_is_not_covered_by_the_long_form()
    {
        using var matcher = new ShortTextMatcher(Promises, LettersDefine);

        Assert.Empty(matcher.Matching("rapid alert system"));
        Assert.Equal([5], matcher.Matching("ras"));
    }

    [Fact]
    public void A_word_in_many_texts_keeps_its_synonyms()
    {
        // 30 of 31 texts say "inkoop": a common word, which the search would not expand; a topic still covers "aanschaf".
        var texts = Enumerable.Range(0, 30).Select(i => $"Toezegging {i} over de inkoop van onderdelen.").Append("De aanschaf van fregatten gaat door.").ToList();
        using var matcher = new ShortTextMatcher(texts);

        Assert.Contains(30, matcher.Matching("inkoop fregatten"));
    }
}
