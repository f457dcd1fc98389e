using Briefingbot.Cards;
using Briefingbot.Kernel.Commands;

namespace Briefingbot.Chat.Greeting;

/// <summary>
/// Greetings and thanks ("hallo", "bedankt!") get a short friendly reply instead of a search for the word (issue 14
/// item 6). The router sends only a message that is nothing but a greeting or thanks here (<see cref="QuestionRouting"/>).
/// </summary>
public sealed class GreetingCommand(ChatResponder responder) : ICommandHandler
{
    /// <summary>The command word the router uses.</summary>
    public const string Name = "groet";

    public IReadOnlyList<string> Names { get; } = [Name];

    public string Usage => "`hallo`, `bedankt`: een kort antwoord terug";

    public Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var thanks = QuestionRouting.IsThanks(context.Arguments);
        return responder.SendAsync(context, MessageCard.Create(
            thanks ? "Graag gedaan!" : "Hallo!",
            thanks
                ? "Typ gerust een nieuwe vraag of een paar zoekwoorden."
                : "Typ een paar zoekwoorden (bijvoorbeeld ‘drones’), `vergaderingen`, `toezeggingen` of `help`.",
            MessageCard.Tone.Default,
            [("help", ActionData.TypedText("help"))]), cancellationToken);
    }
}
