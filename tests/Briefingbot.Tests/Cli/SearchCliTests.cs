using System.Text.Json;

namespace Briefingbot.Tests.Cli;

/// <summary>
/// <c>search</c> on System.CommandLine: misspelled options and bad values are errors (never searched as text),
/// dates are unambiguous, <c>--help</c> shows help without searching, pages follow the configured page size, and the
/// settings are validated as at a server start. The index is real (seed letters in a temp folder).
/// </summary>
public sealed class SearchCliTests : IDisposable
{
    private readonly BotCli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Partial_matches_say_how_many_of_the_words_they_hold_in_text_and_json()
    {
        var text = await _cli.RunAsync("search", "begroting", "paraatheid", "zeewind");
        var json = await _cli.RunAsync("search", "--json", "begroting", "paraatheid", "zeewind");

        Assert.True(text.Exit == 0, text.ToString());
        Assert.Matches(@"\(partial: [12] of 3 words\)", text.Output);
        using var document = System.Text.Json.JsonDocument.Parse(json.Output);
        Assert.Equal(3, document.RootElement.GetProperty("queryWords").GetInt32());
        var words = document.RootElement.GetProperty("hits").EnumerateArray()
            .SelectMany(h => h.GetProperty("passages").EnumerateArray()).Select(p => p.GetProperty("words").GetInt32()).ToList();
        Assert.NotEmpty(words);
        Assert.All(words, w => Assert.InRange(w, 1, 2));
    }

