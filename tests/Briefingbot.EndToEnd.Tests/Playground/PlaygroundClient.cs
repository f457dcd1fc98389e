using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using static Briefingbot.EndToEnd.Tests.Playground.PlaygroundIdentities;

namespace Briefingbot.EndToEnd.Tests.Playground;

/// <summary>
/// Talks to the Agents Playground the way its web UI does (pinned version, see tests/e2e-tools/package.json):
/// <c>POST /_conversation/v1/conversations/{id}/messages</c> to type, <c>/_conversation/v1/invoke</c> for
/// Action.Execute, <c>/_conversation/v1/submit</c> for Action.Submit, <c>/_internal/v1/customActivities</c> for
/// "Mock an Activity"; the bot's answers are read from the conversation WebSocket (<see cref="ConversationStream"/>).
/// </summary>
public sealed class PlaygroundClient(HttpClient http, ConversationStream stream, int port)
{
    public static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(45);

    public int Port => port;

    public ConversationStream Stream => stream;

    /// <summary>Types <paramref name="text"/> as the current user and returns the bot's first message in answer.</summary>
    /// <param name="mentionBot">Prefix an @mention of the bot, as Teams requires in channels and group chats.</param>
    public async Task<BotAnswer> AskAsync(string conversationId, string text, bool mentionBot = false, Func<PlaygroundMessage, bool>? until = null)
    {
        var mark = stream.Mark();
        var mention = $"<at>{BotName}</at>";
        object body = mentionBot
            ? new { from = new { id = AdminUserId }, text = $"{mention} {text}", textFormat = "plain", mentions = new[] { new { mentioned = new { id = BotId }, text = mention } } }
            : new { from = new { id = AdminUserId }, text, textFormat = "plain" };
        using var response = await http.PostAsJsonAsync($"/_conversation/v1/conversations/{Uri.EscapeDataString(conversationId)}/messages", body);
        var payload = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"The Playground refused the message ({(int)response.StatusCode}): {payload}");
        using var sent = JsonDocument.Parse(payload);
        // A new channel message starts a thread (a conversation of its own); the bot answers in that thread.
        var replyConversation = sent.RootElement.TryGetProperty("postConversationId", out var post) && post.ValueKind == JsonValueKind.String
            ? post.GetString()!
            : conversationId;
        var answer = await stream.WaitForAsync(
            mark,
            m => m.IsFromBot && m.Action == "createMessage" && m.ConversationId == replyConversation && (until?.Invoke(m) ?? true),
            AnswerTimeout,
            $"answer from the bot to \"{text}\" in {replyConversation}");
        return BotAnswer.From(answer);
    }

    /// <summary>
    /// Presses the card action titled <paramref name="title"/> on the bot's message, as the UI does: Action.Execute
    /// becomes an <c>adaptiveCard/action</c> invoke answered synchronously; Action.Submit a message with a value,
    /// answered by a new bot message.
    /// </summary>
    public async Task<BotAnswer> PressAsync(PlaygroundMessage cardMessage, string title)
    {
        var card = cardMessage.Card ?? throw new InvalidOperationException($"Message {cardMessage.MessageId} has no Adaptive Card.");
        var matches = CardText.Actions(card).Where(a => a.Title == title).ToList();
        Assert.True(matches.Count > 0, $"The card has no action titled \"{title}\"; it has: {string.Join(", ", CardText.Actions(card).Select(a => a.Title))}");
        var (type, _, action) = matches[0];
        var data = action.TryGetProperty("data", out var d) ? JsonNode.Parse(d.GetRawText()) : new JsonObject();

        if (type == "Action.Execute")
        {
            var value = new JsonObject
            {
                ["action"] = new JsonObject
                {
                    ["type"] = type,
                    ["title"] = title,
                    ["verb"] = action.TryGetProperty("verb", out var verb) ? verb.GetString() : null,
                    ["data"] = data,
                },
            };
            var body = new JsonObject
            {
                ["name"] = "adaptiveCard/action",
                ["value"] = value,
                ["from"] = new JsonObject { ["id"] = AdminUserId },
                ["conversation"] = new JsonObject { ["id"] = cardMessage.ConversationId },
                ["replyToId"] = cardMessage.MessageId,
            };
            var mark = stream.Mark();
            using var response = await http.PostAsJsonAsync("/_conversation/v1/invoke", body);
            var payload = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"The invoke for \"{title}\" failed ({(int)response.StatusCode}): {payload}");
            using var answer = JsonDocument.Parse(payload);
            var root = answer.RootElement;
            var contentType = root.TryGetProperty("type", out var t) ? t.GetString() : null;
            if (contentType == "application/vnd.microsoft.card.adaptive")
            {
                return new BotAnswer(root.GetProperty("value").Clone(), null, null);
            }
            if (contentType == "application/vnd.microsoft.activity.message")
            {
                // A text answer to the invoke; a bot may also post a new card next to it.
                var text = root.GetProperty("value").GetString();
                var posted = stream.Snapshot().Skip(mark).FirstOrDefault(m => m.IsFromBot && m.ConversationId == cardMessage.ConversationId);
                return posted is null ? new BotAnswer(null, text, null) : BotAnswer.From(posted);
            }
            throw new InvalidOperationException($"Unexpected invoke answer for \"{title}\": {payload}");
        }

        if (type == "Action.Submit")
        {
            var mark = stream.Mark();
            var body = new JsonObject
            {
                ["conversation"] = new JsonObject { ["id"] = cardMessage.ConversationId },
                ["from"] = new JsonObject { ["id"] = AdminUserId },
                ["replyToId"] = cardMessage.MessageId,
                ["value"] = data is JsonObject ? data : new JsonObject(),
            };
            using var response = await http.PostAsJsonAsync("/_conversation/v1/submit", body);
            Assert.True(response.IsSuccessStatusCode, $"The submit for \"{title}\" failed ({(int)response.StatusCode}): {await response.Content.ReadAsStringAsync()}");
            var answer = await stream.WaitForAsync(mark, m => m.IsFromBot && m.Action == "createMessage" && m.ConversationId == cardMessage.ConversationId,
                AnswerTimeout, $"answer from the bot to \"{title}\"");
            return BotAnswer.From(answer);
        }

        throw new InvalidOperationException($"Action \"{title}\" is a {type}; only Execute and Submit reach the bot.");
    }

    /// <summary>
    /// Sends a message activity as <paramref name="userId"/> through the Playground's "Mock an Activity" route (the UI
    /// always types as the configured current user) and returns the bot's answer in <paramref name="conversationId"/>.
    /// </summary>
    public Task<BotAnswer> AskAsAsync(string userId, string userName, string aadObjectId, string conversationId, string text) =>
        SendAsAsync(userId, userName, aadObjectId, conversationId, text, value: null);

    /// <summary>
    /// Presses the card action titled <paramref name="title"/> as <paramref name="userName"/>. The Playground's own
    /// invoke and submit routes act only for its current user, so the press goes through "Mock an Activity" as the
    /// message an Action.Submit sends (the action's data as value); the bot answers it with a new message.
    /// </summary>
    public Task<BotAnswer> PressAsAsync(string userId, string userName, string aadObjectId, PlaygroundMessage cardMessage, string title)
    {
        var card = cardMessage.Card ?? throw new InvalidOperationException($"Message {cardMessage.MessageId} has no Adaptive Card.");
        var matches = CardText.Actions(card).Where(a => a.Title == title).ToList();
        Assert.True(matches.Count > 0, $"The card has no action titled \"{title}\"; it has: {string.Join(", ", CardText.Actions(card).Select(a => a.Title))}");
        var action = matches[0].Action;
        var data = action.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? JsonNode.Parse(d.GetRawText())!.AsObject() : new JsonObject();
        if (!data.ContainsKey("command") && !data.ContainsKey("text") && action.TryGetProperty("verb", out var verb) && verb.ValueKind == JsonValueKind.String)
        {
            data["command"] = verb.GetString();
        }
        return SendAsAsync(userId, userName, aadObjectId, cardMessage.ConversationId, null, data);
    }

    private async Task<BotAnswer> SendAsAsync(string userId, string userName, string aadObjectId, string conversationId, string? text, JsonObject? value)
    {
        var mark = stream.Mark();
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["channelId"] = "msteams",
            ["serviceUrl"] = $"http://localhost:{port}/_connector",
            ["from"] = new JsonObject { ["id"] = userId, ["name"] = userName, ["aadObjectId"] = aadObjectId },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
            ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = TenantId },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
            ["text"] = text,
            ["textFormat"] = "plain",
            ["locale"] = "nl-NL",
        };
        if (value is not null)
        {
            activity["value"] = value;
        }
        using var response = await http.PostAsJsonAsync("/_internal/v1/customActivities", activity);
        Assert.True(response.IsSuccessStatusCode, $"The Playground refused the custom activity ({(int)response.StatusCode}).");
        var answer = await stream.WaitForAsync(mark, m => m.IsFromBot && m.Action == "createMessage" && m.ConversationId == conversationId,
            AnswerTimeout, $"answer from the bot to {userName}'s \"{text ?? value?.ToJsonString()}\"");
        return BotAnswer.From(answer);
    }
}
