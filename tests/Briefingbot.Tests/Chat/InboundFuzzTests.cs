using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using Briefingbot.Kernel.Commands;
using Briefingbot.Tests.Cards;
using Briefingbot.Tests.Chat.Fakes;
using Briefingbot.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Briefingbot.Tests.Chat;

/// <summary>
/// Issue 16 item 3: 10,000 generated activities (seeded, so every run posts the same bodies) over every activity type,
/// every invoke the bot handles and every command it knows, full of invalid UTF-16, out-of-range dates and numbers,
/// huge and deeply nested values and malformed JSON, posted over HTTP to the real host (WebApplicationFactory) whose
/// replies go to a loopback connector. Nothing may end in a 5xx or in an exception in the log.
/// </summary>
public sealed class InboundFuzzTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private const int Activities = 10_000;
    private const string AdminAad = "fuzz-admin-aad";
    private readonly CapturingLoggerProvider _logs = new();
    private ChatHost _host = null!;
    private ConnectorStub _connector = null!;

    public async Task InitializeAsync()
    {
        _host = new ChatHost
        {
            Settings = new Dictionary<string, string?>
            {
                ["Administration:Admins:0"] = AdminAad,
                // Input handling is under test here, not pacing: every turn runs and answers.
                ["Bot:Pacing:PerConversation:0:PermitLimit"] = "1000000",
                ["Bot:Pacing:PerConversation:0:Window"] = "00:00:01",
                ["Bot:Pacing:PerTenant:0:PermitLimit"] = "1000000",
                ["Bot:Pacing:PerTenant:0:Window"] = "00:00:01",
                ["Logging:LogLevel:Default"] = "Warning",
            },
            Logs = _logs,
        };
        await _host.InitializeAsync();
        _connector = _host.Connector;
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Ten_thousand_hostile_activities_give_no_5xx_and_no_logged_exception()
    {
        var commands = _host.Services.GetServices<ICommandHandler>().SelectMany(h => h.Names).Distinct().ToArray();
        Assert.True(commands.Length >= 20, "every command word of the bot is fuzzed");
        var generator = new ActivityFuzzer(new Random(16_003), commands, _connector.ServiceUrl, AdminAad);
        var bodies = Enumerable.Range(0, Activities).Select(generator.Next).ToArray();
        var kinds = bodies.GroupBy(b => b.Kind).ToDictionary(g => g.Key, g => g.Count());

        var started = System.Diagnostics.Stopwatch.StartNew();
        var statuses = new ConcurrentDictionary<int, int>();
        var serverErrors = new ConcurrentQueue<string>();
        var next = -1;
        var clients = Enumerable.Range(0, 8).Select(async _ =>
        {
            using var client = _host.CreateClient();
            int i;
            while ((i = Interlocked.Increment(ref next)) < bodies.Length)
            {
                using var content = new ByteArrayContent(bodies[i].Body);
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
                var status = (int)response.StatusCode;
                statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
                // 501 is the protocol's answer to an invoke the bot does not implement, not a server error.
                if (status >= 500 && !(status == 501 && bodies[i].Kind == FuzzKind.UnknownInvoke))
                {
                    serverErrors.Enqueue($"#{i} {bodies[i].Kind}: {status} {Preview(bodies[i].Body)}");
                }
            }
        }).ToArray();
        await Task.WhenAll(clients);
        output.WriteLine($"{Activities} activities in {started.Elapsed.TotalSeconds:F1} s; statuses {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"))}; kinds {string.Join(", ", kinds.Select(k => $"{k.Key}: {k.Value}"))}");

        var exceptions = _logs.Entries.Where(e => e.Exception is not null || e.Level >= LogLevel.Error).ToList();
        Assert.True(serverErrors.IsEmpty, $"{serverErrors.Count} × 5xx, e.g.:\n{string.Join('\n', serverErrors.Take(5))}");
        Assert.True(exceptions.Count == 0,
            $"{exceptions.Count} exceptions/errors logged, e.g.:\n{string.Join("\n\n", exceptions.DistinctBy(e => e.Category + e.Exception?.GetType()).Take(6).Select(e => $"{e.Category}: {e.Message}\n{e.Exception}"))}");
        Assert.Equal(Activities, statuses.Values.Sum());
        // The generator reached every kind, and most activities were accepted (not only refused as malformed).
        Assert.Equal(Enum.GetValues<FuzzKind>().Length, kinds.Count);
        Assert.True(statuses.GetValueOrDefault(200) > Activities / 2, string.Join(", ", statuses.Select(s => $"{s.Key}: {s.Value}")));
        Assert.True(_connector.Received.Values.Sum(q => q.Count) > Activities / 4, "the bot answered at the loopback connector");
    }

    private static string Preview(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        return text.Length > 300 ? text[..300] + "…" : text;
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<Entry> _entries = new();

        public IReadOnlyList<Entry> Entries => [.. _entries];

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        public sealed record Entry(string Category, LogLevel Level, string Message, Exception? Exception);

        private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (logLevel >= LogLevel.Warning)
                {
                    owner._entries.Enqueue(new Entry(category, logLevel, formatter(state, exception), exception));
                }
            }
        }
    }
}

