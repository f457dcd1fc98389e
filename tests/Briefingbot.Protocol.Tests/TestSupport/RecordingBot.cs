using Briefingbot.Protocol.Schema;

namespace Briefingbot.Protocol.Tests.TestSupport;

/// <summary>An <see cref="IBot"/> that records every turn and runs an optional behaviour.</summary>
public sealed class RecordingBot : IBot
{
    private readonly List<Activity> _turns = [];

    public Func<ITurnContext, CancellationToken, Task>? Behaviour { get; set; }

    public IReadOnlyList<Activity> Turns
    {
        get { lock (_turns) { return [.. _turns]; } }
    }

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        lock (_turns)
        {
            _turns.Add(turnContext.Activity);
        }
        if (Behaviour is not null)
        {
            await Behaviour(turnContext, cancellationToken);
        }
    }
}
