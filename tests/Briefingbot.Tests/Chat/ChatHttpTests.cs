using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Briefingbot.Dossiers.Ingest;
using Briefingbot.Tests.Cards;
using Briefingbot.Tests.Chat.Fakes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Briefingbot.Tests.Chat;

/// <summary>
/// The chat through the real host: POST /api/messages (development mode: no app id, no token) on
/// WebApplicationFactory&lt;Program&gt;, replies delivered to a loopback connector stub at the activity's serviceUrl.
/// </summary>
public sealed class ChatHttpTests(ChatHttpTests.Host host) : IClassFixture<ChatHttpTests.Host>
{
    /// <summary>One bot host and connector stub for the tests of this class.</summary>
    public sealed class Host : IAsyncLifetime
    {
        private readonly string _data = Path.Combine(Path.GetTempPath(), "bb-chat-http-" + Guid.NewGuid().ToString("N"));
        private WebApplicationFactory<Program> _factory = null!;

        public ConnectorStub Connector { get; private set; } = null!;

        public HttpClient Client { get; private set; } = null!;

        public IServiceProvider Services => _factory.Services;

        public async Task InitializeAsync()
        {
            Directory.CreateDirectory(_data);
            Connector = await ConnectorStub.StartAsync();
            _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
            {
                web.UseSetting("MicrosoftAppId", "");
                // Replies with a free slot are sent within the request; a generous budget keeps that true on a busy
                // machine, so each test can read the reply as soon as its POST returns.
                web.UseSetting("Bot:Outbox:InlineSendBudget", "00:01:00");
                web.UseSetting("Dossiers:CorpusPath", Path.Combine(NodeCardChecker.RepoRoot, "seeds"));
                web.UseSetting("Dossiers:IndexPath", Path.Combine(_data, "index"));
                web.UseSetting("Storage:ConnectionString", $"Data Source={Path.Combine(_data, "bot.db")}");
                // Fill only what the host does not register yet (storage, letter parser): real ones always win.
                web.ConfigureTestServices(services => services.AddMissingStoreStandIns().AddMissingDossierStandIns());
            });
            Client = _factory.CreateClient();
            // The start-up ingest runs in the background; wait for it so searches see the seeds.
            await _factory.Services.GetRequiredService<LetterIndexHostedService>().Ingest.WaitAsync(TimeSpan.FromMinutes(2));
        }

        public async Task DisposeAsync()
        {
            Client.Dispose();
            try
            {
                await _factory.DisposeAsync();
            }
            catch (ObjectDisposedException)
            {
                // Known teardown race outside the chat: LetterIndexHostedService.StopAsync after its Dispose when the
                // factory and Program's RunAsync both stop the host (reported to the search work).
            }
            await Connector.DisposeAsync();
            try
            {
                Directory.Delete(_data, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: SQLite or Lucene may hold a file a moment longer; temp folders are harmless.
            }
        }
    }

    private ConnectorStub Connector => host.Connector;

    private HttpClient Client => host.Client;

    private JsonObject Activity(string type, string conversationId, string id) => new()
    {
        ["type"] = type,
        ["id"] = id,
        ["channelId"] = "msteams",
        ["serviceUrl"] = Connector.ServiceUrl,
        ["from"] = new JsonObject { ["id"] = "user-1", ["name"] = "Kamerlid", ["aadObjectId"] = "aad-1" },
        ["recipient"] = new JsonObject { ["id"] = "bot-1", ["name"] = "Briefingbot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal" },
    };

