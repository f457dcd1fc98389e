using System.Text.Json;
using Briefingbot.Chat;
using Briefingbot.Chat.Search;
using Briefingbot.Kernel.Commands;
using Briefingbot.Protocol.Schema;
using Briefingbot.Tests.Chat.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace Briefingbot.Tests.Chat;

public sealed class BriefingBotTests : IDisposable
{
    private readonly ChatTestHost _host = new(configure: s => s.AddCommand<FakePromisesCommand>());

    [Fact]
    public async Task Free_text_shows_typing_then_a_results_card_with_highlighted_terms()
    {
        var turn = await _host.SayAsync("drones");

        Assert.Equal(["typing", "message"], turn.Events);
        var card = turn.SingleCard();
        var text = CardAssert.AllText(card);
        Assert.Contains("Resultaten voor ‘drones’", text);
        Assert.Contains("**drones**", text);
        Assert.Contains("Kabinetsappreciatie Witboek Europese Defensie Gereedheid 2030", text);
        Assert.Contains("Brief regering · 11 april 2025 · Tweede Kamer · Kamerstuk 22 112, nr. 4027", text);
        Assert.DoesNotContain("${", card.GetRawText());
        var actions = CardAssert.Actions(card);
        Assert.Contains(actions, a => a.Type == "Action.OpenUrl" && a.Payload.GetString() == "https://zoek.officielebekendmakingen.nl/kst-22112-4027.html");
        Assert.Contains(actions, a => a.Type == "Action.Execute" && a.Title == "Toon brief");
        Assert.Contains(actions, a => a.Type == "Action.Execute" && a.Title == "Meer zoals dit");
        Assert.Equal(("drones", 0), (_host.FakeSearch.Requests[0].Query, _host.FakeSearch.Requests[0].Page));
    }

    [Fact]
    public async Task Question_and_answer_letters_show_the_question_and_the_start_of_the_answer()
    {
        var turn = await _host.SayAsync("oefening 7");
        var text = CardAssert.AllText(turn.SingleCard());
        // The answer is the passage shown; its question is one line of context above it (issue 13).
        Assert.Contains("Vraag 7 van de leden van de GroenLinks-PvdA-fractie:", text);
        Assert.Contains("Hoe zet de minister drones in bij oefening 7?", text);
        Assert.Contains("De minister zet drones in volgens plan **7**.", text);
        Assert.Contains("**Antwoord:**", text);
    }

