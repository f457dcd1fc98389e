using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Briefingbot.Briefings.Composition;
using Briefingbot.Protocol.Schema;
using Microsoft.Extensions.Options;

namespace Briefingbot.Briefings.Rendering;

/// <summary>
/// Renders a briefing as one or more messages: Adaptive Card 1.5 (the layout of <c>cards/briefing.json</c>) for
/// channels that render cards, Markdown text otherwise. A briefing that would exceed the Teams limits (one card
/// ~28 KB, one message under 80 KB) is split between items into numbered parts; nothing is cut off silently.
/// </summary>
public sealed class BriefingRenderer(IOptions<BriefingOptions> options, IOptions<Chat.ChatOptions>? chat = null)
{
    // Room for the part label ("deel 2 van 3") and the activity envelope around the card.
    private const int HeaderReserve = 400;
    private const int EnvelopeReserve = 2_000;
    private readonly BriefingOptions _options = options.Value;

    /// <summary>
    /// Whether a channel renders Adaptive Cards: not one of <c>Chat:TextOnlyChannels</c> (Slack by default, which shows
    /// cards as images), the same setting the chat's answers follow (a QA pass: scheduled briefings and alerts went out
    /// as cards to a channel configured as text only, because only "slack" was known here).
    /// </summary>
    public bool ChannelSupportsCards(string? channelId) => Chat.ChatOptions.SupportsCards(chat, channelId);

    /// <summary>The messages for <paramref name="briefing"/>, in order.</summary>
    public IReadOnlyList<Activity> Render(Briefing briefing, bool cards)
    {
        var sections = BriefingSections.Build(briefing, _options.MeetingHorizonDays);
        var budget = Math.Min(_options.MaxCardBytes, _options.MaxMessageBytes - EnvelopeReserve) - HeaderReserve;
        return cards ? RenderCards(briefing, sections, budget) : RenderText(briefing, sections, budget);
    }

    private static List<Activity> RenderCards(Briefing briefing, IReadOnlyList<BriefingSection> sections, int budget)
    {
        var parts = Pack(sections, budget, SectionTitleCard, ItemCard, n => Encoding.UTF8.GetByteCount(n.ToJsonString()));
        var activities = new List<Activity>(parts.Count);
        for (var i = 0; i < parts.Count; i++)
        {
            var body = new JsonArray
            {
                TextBlock(BriefingSections.Heading(briefing), size: "Large", weight: "Bolder"),
                TextBlock(PartLabel(BriefingSections.Subheading(briefing), i, parts.Count), subtle: true, spacing: "None"),
            };
            foreach (var node in parts[i])
            {
                body.Add(node);
            }
            var card = new JsonObject
            {
                ["type"] = "AdaptiveCard",
                ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
                ["version"] = "1.5",
                ["body"] = body,
            };
            Kernel.Replies.CardInlineCode.Replace(card);
            activities.Add(new Activity
            {
                Type = ActivityTypes.Message,
                Summary = PartLabel(BriefingSections.Heading(briefing), i, parts.Count),
                Attachments =
                [
                    new Attachment
                    {
                        ContentType = Attachment.AdaptiveCardContentType,
                        Content = JsonSerializer.SerializeToElement(card),
                    },
                ],
            });
        }
        return activities;
    }

    private static List<Activity> RenderText(Briefing briefing, IReadOnlyList<BriefingSection> sections, int budget)
    {
        var parts = Pack(sections, budget, t => $"**{t}**", i => i.Markdown, s => Encoding.UTF8.GetByteCount(s) + 2);
        var activities = new List<Activity>(parts.Count);
        for (var i = 0; i < parts.Count; i++)
        {
            var text = new StringBuilder()
                .Append("## ").Append(BriefingSections.Heading(briefing)).Append("\n\n")
                .Append('_').Append(PartLabel(BriefingSections.Subheading(briefing), i, parts.Count)).Append("_\n\n")
                .AppendJoin("\n\n", parts[i])
                .ToString();
            activities.Add(new Activity { Type = ActivityTypes.Message, TextFormat = "markdown", Text = text });
        }
        return activities;
    }

    private static string PartLabel(string text, int index, int count) =>
        count == 1 ? text : $"{text} · deel {index + 1} van {count}";

    /// <summary>
    /// Greedy packing of items into parts under <paramref name="budget"/> bytes. A section that continues in the
    /// next part repeats its title with "(vervolg)", so every part reads on its own.
    /// </summary>
    private static List<List<T>> Pack<T>(IReadOnlyList<BriefingSection> sections, int budget, Func<string, T> title, Func<BriefingItem, T> item, Func<T, int> size)
    {
        var parts = new List<List<T>> { new() };
        var used = 0;
        foreach (var section in sections)
        {
            var titleNode = title(section.Title);
            var titleSize = size(titleNode);
            var titled = false;
            foreach (var entry in section.Items)
            {
                var node = item(entry);
                var need = size(node) + (titled ? 0 : titleSize);
                if (used > 0 && used + need > budget)
                {
                    parts.Add([]);
                    used = 0;
                    titled = false;
                    titleNode = title(section.Title + " (vervolg)");
                    titleSize = size(titleNode);
                    need = size(node) + titleSize;
                }
                if (!titled)
                {
                    parts[^1].Add(titleNode);
                    titled = true;
                    // After a continuation the next section starts with its own plain title again.
                    titleNode = title(section.Title);
                }
                parts[^1].Add(node);
                used += need;
            }
        }
        return parts;
    }

    private static JsonNode SectionTitleCard(string text)
    {
        var block = TextBlock(text, size: "Medium", weight: "Bolder", spacing: "Large");
        block["separator"] = true;
        return block;
    }

    private static JsonNode ItemCard(BriefingItem item)
    {
        var items = new JsonArray();
        for (var i = 0; i < item.Lines.Count; i++)
        {
            items.Add(TextBlock(item.Lines[i], subtle: i > 0 && item.Subtle, spacing: i == 0 ? null : "None", size: i == 0 ? null : "Small"));
        }
        return new JsonObject { ["type"] = "Container", ["spacing"] = "Medium", ["items"] = items };
    }

    private static JsonObject TextBlock(string text, string? size = null, string? weight = null, bool subtle = false, string? spacing = null)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (size is not null) block["size"] = size;
        if (weight is not null) block["weight"] = weight;
        if (subtle) block["isSubtle"] = true;
        if (spacing is not null) block["spacing"] = spacing;
        return block;
    }
}
