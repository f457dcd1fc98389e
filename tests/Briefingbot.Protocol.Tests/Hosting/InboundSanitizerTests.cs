using System.Text;
using System.Text.Json;
using Briefingbot.Protocol.Hosting;
using Briefingbot.Protocol.Schema;

namespace Briefingbot.Protocol.Tests.Hosting;

/// <summary>Issue 16 item 3: every string of an inbound activity is valid, normalisable UTF-16 before anything reads it.</summary>
public sealed class InboundSanitizerTests
{
    [Theory]
    [InlineData("""{"type":"message","text":"zoek \ud800"}""", "zoek \uFFFD")]
    [InlineData("""{"type":"message","text":"zoek \ufffe"}""", "zoek \uFFFD")]
    [InlineData("""{"type":"message","text":"a\udc00\ud800b"}""", "a\uFFFD\uFFFDb")]
    [InlineData("""{"type":"message","text":"nul\u0000"}""", "nul\uFFFD")]
    [InlineData("""{"type":"message","text":"emoji \ud83d\ude00 \"ok\" \\ \n"}""", "emoji 😀 \"ok\" \\ \n")]
    public void Text_becomes_valid_utf16(string json, string expected)
    {
        var activity = ProtocolJson.DeserializeActivity(InboundSanitizer.Sanitize(Encoding.UTF8.GetBytes(json)))!;

        Assert.Equal(expected, activity.Text);
        Assert.Equal(expected.Normalize(NormalizationForm.FormKC), activity.Text!.Normalize(NormalizationForm.FormKC));
    }

    /// <summary>A body with a UTF-8 byte-order mark before the JSON got 400 (a QA pass).</summary>
    [Fact]
    public void A_byte_order_mark_before_the_json_is_skipped()
    {
        var body = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("""{"type":"message","text":"drones"}""")).ToArray();

        var activity = ProtocolJson.DeserializeActivity(InboundSanitizer.Sanitize(body))!;

        Assert.Equal("drones", activity.Text);
    }

    [Fact]
    public void Nested_value_strings_and_names_are_cleaned_and_numbers_kept()
    {
        var json = """{"type":"invoke","name":"adaptiveCard/action","value":{"action":{"verb":"\ud800","data":{"text":"x\udfff","command":"zoek\uffff","n\ud800":1e308,"big":99999999999999999999,"list":[-0,"\ud83d"]}}}}""";

        var activity = ProtocolJson.DeserializeActivity(InboundSanitizer.Sanitize(Encoding.UTF8.GetBytes(json)))!;
        var action = activity.Value!.Value.GetProperty("action");

        Assert.Equal("\uFFFD", action.GetProperty("verb").GetString());
        var data = action.GetProperty("data");
        Assert.Equal("x\uFFFD", data.GetProperty("text").GetString());
        Assert.Equal("zoek\uFFFD", data.GetProperty("command").GetString());
        Assert.Equal("1e308", data.GetProperty("n\uFFFD").GetRawText());
        Assert.Equal("99999999999999999999", data.GetProperty("big").GetRawText());
        Assert.Equal("\uFFFD", data.GetProperty("list")[1].GetString());
    }

    [Fact]
    public void Invalid_utf8_becomes_the_replacement_character()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"type":"message","text":"ab"}""").ToList();
        bytes.Insert(bytes.IndexOf((byte)'b'), 0xC3); // a lead byte without its continuation
        var activity = ProtocolJson.DeserializeActivity(InboundSanitizer.Sanitize(bytes.ToArray()))!;

        Assert.Equal("a\uFFFDb", activity.Text);
    }

    [Theory]
    [InlineData("""{"type":"message","text":"x" """)]
    [InlineData("""{"type":"message","text":"\ud800",}""")]
    public void Malformed_json_stays_a_json_error(string json)
    {
        Assert.ThrowsAny<JsonException>(() => ProtocolJson.DeserializeActivity(InboundSanitizer.Sanitize(Encoding.UTF8.GetBytes(json))));
    }

    [Fact]
    public void Clean_ascii_passes_unchanged()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"type":"message","text":"help"}""");
        Assert.Equal(bytes, InboundSanitizer.Sanitize(bytes));
    }
}
