using Briefingbot.Chat.Search;

namespace Briefingbot.Tests.Chat;

public class SearchQueryParserTests
{
    [Fact]
    public void Plain_words_have_no_filters()
    {
        var r = SearchQueryParser.Parse("drones counter-drone");
        Assert.Equal("drones counter-drone", r.Query);
        Assert.False(r.HasFilters);
    }

    [Theory]
    [InlineData("drones dossier 21501-28", "21501-28")]
    [InlineData("drones dossier 21 501-28", "21 501-28")]
    [InlineData("drones Kamerstuk 36 410 X", "36 410 X")]
    [InlineData("drones dossier 22112", "22112")]
    public void Dossier_numbers_in_any_spacing(string text, string dossier)
    {
        var r = SearchQueryParser.Parse(text);
        Assert.Equal("drones", r.Query);
        Assert.Equal(dossier, r.Filters.Dossier);
    }

    [Fact]
    public void Since_a_year_starts_on_the_first_of_January()
    {
        var r = SearchQueryParser.Parse("Oekraïne sinds 2025");
        Assert.Equal("Oekraïne", r.Query);
        Assert.Equal(new DateOnly(2025, 1, 1), r.Filters.From);
        Assert.Null(r.Filters.To);
    }

    [Fact]
    public void From_year_to_year_covers_both_years()
    {
        var r = SearchQueryParser.Parse("drones van 2024 tot 2025");
        Assert.Equal("drones", r.Query);
        Assert.Equal(new DateOnly(2024, 1, 1), r.Filters.From);
        Assert.Equal(new DateOnly(2025, 12, 31), r.Filters.To);
    }

    [Fact]
    public void Dates_and_months_in_Dutch()
    {
        var r = SearchQueryParser.Parse("navo sinds 3 maart 2025 tot en met juni 2025");
        Assert.Equal("navo", r.Query);
        Assert.Equal(new DateOnly(2025, 3, 3), r.Filters.From);
        Assert.Equal(new DateOnly(2025, 6, 30), r.Filters.To);
        Assert.Equal(new DateOnly(2024, 12, 31), SearchQueryParser.Parse("navo voor 2025").Filters.To);
        Assert.Equal(new DateOnly(2024, 1, 1), SearchQueryParser.Parse("navo in 2024").Filters.From);
        Assert.Equal(new DateOnly(2025, 4, 11), SearchQueryParser.Parse("navo sinds 2025-04-11").Filters.From);
    }

    [Fact]
    public void Type_and_chamber_filters()
    {
        var r = SearchQueryParser.Parse("drones type brief regering kamer eerste");
        Assert.Equal("drones", r.Query);
        Assert.Equal("brief regering", r.Filters.DocumentType);
        Assert.Equal("Eerste Kamer", r.Filters.Chamber);
        Assert.Equal("Tweede Kamer", SearchQueryParser.Parse("drones Tweede Kamer").Filters.Chamber);
        Assert.Equal("schriftelijk overleg", SearchQueryParser.Parse("type Schriftelijk Overleg drones").Filters.DocumentType);
    }

    [Theory]
    [InlineData("brief van de minister over drones")]
    [InlineData("voor de zomer informeren")]
    [InlineData("tot slot de kamer")]
    [InlineData("dossier over drones")]
    [InlineData("in de Europese Unie")]
    public void Filter_words_without_a_valid_value_stay_search_words(string text)
    {
        var r = SearchQueryParser.Parse(text);
        Assert.Equal(text, r.Query);
        Assert.False(r.HasFilters);
    }

    /// <summary>Options of other commands were searched as words (a QA pass: "zoek drones --size 1000"); "--per" is "tot".</summary>
    [Fact]
    public void Options_are_not_search_words_and_per_is_an_end_date()
    {
        var sized = SearchQueryParser.Parse("drones --size 1000 --foo");
        var per = SearchQueryParser.Parse("drones --per 2025-01-01");

        Assert.Equal("drones 1000", sized.Query);
        Assert.Equal("--size --foo", sized.Ignored);
        Assert.Equal("drones", per.Query);
        Assert.Equal(new DateOnly(2025, 1, 1), per.Filters.To);
        Assert.Null(per.Ignored);
        Assert.Equal("-drones", SearchQueryParser.Parse("-drones").Query); // one dash still excludes a word
    }

    [Fact]
    public void Very_long_input_is_cut_to_the_maximum_query_length()
    {
        var r = SearchQueryParser.Parse(string.Join(' ', Enumerable.Repeat("drones", 20_000)));
        Assert.True(r.Query.Length <= SearchRequest.MaxQueryLength);
    }

    [Fact]
    public void A_request_survives_the_round_trip_through_button_data()
    {
        var r = SearchQueryParser.Parse("drones dossier 21501-28 van 2024 tot 2025 type motie kamer tweede").WithPage(2);
        var json = System.Text.Json.JsonSerializer.SerializeToElement(r.ToActionData("meer", "meer"));
        Assert.True(SearchRequest.TryRead(json, out var back));
        // What was typed is not button data: the next page repeats the request that was answered.
        Assert.Equal(r with { Typed = null }, back);
    }

    /// <summary>The whole text is kept when filters were read from it, for a search without them when they find nothing.</summary>
    [Theory]
    [InlineData("militaire steun in 2026", "militaire steun in 2026")]
    [InlineData("kamerstuk 30821 nr 321", "kamerstuk 30821 nr 321")]
    [InlineData("drones", null)]
    public void The_typed_text_is_kept_when_filters_were_read_from_it(string text, string? typed)
    {
        Assert.Equal(typed, SearchQueryParser.Parse(text).Typed);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("42")]
    [InlineData("{}")]
    [InlineData("{\"q\":5}")]
    [InlineData("{\"q\":\"drones\",\"page\":-1}")]
    [InlineData("{\"q\":\"drones\",\"page\":99999999999}")]
    [InlineData("{\"q\":\"drones\",\"page\":\"abc\"}")]
    [InlineData("{\"q\":\"drones\",\"page\":[1]}")]
    public void Forged_or_stale_button_data_is_rejected_without_exceptions(string json)
    {
        Assert.False(SearchRequest.TryRead(System.Text.Json.JsonDocument.Parse(json).RootElement, out _));
    }

    [Fact]
    public void Bad_filter_values_in_button_data_are_dropped()
    {
        var json = System.Text.Json.JsonDocument.Parse("{\"q\":\"drones\",\"page\":1,\"f\":{\"from\":\"gisteren\",\"dossier\":5,\"chamber\":\"" + new string('x', 500) + "\"}}").RootElement;
        Assert.True(SearchRequest.TryRead(json, out var r));
        Assert.False(r.HasFilters);
        Assert.Equal(1, r.Page);
    }
}
