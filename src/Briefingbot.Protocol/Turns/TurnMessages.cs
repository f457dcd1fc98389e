namespace Briefingbot.Protocol.Turns;

/// <summary>What users read when the protocol layer, not the bot, has to speak (Dutch, like the rest of the UI).</summary>
internal static class TurnMessages
{
    /// <summary>Said once when a conversation sends faster than Teams lets the bot answer.</summary>
    public const string Throttled = "Je stuurt meer berichten dan ik nu kan beantwoorden. Wacht even en stel je vraag dan opnieuw.";

    public const string Apology = "Er ging iets mis bij het verwerken van je bericht. Probeer het opnieuw.";
}
