using System.Text.Json.Nodes;
using Briefingbot.Cards;
using Briefingbot.Tests.Chat.Fakes;

namespace Briefingbot.Tests.Chat;

public sealed class TextFallbackTests : IDisposable
{
    private readonly ChatTestHost _host = new(settings: new() { ["Chat:TextOnlyChannels:0"] = "slack", ["Chat:TextOnlyChannels:1"] = "sms" });

    [Fact]
    public async Task Slack_gets_search_results_as_Markdown_with_links_and_typed_commands()
    {
        var turn = await _host.SayAsync("drones", channelId: "slack");
        var message = Assert.Single(turn.Sent);
        Assert.Null(message.Attachments);
        Assert.Equal("markdown", message.TextFormat);
        var text = message.Text!;
        Assert.Contains("**Resultaten voor ‘drones’**", text);
        Assert.Contains("**Kabinetsappreciatie Witboek Europese Defensie Gereedheid 2030**", text);
        Assert.Contains("**drones**", text);
        Assert.Contains("[Bron](https://zoek.officielebekendmakingen.nl/kst-22112-4027.html)", text);
        Assert.Contains("Toon brief: typ `brief 000_28c287220feeccd7`", text);
        Assert.Contains("Meer resultaten: typ `meer`", text);
        Assert.DoesNotContain("${", text);
    }

    /// <summary>
    /// A QA pass: on Slack the "Vorige" hint said "typ `meer`", which pages forward, and `vorige` searched the word.
    /// Typed `vorige` now goes back a page, `terug` shows the page last shown, and each hint names its own command.
    /// </summary>
    [Fact]
    public async Task Slack_pages_back_with_the_command_its_hint_names()
    {
        await _host.SayAsync("drones", channelId: "slack");
        var second = Assert.Single((await _host.SayAsync("meer", channelId: "slack")).Sent).Text!;
        var back = await _host.SayAsync("vorige", channelId: "slack");
        var firstAgain = _host.FakeSearch.Requests[^1];
        var atStart = Assert.Single((await _host.SayAsync("vorige", channelId: "slack")).Sent).Text!;

        Assert.Contains("Vorige: typ `vorige`", second);
        Assert.DoesNotContain("Vorige: typ `meer`", second);
        Assert.Equal(("drones", 0), (firstAgain.Query, firstAgain.Page));
        Assert.Contains("pagina 1 van", Assert.Single(back.Sent).Text!);
        Assert.Contains("Dit is de eerste pagina", atStart);
        Assert.Equal(3, _host.FakeSearch.Requests.Count); // "vorige" at the first page searches nothing
    }

    /// <summary>A page past the end is not remembered: "terug" after it shows the last page with results (a review).</summary>
    [Fact]
    public async Task Paging_past_the_end_keeps_the_last_page_with_results()
    {
        await _host.SayAsync("drones", channelId: "slack");
        string last = "", page;
        for (var i = 0; i < 10 && !(page = Assert.Single((await _host.SayAsync("meer", channelId: "slack")).Sent).Text!).Contains("Geen resultaten meer", StringComparison.Ordinal); i++)
        {
            last = page;
        }

        var back = Assert.Single((await _host.SayAsync("terug", channelId: "slack")).Sent).Text!;

        Assert.Contains("pagina", last, StringComparison.Ordinal);
        Assert.Equal(last, back);
    }

    [Fact]
    public async Task Words_after_meer_are_searched_not_ignored()
    {
        await _host.SayAsync("drones", channelId: "slack");

        await _host.SayAsync("meer over Oekraïne", channelId: "slack");
        await _host.SayAsync("meer 2", channelId: "slack");
        await _host.SayAsync("vorige kabinet defensie", channelId: "slack");

        Assert.Equal(("Oekraïne", 0), (_host.FakeSearch.Requests[1].Query, _host.FakeSearch.Requests[1].Page));
        Assert.Equal(("Oekraïne", 1), (_host.FakeSearch.Requests[2].Query, _host.FakeSearch.Requests[2].Page));
        Assert.Equal(("kabinet defensie", 0), (_host.FakeSearch.Requests[3].Query, _host.FakeSearch.Requests[3].Page));
    }

    [Fact]
    public async Task A_configured_channel_gets_the_letter_card_as_Markdown()
    {
        var turn = await _host.SayAsync("brief 22112-4027", channelId: "sms");
        var text = Assert.Single(turn.Sent).Text!;
        Assert.Contains("- **Kamerstuk:** 22 112, nr. 4027", text);
        Assert.Contains("**Samenvatting**", text);
    }

