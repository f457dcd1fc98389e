using Briefingbot.Cards;
using Briefingbot.Kernel.Commands;

namespace Briefingbot.Chat.Help;

/// <summary><c>help</c>: every registered command's usage line, grouped by feature; the admin-only ones for admins only.</summary>
public sealed class HelpCommand(IServiceProvider services, ChatResponder responder) : ICommandHandler
{
    public IReadOnlyList<string> Names { get; } = ["help", "hulp", "?", "commands", "opdrachten", "--help", "-h"];

    public string Usage => "`help`: dit overzicht";

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        // Resolved per call: the handler list includes this handler itself, so it cannot be a constructor dependency.
        var handlers = services.GetServices<ICommandHandler>();
        // Without an admin directory (a host without administration) there is no one to hide commands from.
        var admins = services.GetService<Kernel.Access.IAdminDirectory>();
        var forAdmin = admins is null || await admins.IsAdminAsync(context.Turn.Activity, cancellationToken).ConfigureAwait(false);
        await responder.SendAsync(context, HelpCard.Create(handlers, forAdmin), cancellationToken).ConfigureAwait(false);
    }
}
