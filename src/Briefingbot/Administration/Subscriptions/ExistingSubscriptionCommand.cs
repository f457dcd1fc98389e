using Briefingbot.Kernel.Commands;
using Briefingbot.Storage;

namespace Briefingbot.Administration.Subscriptions;

/// <summary>
/// The shared flow of the commands that change an existing subscription (<c>pauzeer</c>, <c>hervat</c>, <c>opzeggen</c>,
/// <c>schema</c>): a conversation, arguments that make sense, a caller who may change it, and a subscription that
/// exists; then the command's own change.
/// </summary>
public abstract class ExistingSubscriptionCommand(SubscriptionService service, SubscriptionReplies replies) : ICommandHandler
{
    public abstract IReadOnlyList<string> Names { get; }

    public abstract string Usage { get; }

    protected SubscriptionService Service => service;

    protected SubscriptionReplies Replies => replies;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (SubscriptionService.ConversationId(context) is not { } conversationId)
        {
            await replies.NoConversationAsync(context, cancellationToken);
            return;
        }
        if (ArgumentProblem(context) is { } problem)
        {
            await replies.TextAsync(context, problem, cancellationToken);
            return;
        }
        if (!await service.MayChangeAsync(context, cancellationToken))
        {
            await replies.RefusedAsync(context, cancellationToken);
            return;
        }
        var existing = await service.GetAsync(conversationId, cancellationToken);
        if (existing is null)
        {
            await replies.NotSubscribedAsync(context, cancellationToken);
            return;
        }
        if (existing.Status == SubscriptionStatus.Cancelled)
        {
            // Not "geen abonnement": `abonnement` shows it, cancelled, with its settings kept (a QA pass).
            await replies.TextAsync(context, AlreadyCancelled, cancellationToken);
            return;
        }
        await ChangeAsync(context, existing, cancellationToken);
    }

    /// <summary>The answer when the subscription is cancelled: nothing to change until `abonneer` turns it back on.</summary>
    protected virtual string AlreadyCancelled =>
        "Het abonnement van dit gesprek is opgezegd; typ `abonneer` om het met dezelfde instellingen weer aan te zetten.";

    /// <summary>What is wrong with the command's arguments, as the answer to give; null when they are fine (the default).</summary>
    protected virtual string? ArgumentProblem(CommandContext context) => null;

    /// <summary>Applies the change to <paramref name="existing"/> (an active, paused or inactive subscription).</summary>
    protected abstract Task ChangeAsync(CommandContext context, Subscription existing, CancellationToken cancellationToken);
}
