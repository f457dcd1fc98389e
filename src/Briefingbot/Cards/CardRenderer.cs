using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Briefingbot.Cards.Templating;
using Briefingbot.Kernel.Replies;
using Microsoft.Extensions.Options;

namespace Briefingbot.Cards;

/// <summary>
/// Turns a template name and its data into an Adaptive Card. Templates are read from the cards folder once and
/// kept parsed; they are part of the build output, so a missing or broken one is a deployment error, reported
/// by <see cref="CardRenderException"/> (the chat layer then answers in text). Other features do not use this class
/// directly but <see cref="SizeCheckedCardRenderer"/> through <c>ICardRenderer</c>, which adds the size check (see there).
/// </summary>
public sealed class CardRenderer
{
    private readonly ConcurrentDictionary<string, Lazy<CardTemplateEngine>> _engines = new(StringComparer.Ordinal);
    private readonly string _folder;

    public CardRenderer(IOptions<CardOptions> options)
    {
        var path = options.Value.TemplatesPath;
        _folder = Path.IsPathRooted(path) ? path : Path.Combine(AppContext.BaseDirectory, path);
        MaxCardBytes = options.Value.MaxCardBytes;
    }

    /// <summary>The size limit for one card (UTF-8 bytes of its JSON).</summary>
    public int MaxCardBytes { get; }

    /// <summary>The folder templates are read from.</summary>
    public string TemplatesFolder => _folder;

    /// <summary>Expands template <paramref name="name"/> with <paramref name="data"/>.</summary>
    public JsonObject Render(string name, JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        try
        {
            var engine = _engines.GetOrAdd(name, n => new Lazy<CardTemplateEngine>(() => Load(n))).Value;
            return engine.Expand(data) as JsonObject
                ?? throw new CardRenderException($"Template '{name}' produced no card.");
        }
        catch (Exception ex) when (ex is TemplateSyntaxException or IOException or JsonException or UnauthorizedAccessException)
        {
            throw new CardRenderException($"Card template '{name}' failed: {ex.Message}", ex);
        }
    }

    /// <summary>The size of <paramref name="card"/> as sent (compact UTF-8 JSON).</summary>
    public static int SizeOf(JsonNode card) => JsonSerializer.SerializeToUtf8Bytes(card).Length;

    private CardTemplateEngine Load(string name)
    {
        if (name.Length == 0 || name.IndexOfAny(['/', '\\', '.']) >= 0)
        {
            throw new CardRenderException($"Invalid template name '{name}'.");
        }
        var file = Path.Combine(_folder, name + ".json");
        var node = JsonNode.Parse(File.ReadAllText(file)) ?? throw new CardRenderException($"Template '{name}' is empty.");
        return new CardTemplateEngine(node);
    }
}
