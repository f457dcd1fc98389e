using System.Text.Json.Nodes;
using Briefingbot.Kernel.Replies;
using Briefingbot.Storage;

namespace Briefingbot.Cards;

/// <summary>Builds the data of the short <c>welcome</c> card, worded for the scope the bot was added to.</summary>
public static class WelcomeCard
{
    /// <param name="conversationType">Teams' conversation.conversationType: personal, groupChat or channel.</param>
    /// <param name="earlier">A subscription of this conversation that the bot's removal turned off: named, with how to
    /// turn it back on.</param>
    /// <param name="otherChannels">Other channels of this team whose subscription is off since the bot was removed.</param>
    public static CardAnswer Create(string? conversationType, Subscription? earlier = null, int otherChannels = 0)
    {
        var (text, howTo) = conversationType switch
        {
            "channel" => (
                "Ik zoek voor dit team in Kamerbrieven: passages, samenvattingen en de officiële bron. Ik kan dit kanaal ook elke week een briefing sturen over vergaderingen van de Raad en open toezeggingen.",
                "Noem mij met @Briefingbot en typ een paar woorden, bijvoorbeeld ‘@Briefingbot drones’. Typ ‘@Briefingbot help’ voor alle opdrachten."),
            "groupChat" => (
                "Ik zoek voor deze chat in Kamerbrieven: passages, samenvattingen en de officiële bron.",
                "Noem mij met @Briefingbot en typ een paar woorden, bijvoorbeeld ‘@Briefingbot drones’. Typ ‘@Briefingbot help’ voor alle opdrachten."),
            _ => (
                "Ik zoek voor je in Kamerbrieven: passages, samenvattingen en de officiële bron.",
                "Typ een paar woorden, bijvoorbeeld ‘drones’ of ‘herstellening Oekraïne’. Typ ‘help’ voor alle opdrachten."),
        };
        if (earlier is not null)
        {
            var topics = earlier.Topics.Count == 0 ? "alle onderwerpen" : "onderwerpen " + string.Join(", ", earlier.Topics);
            // In a channel the bot hears only an @mention (a QA pass: General said "Typ ‘abonneer’").
            var subscribe = conversationType == "channel" ? "‘@Briefingbot abonneer’" : "‘abonneer’";
            text += $" Dit gesprek had een abonnement op de weekbriefing ({topics}); dat staat uit sinds ik uit het gesprek werd verwijderd. Typ {subscribe} om het met dezelfde instellingen weer aan te zetten.";
        }
        if (otherChannels > 0)
        {
            var also = earlier is null ? "" : " ook";
            text += otherChannels == 1
                ? $" Eén ander kanaal van dit team had{also} een abonnement op de weekbriefing; dat staat uit. Typ in dat kanaal ‘@Briefingbot abonneer’ om het met dezelfde instellingen weer aan te zetten."
                : $" {otherChannels} andere kanalen van dit team hadden{also} een abonnement op de weekbriefing; die staan uit. Typ in elk van die kanalen ‘@Briefingbot abonneer’ om het met dezelfde instellingen weer aan te zetten.";
        }
        var data = new JsonObject
        {
            ["title"] = "Hallo! Ik ben Briefingbot.",
            ["text"] = text,
            ["howTo"] = howTo,
            ["examples"] = new JsonArray
            {
                new JsonObject { ["title"] = "Help", ["data"] = ActionData.TypedText("help") },
                new JsonObject { ["title"] = "Zoek ‘drones’", ["data"] = ActionData.TypedText("zoek drones") },
            },
        };
        return new CardAnswer(CardNames.Welcome, data, "Hallo! Ik ben Briefingbot. " + howTo);
    }
}