internal enum FuzzKind
{
    Command,
    FreeText,
    Submit,
    Execute,
    MessageExtension,
    UnknownInvoke,
    ConversationUpdate,
    InstallationUpdate,
    OtherType,
    Huge,
    Nested,
    Malformed,
}

internal sealed record FuzzBody(FuzzKind Kind, byte[] Body);

/// <summary>Deterministic generator of hostile activities (JSON written by hand, so lone surrogates stay as \u escapes).</summary>
internal sealed class ActivityFuzzer(Random random, string[] commands, string serviceUrl, string adminAad)
{
    private static readonly string[] Nasty =
    [
        "\ud800", "\udc00", "a\ud800b", "\udfff\ud800", "\ud83d", "😀", "\ufffe", "\uffff", "\u0000", "\ufdd0", "\U0010FFFF",
        "e\u0301", "\u202e", "<at>Briefingbot</at>", "**vet**", "[x](javascript:alert(1))", "'; DROP TABLE topics; --",
        "{{card}}", "${x}", "%s%n", "\\", "\"", "\r\n", "\t", "Oekraïne", "ĳ", "ß", "İ", "\u0085", "…",
    ];

    private static readonly string[] Dates =
    [
        "0001-01-01", "9999-12-31", "2025-11-24", "2025-13-45", "1899-12-31", "2200-01-01", "31-12-9999", "1-1-1",
        "24 november 2025", "32 januari 2025", "29-02-2023", "99999-01-01", "-1", "",
    ];

    private static readonly string[] Numbers =
    [
        "0", "-1", "1", "2147483647", "2147483648", "-2147483649", "9223372036854775808", "1e308", "-1e308", "1e-320",
        "0.5", "-0", "99999999999999999999999999999", "3.14159",
    ];

    private static readonly string[] Words =
    [
        "toevoegen", "verwijder", "verwijderen", "lijst", "status", "open", "verlopen", "alle", "--per", "per", "tot", "van",
        "komende", "dagen", "maandag", "08:00", "25:99", "uit", "aan", "pauze", "drones", "Oekraïne", "dossier", "36045",
        "--dossier", "--type", "--from", "--to", "--page", "@Anne", "<at>Anne</at>", "zoals", "1", "kst-36045-1", "ja", "nee",
    ];

