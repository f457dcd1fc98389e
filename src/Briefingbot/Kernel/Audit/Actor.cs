using Briefingbot.Kernel.Commands;

namespace Briefingbot.Kernel.Audit;

/// <summary>Who issued a command, as recorded in the audit log.</summary>
/// <param name="Id">The AAD object id, or the channel's user id where the channel has no AAD identity (Slack, Web Chat).</param>
public sealed record Actor(string Id, string? Name)
{
    public static Actor From(CommandContext context)
    {
        var from = context.Turn.Activity.From;
        var id = from?.AadObjectId ?? from?.Id;
        return new Actor(string.IsNullOrWhiteSpace(id) ? "onbekend" : id, from?.Name);
    }

    /// <summary>"Naam (id)" for messages and logs.</summary>
    public string Display => Name is null ? Id : $"{Name} ({Id})";
}
