namespace Briefingbot.Protocol.Turns;

/// <summary>What users read when the protocol layer, not the bot, has to speak (Dutch, like the rest of the UI).</summary>
internal static class TurnMessages
{
    public const string Apology = "Er ging iets mis bij het verwerken van je bericht. Probeer het opnieuw.";
}
