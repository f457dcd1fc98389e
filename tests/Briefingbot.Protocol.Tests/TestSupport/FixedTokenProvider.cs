using Briefingbot.Protocol.Connector;

namespace Briefingbot.Protocol.Tests.TestSupport;

/// <summary>Hands out one fixed token and counts how often it was asked, so no test reaches Entra ID.</summary>
public sealed class FixedTokenProvider(string token = "fixed-test-token") : IBotTokenProvider
{
    private int _calls;

    public string Token { get; } = token;

    public int Calls => Volatile.Read(ref _calls);

    public Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return Task.FromResult(Token);
    }
}
