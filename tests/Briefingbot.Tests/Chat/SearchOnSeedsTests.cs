using Briefingbot.Tests.Chat.Fakes;

namespace Briefingbot.Tests.Chat;

/// <summary>The search commands on the real Lucene index over the five seed letters (issue 4's acceptance walk).</summary>
public sealed class SearchOnSeedsTests(SeedIndex seeds) : IClassFixture<SeedIndex>, IDisposable
{
    private readonly ChatTestHost _host = new(seeds.Search);

    [Fact]
    public async Task Drones_finds_a_letter_about_drones_first_with_highlighted_terms()
    {
        var turn = await _host.SayAsync("drones");
        Assert.Equal(["typing", "message"], turn.Events);
        var card = turn.SingleCard();
        var firstHit = CardAssert.Texts(card).SkipWhile(t => !t.StartsWith("Resultaten voor", StringComparison.Ordinal)).Skip(2).Take(6);
        Assert.Contains(firstHit, t => t.Contains("**drone", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("${", card.GetRawText());
    }

    /// <summary>
    /// A query that can find nothing says why, not "check the spelling" (a QA pass: "de het een" and "🚀" got the
    /// spelling advice). "zzqxv" is a word the letters lack: that advice stays.
    /// </summary>
    [Theory]
    [InlineData("de het een", "alleen woorden die in bijna elke brief staan")]
    [InlineData("🚀 ...", "geen letters of cijfers")]
    [InlineData("NOT drones", "alleen wat er niet in mag staan")]
    [InlineData("zzqxv", "Controleer de spelling")]
    public async Task A_query_that_can_find_nothing_says_why(string typed, string expected)
    {
        var text = CardAssert.AllText((await _host.SayAsync(typed)).SingleCard());

        Assert.Contains("Niets gevonden", text, StringComparison.Ordinal);
        Assert.Contains(expected, text, StringComparison.Ordinal);
    }

    /// <summary>
    /// A command the first word nearly spells is offered unless the search found every typed word exactly: "weer stand"
    /// finds "weerstand", and "Bedoelde je meer stand?" contradicted it (a QA pass); "hlep" finds "helpen" only by a typo
    /// reading, so "help" is still offered.
    /// </summary>
    [Theory]
    [InlineData("weer stand", null)]
    [InlineData("hlep", "Bedoelde je **help**?")]
    [InlineData("zeok drones", "Bedoelde je **zoek drones**?")]
    public async Task A_near_miss_command_is_offered_unless_every_word_was_found(string typed, string? offered)
    {
        var text = CardAssert.AllText((await _host.SayAsync(typed)).SingleCard());

        if (offered is null)
        {
            Assert.DoesNotContain("Bedoelde je", text, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains(offered, text, StringComparison.Ordinal);
        }
    }

    /// <summary>A pasted paragraph is searched by its first words, and the card says so (a QA pass: cut silently).</summary>
    [Fact]
    public async Task A_pasted_paragraph_is_searched_by_its_first_words_and_the_card_says_so()
    {
        const string Pasted = "Nederland vervult samen met Kroatië en Letland de voortrekkersrol voor de PCA Drones en Counter-Drones en heeft op "
            + "15 oktober een eerste bijeenkomst georganiseerd met alle lidstaten die interesse hebben om aan deze PCA deel te nemen";
        var pasted = CardAssert.AllText((await _host.SayAsync(Pasted)).SingleCard());
        var typed = CardAssert.AllText((await _host.SayAsync("pca drones")).SingleCard());

        Assert.Contains("ik heb gezocht op de eerste 24 woorden", pasted, StringComparison.Ordinal);
        Assert.DoesNotContain("eerste 24 woorden", typed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_card_found_through_other_words_says_which_and_one_found_through_the_typed_words_does_not()
    {
        // "edf": the seeds spell the fund out as well; "gezamenlijk inkopen": they write "aanschaf" or "aankoop".
        var edf = CardAssert.Texts((await _host.SayAsync("edf")).SingleCard()).ToList();
        var buying = CardAssert.Texts((await _host.SayAsync("gezamenlijk inkopen")).SingleCard()).ToList();
        var drones = CardAssert.Texts((await _host.SayAsync("drones")).SingleCard()).ToList();

        Assert.Contains(edf, t => t.StartsWith("Ook gezocht op: ", StringComparison.Ordinal) && t.Contains("Europees Defensiefonds", StringComparison.Ordinal));
        var line = Assert.Single(buying, t => t.StartsWith("Ook gezocht op: ", StringComparison.Ordinal));
        Assert.Matches("aanschaf|aankoop|aankopen|verwerving", line);
        Assert.DoesNotContain("inkopen", line, StringComparison.Ordinal);
        Assert.DoesNotContain(drones, t => t.StartsWith("Ook gezocht op", StringComparison.Ordinal));
    }

    /// <summary>
    /// An answer found by its question's words alone shows the question's window around them, marked (QA pass: the card
    /// showed the question's first 200 characters, and "Flamingo" stands at character 418 of 004's question 41, so
    /// nothing on the card said why the answers were there). An answer that holds the words shows the question as before.
    /// </summary>
    [Fact]
    public async Task An_answer_found_by_its_question_shows_the_questions_matching_words()
    {
        var text = CardAssert.AllText((await _host.SayAsync("flamingo")).SingleCard());
        Assert.Contains("van de **Flamingo**", text, StringComparison.Ordinal);

        var response = await seeds.Search.SearchAsync("flamingo", new Briefingbot.Dossiers.Search.SearchFilters { PageSize = 10 });
        Assert.All(response.Passages, p => Assert.Contains("**Flamingo**", p.Question!.Marked!.Markdown, StringComparison.Ordinal));
        var drones = await seeds.Search.SearchAsync("pca drones", new Briefingbot.Dossiers.Search.SearchFilters { PageSize = 10 });
        // Its own question unmarked; another question it also answers only where that one shows a word the answer and
        // its own question do not ("drones" for an answer that shows only "PCA"), marked.
        Assert.All(drones.Passages.Where(p => p.Snippet.Highlights.Count > 0), p =>
        {
            if ((p.Question?.Party, p.Question?.Number) == (p.Passage.Party, p.Passage.QuestionNumber))
            {
                Assert.Null(p.Question?.Marked);
            }
            else
            {
                Assert.Contains("**", p.Question!.Marked!.Markdown, StringComparison.Ordinal);
                Assert.DoesNotContain("drone", p.Snippet.Markdown, StringComparison.OrdinalIgnoreCase);
            }
        });
    }

    [Fact]
    public async Task Oekraine_without_diaeresis_finds_the_letters_about_Oekraine()
    {
        var turn = await _host.SayAsync("zoek Oekraine");
        var text = CardAssert.AllText(turn.SingleCard());
        Assert.Contains("**Oekraïne", text);
    }

    [Fact]
    public async Task Meer_resultaten_then_Toon_brief_walks_from_results_to_the_letter()
    {
        var first = await _host.SayAsync("defensie");
        var more = CardAssert.Actions(first.SingleCard()).Single(a => a.Title == "Meer resultaten");
        var second = await _host.TurnAsync(FakeTurnContext.Invoke("adaptiveCard/action",
            $$$"""{"action":{"type":"Action.Execute","verb":"meer","data":{{{more.Payload.GetRawText()}}}}}"""));
        var page2 = BriefingBotTests.InvokeCard(second);
        Assert.Contains("pagina 2 van", CardAssert.AllText(page2));

        var show = CardAssert.Actions(page2).First(a => a.Title == "Toon brief");
        var letterTurn = await _host.TurnAsync(FakeTurnContext.Submit(show.Payload.GetRawText()));
        var letter = letterTurn.SingleCard();
        Assert.Contains("Id: " + Briefingbot.Dossiers.Text.TeamsMarkdown.Escape(show.Payload.GetProperty("id").GetString()), CardAssert.AllText(letter));
        Assert.Contains(CardAssert.Actions(letter), a => a.Title == "Terug naar resultaten");
    }

    /// <summary>
    /// Web Chat, Direct Line clients and the Emulator render Action.Execute but never send it (BotFramework-WebChat
    /// #3844): outside Teams the buttons are Action.Submit with the same data, and pressing them pages and shows the
    /// letter as in Teams.
    /// </summary>
    [Theory]
    [InlineData("webchat")]
    [InlineData("directline")]
    [InlineData("emulator")]
    public async Task Outside_Teams_the_buttons_are_Action_Submit_and_work(string channelId)
    {
        var first = await _host.SayAsync("defensie", channelId);
        var actions = CardAssert.Actions(first.SingleCard());
        Assert.DoesNotContain(actions, a => a.Type == "Action.Execute");
        Assert.DoesNotContain("\"verb\"", first.SingleCard().GetRawText(), StringComparison.Ordinal);
        var more = actions.Single(a => a.Title == "Meer resultaten");
        Assert.Equal("Action.Submit", more.Type);

        var second = await _host.TurnAsync(FakeTurnContext.Submit(more.Payload.GetRawText(), channelId));
        var page2 = second.SingleCard();
        Assert.Contains("pagina 2 van", CardAssert.AllText(page2));
        var show = CardAssert.Actions(page2).First(a => a.Title == "Toon brief");
        Assert.Equal("Action.Submit", show.Type);
        var letter = (await _host.TurnAsync(FakeTurnContext.Submit(show.Payload.GetRawText(), channelId))).SingleCard();
        Assert.Contains("Id: " + Briefingbot.Dossiers.Text.TeamsMarkdown.Escape(show.Payload.GetProperty("id").GetString()), CardAssert.AllText(letter));
    }

    [Fact]
    public async Task In_Teams_the_result_buttons_stay_Action_Execute()
    {
        var first = await _host.SayAsync("defensie");
        var actions = CardAssert.Actions(first.SingleCard());
        Assert.Equal("Action.Execute", actions.Single(a => a.Title == "Meer resultaten").Type);
        Assert.All(actions.Where(a => a.Title == "Toon brief"), a => Assert.Equal("Action.Execute", a.Type));
    }

    [Fact]
    public async Task Partial_matches_say_how_many_of_the_words_they_hold_where_each_tier_begins()
    {
        // Three words no passage holds together: the partial matches come in tiers, each under its own line.
        var response = await seeds.Search.SearchAsync("begroting paraatheid zeewind", new Briefingbot.Dossiers.Search.SearchFilters { PageSize = 10 });
        Assert.Equal(0, response.FullMatches);
        Assert.Equal(3, response.QueryWords);
        var tiers = response.Passages.Select(p => p.Words).Distinct().ToList();
        Assert.All(tiers, w => Assert.InRange(w, 1, 2));
        Assert.Equal(tiers.OrderDescending(), tiers); // more of the words first

        var card = Briefingbot.Chat.Search.SearchResultsCard.Create(response, new Briefingbot.Chat.Search.SearchRequest("begroting paraatheid zeewind", new(), 0), new Briefingbot.Chat.Search.SearchCardOptions());
        var labels = card.Data["hits"]!.AsArray().Where(h => h!["partialStart"]!.GetValue<bool>()).Select(h => h!["partialLabel"]!.GetValue<string>()).ToList();
        Assert.Equal(tiers.Select(w => $"Minder passend: de passages hieronder bevatten {w} van je 3 zoekwoorden."), labels);

        var turn = await _host.SayAsync("begroting paraatheid zeewind");
        Assert.Contains($"bevatten {tiers[0]} van je 3 zoekwoorden", CardAssert.AllText(turn.SingleCard()));
    }

    [Fact]
    public async Task An_answer_is_shown_once_with_its_question_as_one_context_line_and_no_summary()
    {
        // Issue 14 item 3: no question + answer + snippet repeating the same sentences + summary.
        var response = await seeds.Search.SearchAsync("PCA drones", new Briefingbot.Dossiers.Search.SearchFilters { PageSize = 10 });
        var first = response.Passages[0];
        Assert.Equal(Briefingbot.Dossiers.Letters.PassageRole.Answer, first.Role);

        var card = Briefingbot.Chat.Search.SearchResultsCard.Create(response, new Briefingbot.Chat.Search.SearchRequest("PCA drones", new(), 0), new Briefingbot.Chat.Search.SearchCardOptions());
        var passages = card.Data["hits"]!.AsArray()[0]!["passages"]!.AsArray();
        var shown = passages[0]!;
        Assert.True(shown["hasContext"]!.GetValue<bool>());
        Assert.StartsWith("_Vraag", shown["context"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("**Antwoord:**", shown["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var all = card.Data.ToJsonString();
        Assert.DoesNotContain("Samenvatting", all, StringComparison.Ordinal);
        // The answer's sentence appears once in what the passage shows (context line and text).
        Assert.Equal(1, CountOf(shown["context"]!.GetValue<string>() + shown["text"]!.GetValue<string>(), "voortrekkersrol op zich"));
    }

    /// <summary>
    /// Two parts of one answer shown one after the other under one letter show its question once (a visual review:
    /// "Vraag 10 (PVV)" above each part); the parts themselves stay, each labelled as an answer.
    /// </summary>
    [Theory]
    [InlineData("drones")]
    [InlineData("PCA drones")]
    public async Task Consecutive_parts_of_one_answer_show_its_question_once(string query)
    {
        var response = await seeds.Search.SearchAsync(query, new Briefingbot.Dossiers.Search.SearchFilters { PageSize = 10 });
        var card = Briefingbot.Chat.Search.SearchResultsCard.Create(response, new Briefingbot.Chat.Search.SearchRequest(query, new(), 0), new Briefingbot.Chat.Search.SearchCardOptions());

        var continued = 0;
        foreach (var (hit, hitData) in response.Hits.Zip(card.Data["hits"]!.AsArray()))
        {
            var shown = hitData!["passages"]!.AsArray();
            Assert.Equal(hit.Passages.Count, shown.Count);
            for (var i = 1; i < hit.Passages.Count; i++)
            {
                var (before, after) = (hit.Passages[i - 1].Question, hit.Passages[i].Question);
                if (after is not null && before is not null && before.Number == after.Number && before.Party == after.Party && before.Text == after.Text)
                {
                    Assert.False(shown[i]!["hasContext"]!.GetValue<bool>(), $"{query}: passage {i} of {hit.LetterId} repeats its question");
                    Assert.StartsWith("**Antwoord:**", shown[i]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
                    continued++;
                }
            }
        }
        Assert.True(continued > 0, $"{query}: no answer in two parts on the first page");
    }

    [Fact]
    public async Task Page_counts_stay_the_same_on_every_page_and_after_meer()
    {
        // Issue 14 item 1: "pagina 1 van 2" must not become "pagina 2 van 4".
        var first = await _host.SayAsync("munitie");
        var firstText = CardAssert.AllText(first.SingleCard());
        var more = CardAssert.Actions(first.SingleCard()).Single(a => a.Title == "Meer resultaten");
        var second = await _host.TurnAsync(FakeTurnContext.Invoke("adaptiveCard/action",
            $$$"""{"action":{"type":"Action.Execute","verb":"meer","data":{{{more.Payload.GetRawText()}}}}}"""));
        var secondText = CardAssert.AllText(BriefingBotTests.InvokeCard(second));

        var pages = System.Text.RegularExpressions.Regex.Match(firstText, @"pagina 1 van (\d+)");
        Assert.True(pages.Success, firstText);
        Assert.Contains($"pagina 2 van {pages.Groups[1].Value}", secondText);
        var found = System.Text.RegularExpressions.Regex.Match(firstText, @"(\d+) passages in (\d+) brieven");
        Assert.True(found.Success, firstText);
        Assert.Contains(found.Value, secondText);
    }

    [Fact]
    public async Task A_dossier_number_alone_lists_the_letters_of_that_dossier()
    {
        // No words, only a filter: the letters it selects, not "Niets gevonden".
        var card = (await _host.SayAsync("dossier 21501-28")).SingleCard();
        var text = CardAssert.AllText(card);

        Assert.Contains("Brieven", CardAssert.Texts(card).First(), StringComparison.Ordinal);
        Assert.Contains("Kamerstuk 21 501-28", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Niets gevonden", text, StringComparison.Ordinal);
        Assert.DoesNotContain("**", text, StringComparison.Ordinal);
    }

    /// <summary>
    /// The RBZ Defensie letter (004) has no date of its own, only the meeting it prepares (1 December 2025): a date
    /// filter reads that date, so "sinds 2025" (the help text's own example) does not drop the newest letter.
    /// </summary>
    [Theory]
    [InlineData("herstellening sinds 2025")]
    [InlineData("oekraine in 2025")]
    public async Task A_date_filter_keeps_a_letter_dated_only_by_the_meeting_it_prepares(string query)
    {
        var text = CardAssert.AllText((await _host.SayAsync(query)).SingleCard());

        Assert.Contains("Raad buitenlandse zaken Defensie van 1 december 2025", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Niets gevonden", text, StringComparison.Ordinal);
    }

    /// <summary>
    /// Words the parser reads as a filter may be meant as words: "militaire steun in 2026" (no letter is dated 2026),
    /// "kamerstuk 30821 nr 321" (a reference in 004's text, not the dossier of any seed letter). When the filters find
    /// nothing, the whole text is searched without them, and the card says so.
    /// </summary>
    [Theory]
    [InlineData("militaire steun in 2026", "militaire steun voor 2026")]
    [InlineData("kamerstuk 30821 nr 321", "30821 nr. 321")]
    public async Task Filter_words_that_find_nothing_are_searched_as_words(string query, string expected)
    {
        var card = (await _host.SayAsync(query)).SingleCard();
        var texts = CardAssert.Texts(card).ToList();

        Assert.Contains(texts, t => t.StartsWith("Met het filter ‘", StringComparison.Ordinal) && t.Contains("’ vond ik niets; dit zijn de treffers voor al je woorden", StringComparison.Ordinal));
        Assert.Contains(expected, string.Join("\n", texts).Replace("**", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("Niets gevonden", CardAssert.AllText(card), StringComparison.Ordinal);
    }

    /// <summary>
    /// When the filter finds nothing and the text as typed matches only in part, the filter's own words are not searched:
    /// the search words alone are, without the filter (a QA pass: "drones van 2023 tot 2024" showed a letter of 2023
    /// without drones; "navo sinds 2030" marked "sinds").
    /// </summary>
    [Theory]
    [InlineData("drones van 2023 tot 2024", "drones")]
    [InlineData("navo sinds 2030", "navo")]
    public async Task Filter_words_that_match_only_in_part_give_way_to_the_search_words_alone(string query, string words)
    {
        var card = (await _host.SayAsync(query)).SingleCard();
        var texts = CardAssert.Texts(card).ToList();

        Assert.Contains(texts, t => t.StartsWith("Met het filter ‘", StringComparison.Ordinal) && t.Contains($"’ vond ik niets; dit zijn de treffers voor ‘{words}’ zonder filter.", StringComparison.Ordinal));
        Assert.DoesNotContain("**sinds**", CardAssert.AllText(card), StringComparison.Ordinal);
        Assert.DoesNotContain("**2023**", CardAssert.AllText(card), StringComparison.Ordinal);
        Assert.Contains($"**{words}**", CardAssert.AllText(card).ToLowerInvariant(), StringComparison.Ordinal);
    }

    /// <summary>"33279" typed alone: no letter's text names it (only 003's header), so the card lists the dossier's letters and says why.</summary>
    [Fact]
    public async Task A_bare_dossier_number_no_text_names_lists_its_letters_with_a_notice()
    {
        var card = (await _host.SayAsync("33279")).SingleCard();
        var texts = CardAssert.Texts(card).ToList();

        Assert.Contains(texts, t => t.StartsWith("Geen brief noemt dit nummer in de tekst", StringComparison.Ordinal));
        Assert.Contains("Europese defensiesamenwerking en specialisatie", CardAssert.AllText(card), StringComparison.Ordinal);
        Assert.DoesNotContain("Niets gevonden", CardAssert.AllText(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_letter_without_a_header_shows_the_meeting_it_precedes_and_its_dossier_link()
    {
        // Issue 14 item 7: not "datum onbekend" and no link, but what the title tells.
        var response = await seeds.Search.SearchAsync("PCA drones", new Briefingbot.Dossiers.Search.SearchFilters { PageSize = 10 });
        var hit = response.Hits.First(h => h.SourceFile.StartsWith("004", StringComparison.Ordinal));
        var meta = Briefingbot.Chat.Search.SearchResultsCard.Meta(hit);
        Assert.Contains("eind november 2025, vóór de RBZ Defensie van 1 december 2025", meta, StringComparison.Ordinal);
        Assert.Contains("Kamerstuk 21 501-28", meta, StringComparison.Ordinal);
        Assert.DoesNotContain("datum onbekend", meta, StringComparison.Ordinal);
        Assert.Equal("https://zoek.officielebekendmakingen.nl/dossier/21501-28", hit.SourceUrl);

        // The letter's own card says the same (a visual review: "Datum: datum onbekend" there).
        var letter = CardAssert.AllText((await _host.SayAsync("brief " + hit.LetterId)).SingleCard());
        Assert.Contains("Datum: eind november 2025, vóór de RBZ Defensie van 1 december 2025", letter, StringComparison.Ordinal);
        Assert.DoesNotContain("datum onbekend", letter, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    [Fact]
    public async Task Nonsense_gets_the_empty_card_with_suggestions()
    {
        var turn = await _host.SayAsync("qqqxxyyzz");
        Assert.Contains("Niets gevonden voor ‘qqqxxyyzz’", CardAssert.AllText(turn.SingleCard()));
        // No filter was used, so none is offered to leave out (a visual review).
        Assert.DoesNotContain("filter", CardAssert.AllText(turn.SingleCard()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zoals")]
    [InlineData("brief")]
    public async Task A_command_without_its_id_names_itself_in_the_hint(string command)
    {
        var text = CardAssert.AllText((await _host.SayAsync(command)).SingleCard());

        Assert.Contains($"Typ ‘{command}’ met het id van een brief, bijvoorbeeld ‘{command} 22112-4027’", text, StringComparison.Ordinal);
    }

    public void Dispose() => _host.Dispose();
}
