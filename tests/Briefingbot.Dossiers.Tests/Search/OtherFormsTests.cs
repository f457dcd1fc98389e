using Briefingbot.Dossiers.Letters;
using Briefingbot.Dossiers.Search;
using Briefingbot.Dossiers.Summaries;
using Briefingbot.Dossiers.Tests.Index;

namespace Briefingbot.Dossiers.Tests.Search;

/// <summary>
/// <see cref="SearchResponse.AlsoSearched"/>: the marked words of a page the user did not type (a synonym, an
/// abbreviation's other form), and never an inflection, a compound or part of a typed word, or the months a
/// "wanneer" question hints at.
/// </summary>
public sealed class OtherFormsTests : IAsyncLifetime
{
    private readonly TestIndex _index = new(parser: new LetterParser(), summarizer: new ExtractiveSummarizer());

    public async Task InitializeAsync()
    {
        _index.WriteLetter("a.txt", TestLetters.Text("Materieel",
            "Het kabinet regelt de aanschaf van drones samen met de Noorse marine.",
            "Aanschaf van drones gaat voor: de aanschaf van drones is dringend.",
            "De dronebestrijding op de kazernes krijgt in juni meer geld.",
            "Het Europees Defensiefonds (EDF) financiert onderzoek naar sensoren.",
            "Het EDF betaalt ook projecten voor de marine.",
            "Het mobiliteitspakket en een apart pakket voor de havens liggen bij de Kamer.",
            "De gebouwen op de kazerne zijn oud, schrijft de minister in twee brieven.",
            "De Verenigde Staten leveren nieuwe radars voor de luchtverdediging.",
            "Het Verenigd Koninkrijk en de Verenigde Naties overleggen over de radars.",
            "De VS sturen ook tanks naar Polen.",
            "Taakspecialisatie vraagt een kader.",
            "Specialisatie volgt uit de wettelijke taken van een land."));
        await _index.IngestAsync();
    }

    public Task DisposeAsync()
    {
        _index.Dispose();
        return Task.CompletedTask;
    }

    private Task<SearchResponse> SearchAsync(string query) => _index.Search.SearchAsync(query, new SearchFilters { PageSize = 10 });

    [Fact]
    public async Task A_synonym_is_listed_once_as_written_inside_a_sentence_and_the_typed_word_is_not()
    {
        // "aanschaf" and "Aanschaf" (a sentence's first word) are one form.
        var response = await SearchAsync("inkoop drones");

        Assert.Equal(["aanschaf"], response.AlsoSearched);
    }

    [Theory]
    [InlineData("edf", "Europees Defensiefonds")]
    [InlineData("europees defensiefonds", "EDF")]
    public async Task An_abbreviations_other_form_is_listed(string query, string other)
    {
        var response = await SearchAsync(query);

        Assert.Contains(other, response.AlsoSearched);
    }

    [Theory]
    [InlineData("drones")] // "drones", "dronebestrijding": the typed word, a compound holding it
    [InlineData("wanneer dronebestrijdng")] // "juni": the hint of a "wanneer" question (marked in the typo step)
    [InlineData("brief")] // "brieven": another inflection, not a substring
    [InlineData("kazernegebouwen")] // "kazerne", "gebouwen": the typed compound's parts, found apart
    [InlineData("mobiliteitspakket")] // "pakket": a part of the typed compound, found apart
    [InlineData("taakspecialisatie")] // "taken": the typed compound's front in another inflection, found apart (QA pass)
    [InlineData("marin*")] // "marine": what the prefix asks for
    public async Task Forms_of_the_typed_words_are_not_listed(string query)
    {
        var response = await SearchAsync(query);

        Assert.NotEmpty(response.Passages);
        Assert.Empty(response.AlsoSearched);
    }

    [Fact]
    public async Task A_countrys_adjective_is_listed_when_the_country_is_typed()
    {
        // "Noorse" is Norway's adjective: typed "noorwegen" finds it, and the card says so.
        var response = await SearchAsync("noorwegen");

        Assert.Equal(["Noorse"], response.AlsoSearched);
    }

    [Fact]
    public async Task An_alternative_of_two_words_is_searched_as_a_phrase_and_listed_as_one()
    {
        // "amerikaanse" also finds "Verenigde Staten", never "Verenigd Koninkrijk" or "Verenigde Naties" by one word.
        var response = await SearchAsync("amerikaanse radars");

        var full = Assert.Single(response.Passages, p => p.MatchesAllTerms);
        Assert.StartsWith("De Verenigde Staten leveren", full.Passage.Text, StringComparison.Ordinal);
        Assert.Contains("**Verenigde Staten**", full.Snippet.Markdown, StringComparison.Ordinal);
        Assert.All(response.Passages, p => Assert.DoesNotContain("**Verenigd", p.Snippet.Markdown.Replace("**Verenigde Staten**", "", StringComparison.Ordinal), StringComparison.Ordinal));
        Assert.Contains("Verenigde Staten", response.AlsoSearched);
        Assert.DoesNotContain(response.AlsoSearched, f => f.StartsWith("Verenigd ", StringComparison.Ordinal) || f == "Verenigd");
    }

    [Fact]
    public async Task A_british_topic_finds_the_united_kingdom()
    {
        var response = await SearchAsync("britse radars");

        var full = Assert.Single(response.Passages, p => p.MatchesAllTerms);
        Assert.StartsWith("Het Verenigd Koninkrijk en de Verenigde Naties", full.Passage.Text, StringComparison.Ordinal);
        Assert.Equal(["Verenigd Koninkrijk"], response.AlsoSearched);
    }

    [Fact]
    public async Task Typed_words_that_write_an_alternative_of_several_words_also_find_the_group()
    {
        // "verenigde staten" typed finds "VS" (and "Verenigde Staten" itself); "Verenigd Koninkrijk" only by a word.
        var response = await SearchAsync("verenigde staten tanks");

        var full = Assert.Single(response.Passages, p => p.MatchesAllTerms);
        Assert.Equal("De VS sturen ook tanks naar Polen.", full.Passage.Text);
        Assert.Equal(["VS"], response.AlsoSearched);
    }
}
