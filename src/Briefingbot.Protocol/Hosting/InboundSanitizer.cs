using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Briefingbot.Protocol.Hosting;

/// <summary>
/// The one input-sanitising step at the edge: rewrites the inbound JSON so that every string in it (property names,
/// text, value, channelData, everything) is valid, normalisable UTF-16. JSON may escape lone surrogates
/// (<c>"\ud800"</c>) that System.Text.Json refuses to read as a string and <see cref="string.Normalize()"/> refuses to
/// normalise, and may carry invalid UTF-8; they become U+FFFD, as do noncharacters (U+FFFE, U+FFFF, U+FDD0-U+FDEF,
/// U+nFFFE/F) and NUL (which PostgreSQL text cannot store). Numbers, nesting and everything else pass unchanged; JSON
/// that is not well-formed stays an error (400) for the caller to report.
/// </summary>
internal static class InboundSanitizer
{
    private const char Replacement = '\uFFFD';

    /// <summary>The sanitised JSON; throws <see cref="JsonException"/> for malformed JSON (or nesting beyond <paramref name="maxDepth"/>).</summary>
    public static byte[] Sanitize(ReadOnlySpan<byte> utf8Json, int maxDepth = 64)
    {
        // A UTF-8 byte-order mark before the JSON is allowed by RFC 8259 parsers to ignore; the reader does not.
        if (utf8Json.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..];
        }
        if (!NeedsRewrite(utf8Json))
        {
            return utf8Json.ToArray();
        }

        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = maxDepth });
        var output = new ArrayBufferWriter<byte>(utf8Json.Length + 64);
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            SkipValidation = true,
            MaxDepth = maxDepth,
        }))
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject: writer.WriteStartObject(); break;
                    case JsonTokenType.EndObject: writer.WriteEndObject(); break;
                    case JsonTokenType.StartArray: writer.WriteStartArray(); break;
                    case JsonTokenType.EndArray: writer.WriteEndArray(); break;
                    case JsonTokenType.PropertyName: writer.WritePropertyName(Clean(ref reader)); break;
                    case JsonTokenType.String: writer.WriteStringValue(Clean(ref reader)); break;
                    case JsonTokenType.Number: writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true); break;
                    case JsonTokenType.True: writer.WriteBooleanValue(true); break;
                    case JsonTokenType.False: writer.WriteBooleanValue(false); break;
                    case JsonTokenType.Null: writer.WriteNullValue(); break;
                    default: break;
                }
            }
        }
        return output.WrittenSpan.ToArray();
    }

    /// <summary>Replaces lone surrogates, noncharacters and NUL in <paramref name="text"/> (for strings from other sources).</summary>
    public static string Clean(string text)
    {
        var span = text.AsSpan();
        for (var i = 0; i < span.Length; i++)
        {
            if (IsSuspect(span, i, out _))
            {
                return Rebuild(span);
            }
        }
        return text;
    }

    private static string Clean(ref Utf8JsonReader reader)
    {
        var raw = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray();
        // Unescape by hand: the reader's own GetString() throws on the very input this class exists for.
        var text = reader.ValueIsEscaped ? Unescape(raw) : Encoding.UTF8.GetString(raw);
        return Clean(text);
    }

    private static string Unescape(byte[] raw)
    {
        var builder = new StringBuilder(raw.Length);
        var start = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != (byte)'\\' || i + 1 >= raw.Length)
            {
                continue;
            }
            builder.Append(Encoding.UTF8.GetString(raw, start, i - start));
            var c = (char)raw[i + 1];
            switch (c)
            {
                case 'n': builder.Append('\n'); i++; break;
                case 'r': builder.Append('\r'); i++; break;
                case 't': builder.Append('\t'); i++; break;
                case 'b': builder.Append('\b'); i++; break;
                case 'f': builder.Append('\f'); i++; break;
                case 'u' when i + 5 < raw.Length
                    && int.TryParse(Encoding.ASCII.GetString(raw, i + 2, 4), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var code):
                    builder.Append((char)code);
                    i += 5;
                    break;
                default: builder.Append(c); i++; break;
            }
            start = i + 1;
        }
        builder.Append(Encoding.UTF8.GetString(raw, start, raw.Length - start));
        return builder.ToString();
    }

    private static string Rebuild(ReadOnlySpan<char> span)
    {
        var builder = new StringBuilder(span.Length);
        for (var i = 0; i < span.Length; i++)
        {
            if (IsSuspect(span, i, out var width))
            {
                builder.Append(Replacement);
                i += width - 1;
            }
            else if (char.IsHighSurrogate(span[i]))
            {
                builder.Append(span[i]).Append(span[i + 1]);
                i++;
            }
            else
            {
                builder.Append(span[i]);
            }
        }
        return builder.ToString();
    }

    /// <summary>Whether the character (or pair) at <paramref name="i"/> must be replaced; <paramref name="width"/> is its length.</summary>
    private static bool IsSuspect(ReadOnlySpan<char> span, int i, out int width)
    {
        width = 1;
        var c = span[i];
        if (char.IsHighSurrogate(c))
        {
            if (i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                width = 2;
                var scalar = char.ConvertToUtf32(c, span[i + 1]);
                return (scalar & 0xFFFE) == 0xFFFE;
            }
            return true;
        }
        return char.IsLowSurrogate(c) || c == '\0' || c is '\uFFFE' or '\uFFFF' || c is >= '\uFDD0' and <= '\uFDEF';
    }

    /// <summary>
    /// Cheap pre-check: only a body with a <c>\u</c> escape or with bytes outside ASCII can hold anything to replace
    /// (every ASCII character but NUL is fine, and a raw NUL is not valid JSON).
    /// </summary>
    private static bool NeedsRewrite(ReadOnlySpan<byte> utf8Json)
    {
        for (var i = 0; i < utf8Json.Length; i++)
        {
            var b = utf8Json[i];
            if (b >= 0x80 || b == (byte)'\\' && i + 1 < utf8Json.Length && utf8Json[i + 1] == (byte)'u')
            {
                return true;
            }
        }
        return false;
    }
}