    /// <summary>
    /// Every word found, but read more broadly than typed ("mijnenbestrijding" inside "mijnenbestrijdingsvaartuigen"),
    /// is said so, never "2 of 2 words"; a letter's unknown date leaves no empty slot (QA pass).
    /// </summary>
    [Fact]
    public async Task Partial_matches_of_every_word_and_unknown_dates_read_plainly()
    {
        var run = await _cli.RunAsync("search", "--size", "50", "fregatten", "mijnenbestrijding");
        var headerless = await _cli.RunAsync("search", "rode lijnen staakt-het-vuren");

        Assert.True(run.Exit == 0, run.ToString());
        Assert.Contains("(partial: every word, read more broadly than typed)", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("2 of 2 words", run.Output, StringComparison.Ordinal);
        Assert.Contains("[Schriftelijk overleg; 21 501-28]", headerless.Output, StringComparison.Ordinal);
        var letterLines = (headerless.Output + "\n" + run.Output).Split('\n').Where(l => l.Length > 0 && !char.IsWhiteSpace(l[0]) && l.TrimEnd().EndsWith(']')).ToList();
        Assert.NotEmpty(letterLines);
        Assert.DoesNotContain(letterLines, l => l.Contains("; ;", StringComparison.Ordinal) || l.Contains("; ]", StringComparison.Ordinal) || l.Contains("[;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_misspelled_option_is_an_error_naming_it_and_the_close_one_and_nothing_is_searched()
    {
        var run = await _cli.RunAsync("search", "--form", "2025-01-01", "drones");

        Assert.Equal(2, run.Exit);
        Assert.Contains("Unknown option '--form'", run.Error, StringComparison.Ordinal);
        Assert.Contains("Did you mean '--from'?", run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Output);
        // The action never ran: no index was built for the search.
        Assert.False(Directory.Exists(_cli.IndexPath), run.ToString());
    }

    [Fact]
    public async Task An_unknown_option_after_the_words_is_an_error_too_and_after_double_dash_it_is_text()
    {
        var misspelled = await _cli.RunAsync("search", "drones", "--jsno");
        var literal = await _cli.RunAsync("search", "--json", "drones", "--", "--jsno");

        Assert.Equal(2, misspelled.Exit);
        Assert.Contains("Unknown option '--jsno'", misspelled.Error, StringComparison.Ordinal);
        Assert.Contains("'--json'", misspelled.Error, StringComparison.Ordinal);
        Assert.Equal(0, literal.Exit);
        using var json = JsonDocument.Parse(literal.Output);
        Assert.Contains("drones", json.RootElement.GetProperty("query").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("01/02/2025", "2025-02-01 or 2025-01-02")]
    [InlineData("01-02-2025", "2025-02-01 or 2025-01-02")]
    [InlineData("24/11/2025", "2025-11-24")]
    public async Task A_numeric_date_not_starting_with_the_year_is_refused_with_the_formats_to_use(string date, string hint)
    {
        var run = await _cli.RunAsync("search", "drones", "--from", date);

        Assert.Equal(2, run.Exit);
        Assert.Contains("--from", run.Error, StringComparison.Ordinal);
        Assert.Contains(hint, run.Error, StringComparison.Ordinal);
        Assert.Contains("year-month-day", run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Output);
    }

    [Theory]
    [InlineData("2025-04-01")]
    [InlineData("1 april 2025")]
    [InlineData("1 apr. 2025")]
    public async Task Iso_and_Dutch_written_dates_filter_the_same(string from)
    {
        var run = await _cli.RunAsync("search", "defensie", "--json", "--size", "50", "--from", from);

        Assert.True(run.Exit == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        // A letter without a date of its own (004) is filtered by the date of the meeting it prepares.
        var dates = json.RootElement.GetProperty("hits").EnumerateArray()
            .Select(h => h.GetProperty("date").GetString() ?? h.GetProperty("meetingDate").GetString()).ToList();
        Assert.NotEmpty(dates);
        Assert.Contains(json.RootElement.GetProperty("hits").EnumerateArray(), h => h.GetProperty("date").GetString() is null);
        // The seeds hold letters of 2022 too; none of them passes.
        Assert.All(dates, d => Assert.True(string.CompareOrdinal(d, "2025-04-01") >= 0, d));
        var unfiltered = await _cli.RunAsync("search", "defensie", "--json", "--size", "50");
        using var all = JsonDocument.Parse(unfiltered.Output);
        Assert.Contains(all.RootElement.GetProperty("hits").EnumerateArray(), h => string.CompareOrdinal(h.GetProperty("date").GetString(), "2025-04-01") < 0);
    }

    [Fact]
    public async Task From_after_to_is_refused()
    {
        var run = await _cli.RunAsync("search", "drones", "--from", "2025-03-01", "--to", "1 februari 2025");

        Assert.Equal(2, run.Exit);
        Assert.Contains("--from (2025-03-01) is after --to (2025-02-01)", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--size", "0", "--size expects a whole number from 1 to 50, not '0'")]
    [InlineData("--size", "51", "--size expects a whole number from 1 to 50, not '51'")]
    [InlineData("--page", "abc", "--page expects a whole number from 1 to 1001, not 'abc'")]
    [InlineData("--page", "0", "--page expects a whole number from 1 to 1001, not '0'")]
    [InlineData("--chamber", "senaat", "--chamber must be one of 'Tweede Kamer', 'Eerste Kamer', not 'senaat'")]
    [InlineData("--corpus", "/no/such/folder", "--corpus: folder not found: /no/such/folder")]
    public async Task A_bad_value_is_a_clear_error_and_nothing_runs(string option, string value, string message)
    {
        var run = await _cli.RunAsync("search", "drones", option, value);

        Assert.Equal(2, run.Exit);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Output);
        Assert.False(Directory.Exists(_cli.IndexPath), run.ToString());
    }

    [Fact]
    public async Task The_chamber_is_matched_without_case()
    {
        var run = await _cli.RunAsync("search", "defensie", "--json", "--chamber", "tweede kamer");

        Assert.True(run.Exit == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        Assert.NotEmpty(json.RootElement.GetProperty("hits").EnumerateArray());
    }

    [Fact]
    public async Task Search_help_shows_the_options_and_does_not_search()
    {
        var run = await _cli.RunAsync("search", "--help");

        Assert.Equal(0, run.Exit);
        Assert.Contains("Usage:", run.Output, StringComparison.Ordinal);
        foreach (var option in new[] { "--json", "--page", "--size", "--dossier", "--type", "--chamber", "--from", "--to", "--corpus" })
        {
            Assert.Contains(option, run.Output, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("passages in", run.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_cli.IndexPath), run.ToString());
    }

    [Fact]
    public async Task Top_level_help_lists_every_verb_found_by_reflection()
    {
        var run = await _cli.RunAsync("--help");

        Assert.Equal(0, run.Exit);
        // sync lives in Sources/Cli: found by reflection like the verbs of Cli/.
        foreach (var verb in new[] { "index", "meetings", "promises", "search", "sync" })
        {
            Assert.Matches($@"(?m)^\s+{verb}\b", run.Output);
        }
    }

    [Fact]
    public async Task Ranks_follow_the_configured_page_size()
    {
        var settings = new Dictionary<string, string?> { ["Dossiers:PageSize"] = "3" };

        var run = await _cli.RunAsync(settings, "search", "defensie", "--json", "--page", "2");

        Assert.True(run.Exit == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(3, json.RootElement.GetProperty("pageSize").GetInt32());
        var ranks = json.RootElement.GetProperty("hits").EnumerateArray()
            .SelectMany(h => h.GetProperty("passages").EnumerateArray()).Select(p => p.GetProperty("rank").GetInt32()).ToList();
        Assert.Equal([4, 5, 6], ranks);
    }

    [Fact]
    public async Task Size_overrides_the_configured_page_size()
    {
        var settings = new Dictionary<string, string?> { ["Dossiers:PageSize"] = "3" };

        var run = await _cli.RunAsync(settings, "search", "defensie", "--json", "--size", "2", "--page", "3");

        Assert.True(run.Exit == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(2, json.RootElement.GetProperty("pageSize").GetInt32());
        Assert.Equal(5, json.RootElement.GetProperty("hits")[0].GetProperty("passages")[0].GetProperty("rank").GetInt32());
    }

    [Fact]
    public async Task Invalid_settings_stop_a_verb_as_they_stop_the_server_but_not_its_help()
    {
        var settings = new Dictionary<string, string?> { ["Dossiers:PageSize"] = "0" };

        var run = await _cli.RunAsync(settings, "search", "drones");
        var help = await _cli.RunAsync(settings, "search", "--help");

        Assert.Equal(1, run.Exit);
        Assert.Contains("settings are not valid", run.Error, StringComparison.Ordinal);
        Assert.Contains("PageSize", run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Output);
        Assert.False(Directory.Exists(_cli.IndexPath), run.ToString());
        Assert.Equal(0, help.Exit);
        Assert.Contains("--size", help.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_verb_suggests_the_close_one()
    {
        var run = await _cli.RunAsync("serch", "drones");

        Assert.Equal(2, run.Exit);
        Assert.Contains("Unknown command 'serch'. Did you mean 'search'?", run.Error, StringComparison.Ordinal);
        Assert.Contains("  sync ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_refuses_a_missing_corpus_folder_and_indexes_an_existing_one()
    {
        var missing = await _cli.RunAsync("index", "--corpus", Path.Combine(_cli.Folder, "nope"));
        var indexed = await _cli.RunAsync("index", "--corpus", BotCli.Seeds);

        Assert.Equal(2, missing.Exit);
        Assert.Contains("--corpus: folder not found", missing.Error, StringComparison.Ordinal);
        Assert.True(indexed.Exit == 0, indexed.ToString());
        Assert.Matches(@"Done: (\d+)/\1 letters", indexed.Output);
    }
}