    public FuzzBody Next(int index)
    {
        var kinds = Enum.GetValues<FuzzKind>();
        // Cheap kinds more often than the expensive ones, every kind reached early.
        var kind = index < kinds.Length ? kinds[index] : Pick(
            FuzzKind.Command, FuzzKind.Command, FuzzKind.Command, FuzzKind.FreeText, FuzzKind.Submit, FuzzKind.Execute, FuzzKind.Execute,
            FuzzKind.MessageExtension, FuzzKind.MessageExtension, FuzzKind.UnknownInvoke, FuzzKind.ConversationUpdate,
            FuzzKind.InstallationUpdate, FuzzKind.OtherType, FuzzKind.OtherType, FuzzKind.Huge, FuzzKind.Nested, FuzzKind.Malformed, FuzzKind.Malformed);
        var body = kind switch
        {
            FuzzKind.Command => Message(index, Text(CommandText())),
            FuzzKind.FreeText => Message(index, Text(Phrase(random.Next(1, 6)))),
            FuzzKind.Submit => Message(index, null, ("value", SubmitData())),
            FuzzKind.Execute => Invoke(index, "adaptiveCard/action",
                Obj(("action", Obj(("type", Text("Action.Execute")), ("verb", Text(random.Next(3) == 0 ? Any() : Pick(commands))), ("data", SubmitData()))))),
            FuzzKind.MessageExtension => Invoke(index, "composeExtension/query", Obj(
                ("commandId", Text(Pick("searchLetters", Any()))),
                ("parameters", Arr(Obj(("name", Text(Pick("query", "searchText", Any()))), ("value", Text(random.Next(2) == 0 ? Phrase(2) : Any()))))),
                ("queryOptions", Obj(("skip", Pick(Numbers)), ("count", Pick(Numbers)))))),
            FuzzKind.UnknownInvoke => Invoke(index, Pick("task/fetch", "signin/verifyState", "composeExtension/fetchTask", "actionableMessage/executeAction", Any()), ValueAny(3)),
            FuzzKind.ConversationUpdate => Activity(index, "conversationUpdate",
                ("membersAdded", Arr(Obj(("id", Text(Pick("28:bot", Any()))), ("name", Text(Any()))), Obj(("id", Text("29:user"))))),
                ("membersRemoved", random.Next(2) == 0 ? "null" : Arr(Obj(("id", Text(Any())))))),
            FuzzKind.InstallationUpdate => Activity(index, "installationUpdate", ("action", Text(Pick("add", "remove", "add-upgrade", "remove-upgrade", Any())))),
            FuzzKind.OtherType => Activity(index, Pick("typing", "event", "messageReaction", "endOfConversation", "handoff", Any(), ""), ("value", ValueAny(2))),
            FuzzKind.Huge => random.Next(2) == 0
                ? Message(index, Text(Pick(commands) + " " + new string('x', 100 * 1024)))
                : Message(index, null, ("value", Obj(("text", Text(new string('ü', 50 * 1024) + "\ud800"))))),
            FuzzKind.Nested => Message(index, Text(Pick(commands)), ("value", Nested(random.Next(10, 60)))),
            _ => Malformed(index),
        };
        return new FuzzBody(kind, Encoding.UTF8.GetBytes(body));
    }

    private string CommandText()
    {
        var parts = new List<string> { Pick(commands) };
        for (var n = random.Next(0, 5); n > 0; n--)
        {
            parts.Add(random.Next(6) switch
            {
                0 => Pick(Dates),
                1 => Pick(Numbers),
                2 => Any(),
                _ => Pick(Words),
            });
        }
        if (random.Next(4) == 0)
        {
            parts.Add("--per");
            parts.Add(Pick(Dates));
        }
        return string.Join(' ', parts);
    }