    /// <summary>
    /// Invisible characters pasted into a message are not part of what was typed: a right-to-left override echoed in
    /// the card title turned it around, and a zero-width space after "help" made it a search (a QA pass).
    /// </summary>
    [Fact]
    public async Task Invisible_characters_are_not_part_of_commands_or_the_echoed_query()
    {
        var search = await _host.SayAsync("\u202Edro\u00ADnes\u202C");
        var help = await _host.SayAsync("help\u200B");

        Assert.Equal("drones", _host.FakeSearch.Requests[^1].Query);
        Assert.Contains("Resultaten voor ‘drones’", CardAssert.AllText(search.SingleCard()));
        Assert.DoesNotContain("\u202E", search.SingleCard().GetRawText(), StringComparison.Ordinal); // ordinal: a culture-aware search ignores format characters
        Assert.Single(_host.FakeSearch.Requests); // help is help
        Assert.Contains("help", CardAssert.AllText(help.SingleCard()), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Words after a letter's id were read as part of the id; words instead of an id get a search button (a QA pass).</summary>
    [Fact]
    public async Task Brief_with_words_after_the_id_shows_the_letter_and_words_alone_are_offered_as_a_search()
    {
        var letter = await _host.SayAsync($"brief {SampleLetters.DronesId} graag met samenvatting");
        var words = await _host.SayAsync("brief over drones");

        Assert.Contains("Kabinetsappreciatie Witboek Europese Defensie Gereedheid 2030", CardAssert.AllText(letter.SingleCard()));
        Assert.Contains("Brief niet gevonden", CardAssert.AllText(words.SingleCard()));
        Assert.Contains(CardAssert.Actions(words.SingleCard()), a => a.Title == "Zoek ‘over drones’");
    }

    [Fact]
    public async Task An_unknown_option_is_skipped_and_the_answer_says_so()
    {
        var turn = await _host.SayAsync("zoek drones --size 1000");

        Assert.Equal("drones 1000", _host.FakeSearch.Requests[^1].Query);
        Assert.Contains("Zoeken kent ‘--size’ niet; ik heb het overgeslagen.", CardAssert.AllText(turn.SingleCard()));
    }

    [Fact]
    public async Task Filters_in_plain_words_reach_the_search()
    {
        await _host.SayAsync("zoek drones dossier 22112 sinds 2025 kamer tweede");
        var (query, filters, _) = Assert.Single(_host.FakeSearch.Requests);
        Assert.Equal("drones", query);
        Assert.Equal("22112", filters!.Dossier);
        Assert.Equal(new DateOnly(2025, 1, 1), filters.From);
        Assert.Equal("Tweede Kamer", filters.Chamber);
    }

    [Fact]
    public async Task Meer_resultaten_button_pages_through_Action_Execute_and_replaces_the_card()
    {
        var first = await _host.SayAsync("drones");
        var more = CardAssert.Actions(first.SingleCard()).Single(a => a.Title == "Meer resultaten");

        var invoke = FakeTurnContext.Invoke("adaptiveCard/action", $$$"""{"action":{"type":"Action.Execute","verb":"meer","data":{{{more.Payload.GetRawText()}}}}}""");
        var turn = await _host.TurnAsync(invoke);

        Assert.Empty(turn.Sent);
        var card = InvokeCard(turn);
        Assert.Contains("pagina 2 van", CardAssert.AllText(card));
        Assert.Equal(1, _host.FakeSearch.Requests[^1].Page);
        Assert.Contains(CardAssert.Actions(card), a => a.Title == "Vorige");
    }

    [Fact]
    public async Task Typed_meer_continues_the_last_search_of_the_conversation()
    {
        await _host.SayAsync("drones");
        var turn = await _host.SayAsync("meer");
        Assert.Equal(("drones", 1), (_host.FakeSearch.Requests[^1].Query, _host.FakeSearch.Requests[^1].Page));
        Assert.Contains("pagina 2 van", CardAssert.AllText(turn.SingleCard()));

        var other = await _host.SayAsync("meer", conversationId: "conv-2");
        Assert.Contains("Er is nog geen zoekopdracht", CardAssert.AllText(other.SingleCard()));
    }

    [Fact]
    public async Task Toon_brief_opens_the_letter_card_with_a_way_back()
    {
        var results = await _host.SayAsync("drones");
        var show = CardAssert.Actions(results.SingleCard()).First(a => a.Title == "Toon brief");

        var turn = await _host.TurnAsync(FakeTurnContext.Invoke("adaptiveCard/action",
            $$$"""{"action":{"type":"Action.Execute","verb":"brief","data":{{{show.Payload.GetRawText()}}}}}"""));

        var card = InvokeCard(turn);
        var text = CardAssert.AllText(card);
        Assert.Contains("Kabinetsappreciatie Witboek Europese Defensie Gereedheid 2030", text);
        Assert.Contains("Samenvatting van Kabinetsappreciatie", text);
        Assert.Contains("Kamerstuk: 22 112, nr. 4027", text);
        Assert.Contains("Inleiding", text);
        var back = CardAssert.Actions(card).Single(a => a.Title == "Terug naar resultaten");
        Assert.Equal("drones", back.Payload.GetProperty("q").GetString());
    }

    [Fact]
    public async Task A_letter_with_many_questions_lists_the_first_and_counts_the_rest()
    {
        var turn = await _host.SayAsync("brief " + SampleLetters.QuestionsId);
        var text = CardAssert.AllText(turn.SingleCard());
        Assert.Contains("Vragen (20)", text);
        Assert.Contains("**Vraag 1 (GroenLinks-PvdA)** Hoe zet de minister drones in bij oefening 1?", text);
        Assert.Contains("… en nog 5 vragen: typ ‘brief " + SampleLetters.QuestionsId + " vanaf 16’.", text);
    }

    /// <summary>
    /// The rest of a letter's questions, by button or typed (a QA pass: "… en nog 33 vragen" with no way to see them).
    /// </summary>
    [Fact]
    public async Task The_next_questions_of_a_letter_are_a_button_or_typed_command_away()
    {
        var first = await _host.SayAsync("brief " + SampleLetters.QuestionsId);
        var next = CardAssert.Actions(first.SingleCard()).Single(a => a.Title == "Volgende vragen");

        var pressed = await _host.TurnAsync(FakeTurnContext.Invoke("adaptiveCard/action",
            $$$"""{"action":{"type":"Action.Execute","verb":"brief","data":{{{next.Payload.GetRawText()}}}}}"""));
        var typed = await _host.SayAsync("brief " + SampleLetters.QuestionsId + " vanaf 16");

        foreach (var text in new[] { CardAssert.AllText(InvokeCard(pressed)), CardAssert.AllText(typed.SingleCard()) })
        {
            Assert.Contains("Vragen 16-20 van 20", text);
            Assert.Contains("**Vraag 16 (VVD)**", text);
            Assert.DoesNotContain("**Vraag 15 ", text);
            Assert.DoesNotContain("en nog", text);
        }
        Assert.DoesNotContain(CardAssert.Actions(typed.SingleCard()), a => a.Title == "Volgende vragen");
    }

    /// <summary>Past the last question: the last ones, not "Vragen 20-20 van 20" alone (a QA pass: "Vragen 48-48 van 48").</summary>
    [Fact]
    public async Task A_start_past_the_last_question_lists_the_last_ones()
    {
        var text = CardAssert.AllText((await _host.SayAsync("brief " + SampleLetters.QuestionsId + " vanaf 999")).SingleCard());

        Assert.Contains("Vragen 6-20 van 20", text);
        Assert.Contains("**Vraag 20 ", text);
        Assert.Contains("**Vraag 6 ", text);
    }

    [Theory]
    [InlineData(" vanaf abc")]
    [InlineData(" vanaf")]
    [InlineData(" vanaf 16 17")]
    public async Task Vanaf_without_one_number_says_what_it_wants(string tail)
    {
        // A QA pass: "brief <id> vanaf abc" silently started at question 1.
        var text = CardAssert.AllText((await _host.SayAsync("brief " + SampleLetters.QuestionsId + tail)).SingleCard());

        Assert.Contains("Na ‘vanaf’ komt het volgnummer van een vraag of onderdeel, bijvoorbeeld ‘brief " + SampleLetters.QuestionsId + " vanaf 16’.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Vragen (20)", text, StringComparison.Ordinal);
    }

    /// <summary>The next questions of a letter opened from results keep the way back to them (a QA pass lost it).</summary>
    [Fact]
    public async Task The_next_questions_keep_the_way_back_to_the_results()
    {
        var data = """{"command":"brief","id":"ID","back":{"command":"meer","q":"drones","page":0}}""".Replace("ID", SampleLetters.QuestionsId, StringComparison.Ordinal);
        var opened = await _host.TurnAsync(FakeTurnContext.Invoke("adaptiveCard/action",
            $$$"""{"action":{"type":"Action.Execute","verb":"brief","data":{{{data}}}}}"""));
        var next = CardAssert.Actions(InvokeCard(opened)).Single(a => a.Title == "Volgende vragen");

        var pressed = await _host.TurnAsync(FakeTurnContext.Invoke("adaptiveCard/action",
            $$$"""{"action":{"type":"Action.Execute","verb":"brief","data":{{{next.Payload.GetRawText()}}}}}"""));

        var card = InvokeCard(pressed);
        Assert.Contains("Vragen 16-20 van 20", CardAssert.AllText(card));
        Assert.Equal("drones", CardAssert.Actions(card).Single(a => a.Title == "Terug naar resultaten").Payload.GetProperty("q").GetString());
    }

    [Fact]
    public async Task Brief_accepts_the_dossier_number_form_of_an_id()
    {
        var turn = await _host.SayAsync("brief 22112-4027");
        Assert.Contains("Kabinetsappreciatie", CardAssert.AllText(turn.SingleCard()));
    }

    [Fact]
    public async Task Action_Submit_runs_the_command_in_its_data()
    {
        var turn = await _host.TurnAsync(FakeTurnContext.Submit($$"""{"command":"brief","id":"{{SampleLetters.UkraineId}}"}"""));
        Assert.Contains("Europese defensiesamenwerking en specialisatie", CardAssert.AllText(turn.SingleCard()));

        var typed = await _host.TurnAsync(FakeTurnContext.Submit("""{"command":"zoek","text":"zoek drones"}"""));
        Assert.Contains("Resultaten voor ‘drones’", CardAssert.AllText(typed.SingleCard()));
    }

    [Fact]
    public async Task Meer_zoals_dit_without_related_letters_says_so_instead_of_nothing_found_for_title_words()
    {
        // The fake search finds nothing similar: the answer names the situation, not "Niets gevonden voor ‘<title words>’".
        var turn = await _host.TurnAsync(FakeTurnContext.Submit($$"""{"command":"zoals","id":"{{SampleLetters.UkraineId}}"}"""));
        var text = CardAssert.AllText(turn.SingleCard());
        Assert.Contains("Geen vergelijkbare brieven", text);
        Assert.DoesNotContain("Niets gevonden", text);
    }

    [Theory]
    [InlineData("""{"command":"brief","id":"bestaat-niet"}""", "Brief niet gevonden")]
    [InlineData("""{"command":"brief"}""", "Welke brief?")]
    [InlineData("""{"command":"brief","id":12}""", "Welke brief?")]
    [InlineData("""{"command":"meer","q":"drones","page":999}""", "Geen resultaten meer")]
    [InlineData("""{"command":"meer","q":"drones","page":-4}""", "Deze knop werkt niet meer")]
    [InlineData("""{"command":"meer"}""", "Deze knop werkt niet meer")]
    [InlineData("""{"command":"formatteer-c"}""", "Deze knop werkt niet meer")]
    [InlineData("""{"foo":"bar"}""", "Deze knop werkt niet meer")]
    [InlineData("""{"command":"zoals","id":"${x}"}""", "Brief niet gevonden")]
    public async Task Stale_or_forged_button_data_gets_a_polite_Dutch_answer(string data, string expected)
    {
        var submit = await _host.TurnAsync(FakeTurnContext.Submit(data));
        Assert.Contains(expected, CardAssert.AllText(submit.SingleCard()));

        var execute = await _host.TurnAsync(FakeTurnContext.Invoke("adaptiveCard/action", $$$"""{"action":{"type":"Action.Execute","verb":"x","data":{{{data}}}}}"""));
        Assert.Contains(expected, CardAssert.AllText(InvokeCard(execute)));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("""{"action":null}""")]
    [InlineData("""{"action":{"verb":5,"data":"x"}}""")]
    public async Task Garbage_Action_Execute_values_still_get_an_invoke_response(string value)
    {
        var turn = await _host.TurnAsync(FakeTurnContext.Invoke("adaptiveCard/action", value));
        Assert.Contains("Deze knop werkt niet meer", CardAssert.AllText(InvokeCard(turn)));
    }

    [Fact]
    public async Task An_unknown_word_gets_an_empty_card_with_the_command_it_resembles()
    {
        var turn = await _host.SayAsync("hlep");
        var card = turn.SingleCard();
        Assert.Contains("Niets gevonden voor ‘hlep’", CardAssert.AllText(card));
        Assert.Contains("Bedoelde je:", CardAssert.AllText(card));
        var first = CardAssert.Actions(card)[0];
        Assert.Equal(("Action.Submit", "help"), (first.Type, first.Title));
        Assert.Equal("help", first.Payload.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Results_for_a_near_miss_command_also_ask_Bedoelde_je()
    {
        var turn = await _host.SayAsync("brif drones");
        Assert.Contains("Bedoelde je **brief drones**?", CardAssert.AllText(turn.SingleCard()));
    }

    [Fact]
    public async Task Help_lists_every_registered_command_grouped_by_feature()
    {
        var turn = await _host.SayAsync("help");
        var texts = CardAssert.Texts(turn.SingleCard());
        foreach (var handler in _host.Get<CommandRouter>().Handlers)
        {
            // Command words in ‘quotes’ on a card (Teams shows no inline code; CardInlineCode).
            Assert.Contains("- " + System.Text.RegularExpressions.Regex.Replace(handler.Usage, "`([^`\n]+)`", m => "‘" + m.Groups[1].Value.Replace('<', '‹').Replace('>', '›') + "’"), texts);
        }
        int search = texts.IndexOf("Zoeken in brieven");
        int registers = texts.IndexOf("Toezeggingen en vergaderingen");
        Assert.True(search >= 0 && registers > search);
        Assert.True(texts.IndexOf("- ‘toezeggingen’: open toezeggingen aan de Kamer") > registers);
    }

    [Fact]
    public async Task A_command_registered_by_another_feature_is_routed_to_it()
    {
        var turn = await _host.SayAsync("toezeggingen open");
        Assert.Equal("toezeggingen: open", Assert.Single(turn.Sent).Text);
    }

    [Fact]
    public async Task A_failing_search_gets_an_apology_not_an_exception()
    {
        _host.FakeSearch.Failure = new InvalidOperationException("index kapot");
        var turn = await _host.SayAsync("drones");
        Assert.Contains("Er ging iets mis", CardAssert.AllText(turn.SingleCard()));
        Assert.DoesNotContain("index kapot", turn.SingleCard().GetRawText());
    }

    [Fact]
    public async Task A_failing_Action_Execute_still_answers_the_invoke()
    {
        _host.FakeSearch.Failure = new InvalidOperationException("index kapot");
        var turn = await _host.TurnAsync(FakeTurnContext.Invoke("adaptiveCard/action", """{"action":{"verb":"meer","data":{"command":"meer","q":"drones","page":1}}}"""));
        Assert.Contains("Er ging iets mis", CardAssert.AllText(InvokeCard(turn)));
    }

    [Fact]
    public async Task Attachments_without_text_get_a_polite_answer()
    {
        var activity = FakeTurnContext.Message(null);
        activity.Attachments = [new Attachment { ContentType = "image/png", ContentUrl = "http://127.0.0.1/x.png" }];
        var turn = await _host.TurnAsync(activity);
        Assert.Contains("Alleen tekst, graag", CardAssert.AllText(turn.SingleCard()));
    }

    [Theory]
    [InlineData(ActivityTypes.Typing)]
    [InlineData(ActivityTypes.MessageReaction)]
    [InlineData(ActivityTypes.Event)]
    [InlineData("somethingNew")]
    public async Task Other_activity_types_are_ignored_quietly(string type)
    {
        var activity = FakeTurnContext.Message("drones");
        activity.Type = type;
        var turn = await _host.TurnAsync(activity);
        Assert.Empty(turn.Sent);
        Assert.Null(turn.InvokeResponse);
    }

    [Fact]
    public async Task An_unknown_invoke_is_left_unanswered_for_the_protocol_layer_to_send_501()
    {
        var turn = await _host.TurnAsync(FakeTurnContext.Invoke("task/fetch", "{}"));
        Assert.Null(turn.InvokeResponse);
        Assert.Empty(turn.Sent);
    }

    internal static JsonElement InvokeCard(FakeTurnContext turn)
    {
        Assert.NotNull(turn.InvokeResponse);
        Assert.Equal(200, turn.InvokeResponse!.Status);
        var body = JsonSerializer.SerializeToElement(turn.InvokeResponse.Body);
        Assert.Equal(200, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body.GetProperty("type").GetString());
        return body.GetProperty("value");
    }

    public void Dispose() => _host.Dispose();
}
