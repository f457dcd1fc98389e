using System.Text.Json.Nodes;
using Briefingbot.Cards;
using Briefingbot.Kernel.Replies;
using Briefingbot.Tests.Chat;
using Microsoft.Extensions.Options;

namespace Briefingbot.Tests.Cards;

/// <summary>Short Markdown replies become the <c>note</c> card: paragraphs, quotes on a background, no code spans.</summary>
public sealed class NoteCardTests
{
    private const string Reply = "**Toezegging 5** · open\n\n> Het kabinet komt begin 2026 met een voortgangsbrief.\n> Tweede regel.\n\nZet de status met `toezegging 5 voldaan`.\n- voldaan\n- heropend\r\n";

    [Fact]
    public void Paragraphs_quotes_and_code_spans_become_containers_and_text_blocks()
    {
        var data = NoteCard.Data(Reply);

        var paragraphs = data["paragraphs"]!.AsArray().Select(p => (
            Style: p!["style"]!.GetValue<string>(),
            Lines: p["lines"]!.AsArray().Select(l => l!["text"]!.GetValue<string>()).ToList())).ToList();
        Assert.Equal(3, paragraphs.Count);
        Assert.Equal(["default", "emphasis", "default"], paragraphs.Select(p => p.Style));
        Assert.Equal(["**Toezegging 5** · open"], paragraphs[0].Lines);
        Assert.Equal(["Het kabinet komt begin 2026 met een voortgangsbrief.", "Tweede regel."], paragraphs[1].Lines);
        Assert.Equal(["Zet de status met ‘toezegging 5 voldaan’.", "- voldaan", "- heropend"], paragraphs[2].Lines);
    }

    [Fact]
    public void The_rendered_card_holds_every_line_and_sets_quotes_apart()
    {
        var renderer = new SizeCheckedCardRenderer(new CardRenderer(Options.Create(new CardOptions())));

        var card = renderer.Render(CardNames.Note, NoteCard.Data(Reply));

        Assert.Equal(
            ["**Toezegging 5** · open", "Het kabinet komt begin 2026 met een voortgangsbrief.", "Tweede regel.", "Zet de status met ‘toezegging 5 voldaan’.", "- voldaan", "- heropend"],
            CardAssert.Texts(card));
        var containers = JsonNode.Parse(card.GetRawText())!["body"]!.AsArray();
        Assert.Equal(["default", "emphasis", "default"], containers.Select(c => c!["style"]!.GetValue<string>()));
    }
}
