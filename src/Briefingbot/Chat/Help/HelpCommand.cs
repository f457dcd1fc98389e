using Briefingbot.Cards;
using Briefingbot.Kernel.Commands;

namespace Briefingbot.Chat.Help;

/// <summary><c>help</c>: every registered command's usage line, grouped by feature.</summary>
public sealed class HelpCommand(IServiceProvider services, ChatResponder responder) : ICommandHandler
{
    public IReadOnlyList<string> Names { get; } = ["help", "hulp", "?", "commands", "opdrachten", "--help", "-h"];

    public string Usage => "`help`: dit overzicht";

    public Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        // Resolved per call: the handler list includes this handler itself, so it cannot be a constructor dependency.
        var handlers = services.GetServices<ICommandHandler>();
        return responder.SendAsync(context, HelpCard.Create(handlers), cancellationToken);
    }
}
