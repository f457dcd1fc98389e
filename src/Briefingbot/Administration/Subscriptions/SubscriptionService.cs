using Briefingbot.Administration.Admins;
using Briefingbot.Kernel.Audit;
using Briefingbot.Kernel.Commands;
using Briefingbot.Kernel.Time;
using Briefingbot.Storage;
using Microsoft.Extensions.Options;

namespace Briefingbot.Administration.Subscriptions;

/// <summary>
/// What every subscription command shares: the subscription of the conversation the command arrives from (so a
/// conversation reference exists by construction), who may change it, and the after-change duties (audit, re-plan).
/// </summary>
public sealed class SubscriptionService(
    ISubscriptionStore store,
    AdminDirectory admins,
    AuditTrail audit,
    IEnumerable<ISubscriptionScheduleNotifier> notifiers,
    IOptions<AdministrationOptions> options,
    TimeProvider time,
    ILogger<SubscriptionService> logger)
{
    public DateTimeOffset Now => time.GetUtcNow();

    public static string? ConversationId(CommandContext context) =>
        context.Turn.Activity.Conversation?.Id is { } id ? Protocol.ConversationIds.WithoutThread(id) : null;

    public Task<Subscription?> GetAsync(string conversationId, CancellationToken cancellationToken) => store.GetAsync(conversationId, cancellationToken);

    /// <summary>A new subscription with the defaults: Monday 08:00 Europe/Amsterdam, all topics.</summary>
    public Subscription CreateDefault(CommandContext context, IReadOnlyList<string> topics)
    {
        var o = options.Value;
        var now = Now;
        return new Subscription(
            ConversationId(context)!,
            context.Turn.Activity.Conversation?.TenantId,
            topics,
            o.DefaultDay,
            o.DefaultTime,
            TimeZones.TryFind(o.DefaultTimeZone, out var zone) ? zone.Id : "Europe/Amsterdam",
            SubscriptionStatus.Active,
            null,
            Actor.From(context).Id,
            now,
            now);
    }

    /// <summary>
    /// Whether the caller may change this conversation's subscription. Everyone may by default (see
    /// docs/administration.md); with RestrictSharedSubscriptionsToAdmins only admins may in channels and group chats.
    /// </summary>
    public async Task<bool> MayChangeAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!options.Value.RestrictSharedSubscriptionsToAdmins || IsPersonal(context))
        {
            return true;
        }
        return await admins.IsAdminAsync(context.Turn.Activity, cancellationToken);
    }

    public static bool IsPersonal(CommandContext context)
    {
        var conversation = context.Turn.Activity.Conversation;
        return conversation?.ConversationType is { } type
            ? string.Equals(type, "personal", StringComparison.OrdinalIgnoreCase)
            : conversation?.IsGroup != true;
    }

    /// <summary>Stores the changed subscription, records it in the audit log and tells the scheduler.</summary>
    public async Task SaveAsync(CommandContext context, Subscription subscription, string action, string details, CancellationToken cancellationToken)
    {
        // The channel's team, so a removal from the team reaches this channel too (SubscriptionRemovalHandler).
        var team = Protocol.ConversationIds.TeamId(context.Turn.Activity) ?? subscription.TeamId;
        await store.UpsertAsync(subscription with { UpdatedAt = Now, TeamId = team }, cancellationToken);
        await RecordChangeAsync(context, subscription.ConversationId, action, details, cancellationToken);
    }

    /// <summary>
    /// Sets the status only from one of <paramref name="from"/>, in one step, and then audits and re-plans as
    /// <see cref="SaveAsync"/> does; false (nothing recorded) when another event changed it first.
    /// </summary>
    /// <param name="conversationId">The subscription's conversation; when it is not the turn's own (another channel of
    /// the team the bot was removed from), the audit names it by its id.</param>
    /// <param name="asTeamChannel">Name the conversation in the audit as a channel of the activity's team ("kanaal 19:…
    /// van team Europa"), as for every channel of a team the bot was removed from, General included.</param>
    public async Task<bool> ChangeStatusAsync(CommandContext context, string conversationId, IReadOnlyCollection<SubscriptionStatus> from, SubscriptionStatus to,
        string reason, string action, string details, CancellationToken cancellationToken, bool asTeamChannel = false)
    {
        if (!await store.ChangeStatusAsync(conversationId, from, to, reason, Now, cancellationToken))
        {
            return false;
        }
        await RecordChangeAsync(context, conversationId, action, details, cancellationToken, asTeamChannel);
        return true;
    }

    /// <summary>The conversations of the subscriptions made or changed in a channel of this Teams team.</summary>
    public Task<IReadOnlyList<string>> TeamConversationsAsync(string teamId, CancellationToken cancellationToken) =>
        store.ListTeamConversationsAsync(teamId, cancellationToken);

    private async Task RecordChangeAsync(CommandContext context, string conversationId, string action, string details, CancellationToken cancellationToken,
        bool asTeamChannel = false)
    {
        var where = ConversationId(context) == conversationId && !asTeamChannel ? Describe(context) : $"kanaal {conversationId} van {DescribeTeam(context)}";
        await audit.RecordAsync(Actor.From(context), action, $"{details} ({where})", cancellationToken);
        await NotifyAsync(conversationId, cancellationToken);
    }

    /// <summary>"team Europa" from Teams' channelData.team.name, else "het team".</summary>
    private static string DescribeTeam(CommandContext context)
    {
        var data = context.Turn.Activity.ChannelData;
        return data is { ValueKind: System.Text.Json.JsonValueKind.Object } d
            && d.TryGetProperty("team", out var team) && team.ValueKind == System.Text.Json.JsonValueKind.Object
            && team.TryGetProperty("name", out var name) && name.ValueKind == System.Text.Json.JsonValueKind.String
            && !string.IsNullOrWhiteSpace(name.GetString())
            ? "team " + name.GetString()!.Trim()
            : "het team";
    }

    private async Task NotifyAsync(string conversationId, CancellationToken cancellationToken)
    {
        foreach (var notifier in notifiers)
        {
            try
            {
                await notifier.SubscriptionChangedAsync(conversationId, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The change is stored; the scheduler re-plans every subscription from the store when it starts.
                Log.NotifierFailed(logger, ex, conversationId);
            }
        }
    }

    /// <summary>
    /// The conversation as the audit names it, read later in another chat: "gesprek Defensie, 19:…", "het persoonlijke
    /// gesprek met Bob Medewerker, a:…", never "dit …" (a QA pass: "dit persoonlijke gesprek" read in the admin's own
    /// chat) nor the raw conversation type ("gesprek personal"). The id stays, for an admin to find the conversation.
    /// </summary>
    private static string Describe(CommandContext context)
    {
        var c = context.Turn.Activity.Conversation;
        var who = context.Turn.Activity.From?.Name;
        var name = !string.IsNullOrWhiteSpace(c?.Name) ? "gesprek " + c.Name : c?.ConversationType?.ToLowerInvariant() switch
        {
            "personal" => string.IsNullOrWhiteSpace(who) ? "een persoonlijk gesprek" : "het persoonlijke gesprek met " + who,
            "channel" => "een kanaal",
            "groupchat" => "een groepschat",
            _ => c?.IsGroup == true ? "een groepschat" : "een gesprek",
        };
        return $"{name}, {c?.Id}";
    }
}