    private Task<HttpResponseMessage> PostAsync(JsonObject activity) =>
        Client.PostAsync(new Uri("/api/messages", UriKind.Relative), new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));

    [Fact]
    public async Task Help_over_HTTP_reaches_the_connector_as_a_help_card()
    {
        var activity = Activity("message", "http-help", "a1");
        activity["text"] = "help";
        var response = await PostAsync(activity);

        Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());
        var reply = Assert.Single(Connector.Messages("http-help"));
        var card = reply.GetProperty("attachments")[0].GetProperty("content");
        Assert.Contains("Wat kan Briefingbot?", CardAssert.AllText(card));

        // With every feature's commands listed, the help card still passes the official checks.
        var file = Path.Combine(Path.GetTempPath(), $"help-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, card.GetRawText());
        try
        {
            var result = (await NodeCardChecker.RunAsync([new NodeCardChecker.Job("help", Card: file)]))["help"];
            Assert.Empty(result.SchemaErrors);
            Assert.Empty(result.RendererEvents);
            Assert.True(result.SizeOk);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Vergaderingen_links_the_calendar_feed_at_the_bots_own_absolute_url_not_the_service_url()
    {
        // Issue 14 item 12: the link was the bare path "/calendar.ics", which no chat client can open.
        var activity = Activity("message", "http-feed", "f1");
        activity["text"] = "vergaderingen --per 2025-11-24";
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/messages", UriKind.Relative))
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Host = "briefingbot.example.test:8443";
        var response = await Client.SendAsync(request);

        Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());
        var card = Assert.Single(Connector.Messages("http-feed")).GetProperty("attachments")[0].GetProperty("content");
        var text = CardAssert.AllText(card);
        Assert.Contains("[http://briefingbot.example.test:8443/calendar.ics](http://briefingbot.example.test:8443/calendar.ics)", text);
        Assert.DoesNotContain(new Uri(Connector.ServiceUrl).Authority + "/calendar.ics", text);
        Assert.DoesNotContain(" /calendar.ics", text);
    }

    [Fact]
    public async Task A_typed_meer_pages_the_last_search_kept_in_the_store()
    {
        var search = Activity("message", "http-more", "m1");
        search["text"] = "zoek defensie";
        Assert.True((await PostAsync(search)).IsSuccessStatusCode);
        var more = Activity("message", "http-more", "m2");
        more["text"] = "meer";
        Assert.True((await PostAsync(more)).IsSuccessStatusCode);

        var replies = Connector.Messages("http-more");
        Assert.Equal(2, replies.Count);
        var second = CardAssert.AllText(replies[1].GetProperty("attachments")[0].GetProperty("content"));
        Assert.Contains("Resultaten voor ‘defensie’", second);
        Assert.Contains("pagina 2 van", second);
        // The host keeps conversation state in its store (SQLite here), where every instance would see it.
        Assert.IsType<Briefingbot.Chat.StoreConversationState>(host.Services.GetRequiredService<Briefingbot.Chat.IConversationState>());
    }

    [Fact]
    public async Task A_mention_in_a_team_channel_is_stripped_and_the_search_answers()
    {
        var activity = Activity("message", "http-channel", "a2");
        activity["conversation"]!["conversationType"] = "channel";
        activity["conversation"]!["isGroup"] = true;
        activity["text"] = "<at>Briefingbot</at> drones";
        activity["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>Briefingbot</at>",
            ["mentioned"] = new JsonObject { ["id"] = "bot-1", ["name"] = "Briefingbot" },
        });
        var response = await PostAsync(activity);

        Assert.True(response.IsSuccessStatusCode);
        var card = Assert.Single(Connector.Messages("http-channel")).GetProperty("attachments")[0].GetProperty("content");
        Assert.Contains("Resultaten voor ‘drones’", CardAssert.AllText(card));
    }

    [Fact]
    public async Task Action_Execute_over_HTTP_answers_in_the_response_body()
    {
        var activity = Activity("invoke", "http-exec", "a3");
        activity["name"] = "adaptiveCard/action";
        activity["value"] = JsonNode.Parse("""{"action":{"type":"Action.Execute","verb":"meer","data":{"command":"meer","q":"defensie","page":1}}}""");
        var response = await PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("application/vnd.microsoft.card.adaptive", body.GetProperty("type").GetString());
        Assert.Contains("pagina 2 van", CardAssert.AllText(body.GetProperty("value")));
    }

    [Fact]
    public async Task Two_hundred_hostile_inputs_get_polite_answers_and_never_a_5xx()
    {
        var inputs = HostileInputs.All();
        int n = 0;
        foreach (var input in inputs)
        {
            // One conversation per input: the connector pacing (Teams' per-conversation limits) stays out of the way.
            var conversationId = "hostile-" + n;
            var activity = input.Kind == HostileInputs.Kind.Execute ? Activity("invoke", conversationId, "h" + n) : Activity("message", conversationId, "h" + n);
            switch (input.Kind)
            {
                case HostileInputs.Kind.Text:
                    activity["text"] = input.Payload;
                    break;
                case HostileInputs.Kind.Submit:
                    activity["value"] = JsonNode.Parse(input.Payload);
                    break;
                default:
                    activity["name"] = "adaptiveCard/action";
                    activity["value"] = JsonNode.Parse(input.Payload);
                    break;
            }
            n++;
            var response = await PostAsync(activity);

            Assert.True((int)response.StatusCode < 500, $"input {n}: {(int)response.StatusCode}");
            if (input.Kind == HostileInputs.Kind.Execute)
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                Assert.Equal(200, body.GetProperty("statusCode").GetInt32());
                Assert.DoesNotContain("Exception", body.GetRawText(), StringComparison.Ordinal);
            }
            else if (response.IsSuccessStatusCode)
            {
                var reply = Assert.Single(Connector.Messages(conversationId));
                var polite = reply.TryGetProperty("attachments", out var a) && a.GetArrayLength() > 0
                    ? a[0].GetProperty("content").GetRawText()
                    : reply.GetProperty("text").GetString()!;
                Assert.False(string.IsNullOrWhiteSpace(polite), $"input {n}: empty reply");
                // Forged data can name another feature's command, whose store is a stand-in here: its apology
                // is still a polite Dutch answer. What must never show is a stack trace.
                Assert.DoesNotContain("Exception", polite, StringComparison.Ordinal);
                Assert.DoesNotContain("   at ", polite, StringComparison.Ordinal);
            }
        }
    }
}
