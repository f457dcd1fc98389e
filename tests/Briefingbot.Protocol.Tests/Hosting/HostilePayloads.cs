using System.Text;
using System.Text.Json.Nodes;
using Briefingbot.Protocol.Tests.TestSupport;

namespace Briefingbot.Protocol.Tests.Hosting;

/// <summary>
/// Deterministic (seeded) generator of malformed and hostile /api/messages bodies: broken JSON, wrong types, huge
/// fields, missing parts, deep nesting, invalid UTF-8, odd activity types and odd top-level values.
/// </summary>
internal sealed class HostilePayloads(int seed, string serviceUrl)
{
    private static readonly string[] Fields =
        ["type", "id", "timestamp", "serviceUrl", "channelId", "from", "recipient", "conversation", "text", "entities", "attachments", "value", "channelData", "membersAdded", "locale", "replyToId", "action", "name"];

    private readonly Random _random = new(seed);

    public const int Kinds = 14;

    public (int Kind, byte[] Body) Next()
    {
        var kind = _random.Next(Kinds);
        return (kind, kind switch
        {
            0 => RandomBytes(),
            1 => Truncated(),
            2 => WrongType(),
            3 => HugeField(),
            4 => MissingPart(),
            5 => DeepNesting(),
            6 => InvalidUtf8InString(),
            7 => Utf8(OddTopLevel()),
            8 => Utf8(OddType()),
            9 => Utf8(OddServiceUrl()),
            10 => Utf8(HostileEntities()),
            11 => Utf8(Activities.Message(RandomText(_random.Next(0, 200)), serviceUrl).ToJsonString()),
            12 => Utf8(DuplicateAndEscapedKeys()),
            _ => Utf8(NullsEverywhere()),
        });
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private JsonObject Valid() => Activities.Message(RandomText(20), serviceUrl);

    private byte[] RandomBytes()
    {
        var bytes = new byte[_random.Next(0, 2048)];
        _random.NextBytes(bytes);
        return bytes;
    }

    private byte[] Truncated()
    {
        var json = Utf8(Valid().ToJsonString());
        return json[.._random.Next(0, json.Length - 1)];
    }

    private byte[] WrongType()
    {
        var activity = Valid();
        var field = Fields[_random.Next(Fields.Length)];
        activity[field] = _random.Next(6) switch
        {
            0 => JsonValue.Create(_random.Next()),
            1 => JsonValue.Create(true),
            2 => new JsonArray(1, 2, 3),
            3 => new JsonObject { ["x"] = "y" },
            4 => JsonValue.Create(1e308),
            _ => JsonValue.Create(RandomText(10)),
        };
        return Utf8(activity.ToJsonString());
    }

    private byte[] HugeField()
    {
        var activity = Valid();
        // Half below the 64 KiB limit (parsed and dispatched), half above it (413).
        var size = _random.Next(2) == 0 ? _random.Next(10_000, 60_000) : _random.Next(70_000, 400_000);
        activity[Fields[_random.Next(Fields.Length)] is "type" or "serviceUrl" or "conversation" ? "text" : "locale"] = new string('A', size);
        return Utf8(activity.ToJsonString());
    }

    private byte[] MissingPart()
    {
        var activity = Valid();
        var drop = _random.Next(4);
        if (drop is 0 or 3) activity.Remove("conversation");
        if (drop is 1 or 3) activity.Remove("serviceUrl");
        if (drop == 2) activity["conversation"] = new JsonObject { ["name"] = "no id" };
        return Utf8(activity.ToJsonString());
    }

    private byte[] DeepNesting()
    {
        var depth = _random.Next(60, 20_000);
        var open = _random.Next(2) == 0 ? "[" : "{\"a\":";
        var close = open == "[" ? "]" : "}";
        var builder = new StringBuilder();
        builder.Append("{\"type\":\"message\",\"serviceUrl\":\"").Append(serviceUrl).Append("\",\"conversation\":{\"id\":\"c\"},\"channelData\":");
        for (var i = 0; i < depth; i++) builder.Append(open);
        builder.Append("1");
        for (var i = 0; i < depth; i++) builder.Append(close);
        builder.Append('}');
        return Utf8(builder.ToString());
    }

    private byte[] InvalidUtf8InString()
    {
        var json = Utf8(Activities.Message("__X__", serviceUrl).ToJsonString());
        var marker = Encoding.ASCII.GetBytes("__X__");
        var at = json.AsSpan().IndexOf(marker);
        byte[][] bad = [[0xC3], [0xFF, 0xFE], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF]];
        return [.. json[..at], .. bad[_random.Next(bad.Length)], .. json[(at + marker.Length)..]];
    }

    private string OddTopLevel() => _random.Next(7) switch
    {
        0 => "null",
        1 => "[]",
        2 => "\"message\"",
        3 => "12345",
        4 => "true",
        5 => "{}",
        _ => "   ",
    };

    private string OddType()
    {
        var activity = Valid();
        activity["type"] = _random.Next(5) switch
        {
            0 => "",
            1 => "   ",
            2 => RandomText(30),
            3 => "MESSAGE",
            _ => "invoke",
        };
        return activity.ToJsonString();
    }

    private string OddServiceUrl()
    {
        var activity = Valid();
        activity["serviceUrl"] = _random.Next(6) switch
        {
            0 => "javascript:alert(1)",
            1 => "file:///etc/passwd",
            2 => "//no-scheme.example.org/",
            3 => "http://",
            4 => RandomText(40),
            _ => "",
        };
        return activity.ToJsonString();
    }

    private string HostileEntities()
    {
        var activity = Valid();
        var entities = new JsonArray();
        for (var i = 0; i < _random.Next(0, 200); i++)
        {
            entities.Add(_random.Next(4) switch
            {
                0 => null,
                1 => new JsonObject { ["type"] = "mention" },
                2 => new JsonObject { ["type"] = "mention", ["mentioned"] = new JsonObject { ["id"] = Activities.BotId }, ["text"] = RandomText(5) },
                _ => new JsonObject { ["type"] = RandomText(8), ["mentioned"] = null },
            });
        }
        activity["entities"] = entities;
        activity["attachments"] = new JsonArray(null, new JsonObject { ["contentType"] = null, ["content"] = RandomText(10) });
        activity["membersAdded"] = new JsonArray(null, new JsonObject());
        return activity.ToJsonString();
    }

    private string DuplicateAndEscapedKeys()
    {
        var valid = Valid().ToJsonString();
        return "{\"type\":\"message\",\"t\\u0079pe\":\"invoke\"," + valid[1..];
    }

    private string NullsEverywhere()
    {
        var activity = Valid();
        foreach (var field in Fields.Where(_ => _random.Next(2) == 0))
        {
            activity[field] = null;
        }
        return activity.ToJsonString();
    }

    private string RandomText(int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = _random.Next(10) switch
            {
                0 => (char)_random.Next(0, 32),
                1 => (char)_random.Next(0xD800, 0xE000), // lone surrogates
                2 => '"',
                3 => '\\',
                4 => '<',
                _ => (char)_random.Next(32, 0x2FFF),
            };
        }
        return new string(chars);
    }
}
