namespace Briefingbot.Kernel.Replies;

/// <summary>A card template is missing, does not parse, or failed to expand.</summary>
public sealed class CardRenderException(string message, Exception? inner = null) : Exception(message, inner);