    [Fact]
    public async Task Help_on_Slack_lists_the_commands_as_text()
    {
        var turn = await _host.SayAsync("help", channelId: "slack");
        var text = Assert.Single(turn.Sent).Text!;
        Assert.Contains("- `zoek <woorden>`", text);
        Assert.Contains("Zoek ‘drones’: typ `zoek drones`", text);
    }

    /// <summary>
    /// With the card goes a plain line for the notification and the chat list, which show no card (a QA pass: the
    /// search, help and letter cards had none, so Teams showed a generic "card" label).
    /// </summary>
    [Theory]
    [InlineData("drones", "Resultaten voor ‘drones’: 2 brieven gevonden")]
    [InlineData("help", "Typ een paar woorden om te zoeken")]
    public async Task Teams_still_gets_cards_with_a_plain_preview(string typed, string expected)
    {
        var turn = await _host.SayAsync(typed, channelId: "msteams");
        turn.SingleCard();
        var summary = Assert.Single(turn.Sent).Summary;
        Assert.Contains(expected, summary, StringComparison.Ordinal);
        Assert.DoesNotContain("**", summary, StringComparison.Ordinal);
    }

    /// <summary>
    /// Teams renders no inline code in card text: commands are shown in ‘quotes’ on cards and keep their backticks in
    /// the Markdown of channels without cards (a QA pass: the help card showed `zoek &lt;woorden&gt;` with backticks).
    /// </summary>
    [Fact]
    public async Task Cards_show_commands_in_quotes_and_text_keeps_backticks()
    {
        var card = JsonNode.Parse((await _host.SayAsync("help", channelId: "msteams")).SingleCard().GetRawText())!;
        var slack = Assert.Single((await _host.SayAsync("help", channelId: "slack")).Sent).Text!;

        var texts = Strings(card).ToList();
        Assert.DoesNotContain(texts, t => t.Contains('`', StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("‘zoek ‹woorden›’", StringComparison.Ordinal)); // no "<…>" a renderer reads as HTML
        Assert.DoesNotContain(texts, t => t.Contains('<', StringComparison.Ordinal) && t.Contains("zoek", StringComparison.Ordinal));
        Assert.Contains("`zoek <woorden>`", slack, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    [Fact]
    public void Inline_code_becomes_quotes_in_text_and_facts_but_not_in_action_data()
    {
        var card = JsonNode.Parse("""
        {"type":"AdaptiveCard","body":[
          {"type":"TextBlock","text":"typ `meer` of \\`dit\\`"},
          {"type":"RichTextBlock","inlines":[{"type":"TextRun","text":"`hervat`"}]},
          {"type":"FactSet","facts":[{"title":"Status","value":"gepauzeerd (typ `hervat`)"}]}],
         "actions":[{"type":"Action.Submit","title":"Meer","data":{"text":"`meer`","value":"`x`"}}]}
        """);

        Briefingbot.Kernel.Replies.CardInlineCode.Replace(card);

        Assert.Equal("typ ‘meer’ of \\`dit\\`", card!["body"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("‘hervat’", card["body"]![1]!["inlines"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("gepauzeerd (typ ‘hervat’)", card["body"]![2]!["facts"]![0]!["value"]!.GetValue<string>());
        Assert.Equal(("`meer`", "`x`"), (card["actions"]![0]!["data"]!["text"]!.GetValue<string>(), card["actions"]![0]!["data"]!["value"]!.GetValue<string>()));
    }

    [Fact]
    public void The_converter_handles_facts_links_and_separators()
    {
        var card = JsonNode.Parse("""
        {"type":"AdaptiveCard","version":"1.5","body":[
          {"type":"TextBlock","text":"Titel","weight":"Bolder"},
          {"type":"Container","separator":true,"items":[{"type":"TextBlock","text":"Tekst"}]},
          {"type":"FactSet","facts":[{"title":"Datum","value":"11 april 2025"}]},
          {"type":"TextBlock","text":"verborgen","isVisible":false}],
         "actions":[{"type":"Action.OpenUrl","title":"Bron [1]","url":"https://example.org/a"},{"type":"Action.Submit","title":"Zonder hint","data":{}}]}
        """)!.AsObject();
        Assert.Equal("**Titel**\n\n---\n\nTekst\n\n- **Datum:** 11 april 2025\n\n→ [Bron \\[1\\]](https://example.org/a)", CardMarkdown.Convert(card));
    }

    public void Dispose() => _host.Dispose();
}
