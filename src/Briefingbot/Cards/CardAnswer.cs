using System.Text.Json.Nodes;

namespace Briefingbot.Cards;

/// <summary>
/// An answer to show: a template with its data, plus a plain fallback sentence used only if the card cannot be
/// rendered at all (a broken deployment). Text-only channels get the card converted to Markdown instead.
/// </summary>
public sealed record CardAnswer(string Template, JsonObject Data, string FallbackText);
