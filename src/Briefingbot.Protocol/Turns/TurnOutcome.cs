namespace Briefingbot.Protocol.Turns;

/// <summary>What the HTTP answer to an inbound activity is: a status and, for invokes, a JSON body.</summary>
internal sealed record TurnOutcome(int StatusCode, object? Body = null)
{
    public static TurnOutcome Acknowledged { get; } = new(200);
}