    private string Phrase(int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => random.Next(3) == 0 ? Any() : Pick(Words)));

    private string Any() => random.Next(4) switch
    {
        0 => Pick(Nasty) + Pick(Words),
        1 => Pick(Words) + Pick(Nasty),
        2 => string.Concat(Enumerable.Range(0, random.Next(1, 6)).Select(_ => (char)random.Next(0, 0x10000))),
        _ => Pick(Nasty),
    };

    private string SubmitData()
    {
        var fields = new List<(string, string)>();
        if (random.Next(2) == 0)
        {
            fields.Add(("command", Text(random.Next(3) == 0 ? Any() : Pick(commands))));
        }
        if (random.Next(3) == 0)
        {
            fields.Add(("text", Text(random.Next(2) == 0 ? CommandText() : Any())));
        }
        foreach (var name in new[] { "query", "page", "skip", "id", "letterId", "topic", "dossier", "from", "to", "date", "per", "conversationId", "status" })
        {
            if (random.Next(4) == 0)
            {
                fields.Add((name, random.Next(3) switch
                {
                    0 => Pick(Numbers),
                    1 => Text(Pick(Dates)),
                    _ => random.Next(2) == 0 ? Text(Any()) : ValueAny(2),
                }));
            }
        }
        return random.Next(10) == 0 ? ValueAny(2) : Obj([.. fields]);
    }

    private string ValueAny(int depth) => (depth <= 0 ? random.Next(5) : random.Next(7)) switch
    {
        0 => Text(Any()),
        1 => Pick(Numbers),
        2 => Pick("true", "false", "null"),
        3 => Text(Pick(Dates)),
        4 => Text(Pick(Words)),
        5 => Arr([.. Enumerable.Range(0, random.Next(0, 4)).Select(_ => ValueAny(depth - 1))]),
        _ => Obj([.. Enumerable.Range(0, random.Next(0, 4)).Select(_ => (random.Next(3) == 0 ? Any() : Pick(Words), ValueAny(depth - 1)))]),
    };

    private string Nested(int depth)
    {
        var inner = Text(Any());
        for (var d = 0; d < depth; d++)
        {
            inner = random.Next(2) == 0 ? Obj(("command", Text(Pick(commands))), ("data", inner)) : Arr(inner);
        }
        return inner;
    }

    private string Malformed(int index) => random.Next(9) switch
    {
        0 => Message(index, Text("help"))[..random.Next(1, 60)],
        1 => "not json at all " + Any(),
        2 => "[]",
        3 => "null",
        4 => Message(index, Text("help")).Replace("\"conversation\":{", "\"conversation\":5,\"x\":{", StringComparison.Ordinal),
        5 => new string('[', 5000) + new string(']', 5000),
        6 => Message(index, Text("help")).Replace("\"timestamp\":\"2026-01-05T10:00:00+00:00\"", "\"timestamp\":\"" + Pick("0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "gisteren", "") + "\"", StringComparison.Ordinal),
        7 => Message(index, Text("help")).Replace("\"serviceUrl\":", "\"serviceUrl\":" + Pick("5,\"y\":", "null,\"y\":", "\"file:///etc/passwd\",\"y\":", "\"\",\"y\":"), StringComparison.Ordinal),
        _ => Message(index, Text("help")).Replace("\"id\":\"conv-", "\"id\":\"" + Any() + "-", StringComparison.Ordinal),
    };

    private string Message(int index, string? text, params (string Name, string Json)[] extra)
    {
        var fields = new List<(string, string)>(extra);
        if (text is not null)
        {
            fields.Add(("text", text));
        }
        if (random.Next(8) == 0)
        {
            fields.Add(("entities", Arr(Obj(("type", Text("mention")), ("text", Text("<at>Briefingbot</at>")), ("mentioned", Obj(("id", Text("28:bot"))))))));
        }
        return Activity(index, "message", [.. fields]);
    }

    private string Invoke(int index, string name, string value) => Activity(index, "invoke", ("name", Text(name)), ("value", value));

    private string Activity(int index, string type, params (string Name, string Json)[] extra)
    {
        var fields = new List<(string, string)>
        {
            ("type", Text(type)),
            ("id", Text("a" + index.ToString(CultureInfo.InvariantCulture))),
            ("timestamp", Text("2026-01-05T10:00:00+00:00")),
            ("serviceUrl", Text(serviceUrl)),
            ("channelId", Text(Pick("msteams", "msteams", "msteams", "slack", "webchat", "emulator", Any()))),
            ("from", Obj(("id", Text("29:user-" + random.Next(20))), ("name", Text(random.Next(5) == 0 ? Any() : "Anne")),
                ("aadObjectId", Text(random.Next(3) == 0 ? adminAad : random.Next(5) == 0 ? Any() : "aad-user")))),
            ("recipient", Obj(("id", Text("28:bot")), ("name", Text("Briefingbot")))),
            // Many conversations (each gets a few activities); a few with hostile ids.
            ("conversation", Obj(("id", Text("conv-" + (index % 1500).ToString(CultureInfo.InvariantCulture) + (random.Next(50) == 0 ? Any() : ""))),
                ("conversationType", Text(Pick("personal", "channel", "groupChat", Any()))),
                ("tenantId", Text(Pick("tenant-1", "tenant-2", Any()))),
                ("isGroup", Pick("true", "false")))),
            ("locale", Text(Pick("nl-NL", "en-US", Any()))),
        };
        if (random.Next(6) == 0)
        {
            fields.Add(("channelData", Obj(("tenant", Obj(("id", Text(Any())))), ("team", Obj(("id", Text(Any())), ("name", Text(Any())))),
                ("channel", Obj(("id", Text(Any())))), ("eventType", Text(Pick("teamMemberAdded", Any()))))));
        }
        fields.AddRange(extra);
        return Obj([.. fields]);
    }

    private T Pick<T>(params T[] items) => items[random.Next(items.Length)];

    private static string Obj(params (string Name, string Json)[] fields) =>
        "{" + string.Join(',', fields.Select(f => Text(f.Name) + ":" + f.Json)) + "}";

    private static string Arr(params string[] items) => "[" + string.Join(',', items) + "]";

    /// <summary>A JSON string literal; everything outside printable ASCII as \u escapes, so lone surrogates survive.</summary>
    private static string Text(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                builder.Append('\\').Append(c);
            }
            else if (c < 0x20 || c > 0x7E)
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.Append('"').ToString();
    }
}
