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
        Assert.Contains("[Officiële bron](https://zoek.officielebekendmakingen.nl/kst-22112-4027.html)", text);
        Assert.Contains("Toon brief: typ `brief 000_28c287220feeccd7`", text);
        Assert.Contains("Meer resultaten: typ `meer`", text);
        Assert.DoesNotContain("${", text);
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

    [Fact]
    public async Task Teams_still_gets_cards()
    {
        var turn = await _host.SayAsync("drones", channelId: "msteams");
        turn.SingleCard();
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
