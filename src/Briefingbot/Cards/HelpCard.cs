using System.Text.Json.Nodes;
using Briefingbot.Kernel.Commands;
using Briefingbot.Kernel.Replies;

namespace Briefingbot.Cards;

/// <summary>Builds the data of the <c>help</c> card from every registered command, grouped by feature.</summary>
public static class HelpCard
{
    public const string Filters =
        "Filters bij het zoeken: `dossier 21501-28`, `sinds 2025`, `van 2024 tot 2025`, `type brief regering`, `kamer eerste`.";

    /// <summary>What someone who is not an admin reads instead of the admin commands.</summary>
    public const string AdminNote = "Beheerders zien hier ook hun opdrachten: onderwerpen, vergaderingen en agenda's, de status van toezeggingen, mislukte bezorgingen, beheerders, audit en bronnen. `beheerders` zegt wie dat zijn.";

    /// <param name="forAdmin">Whether the caller is an admin: others do not see the commands only admins can use.</param>
    public static CardAnswer Create(IEnumerable<ICommandHandler> handlers, bool forAdmin = true)
    {
        var all = handlers.ToList();
        var hidden = !forAdmin && all.Any(h => h.AdminOnly || h.UsageForEveryone is not null);
        var groups = new JsonArray();
        foreach (var group in all
                     .Where(h => !string.IsNullOrWhiteSpace(h.Usage) && (forAdmin || !h.AdminOnly))
                     .GroupBy(h => h.HelpGroup)
                     .OrderBy(g => CommandGroups.Order(g.Key))
                     .ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var commands = new JsonArray();
            foreach (var handler in group)
            {
                // Usage lines are the features' own Markdown (command words in backticks), not user text.
                commands.Add(new JsonObject { ["usage"] = forAdmin ? handler.Usage : handler.UsageForEveryone ?? handler.Usage });
            }
            groups.Add(new JsonObject { ["name"] = group.Key, ["commands"] = commands });
        }

        var data = new JsonObject
        {
            ["title"] = "Wat kan Briefingbot?",
            ["intro"] = "Typ een paar woorden om in Kamerbrieven te zoeken, of gebruik een van deze opdrachten:",
            ["groups"] = groups,
            ["hasFilters"] = true,
            ["filters"] = Filters,
            ["hasAdminNote"] = hidden,
            ["adminNote"] = hidden ? AdminNote : "",
            ["examples"] = new JsonArray
            {
                new JsonObject { ["title"] = "Zoek ‘drones’", ["data"] = ActionData.TypedText("zoek drones") },
                new JsonObject { ["title"] = "Zoek ‘herstellening Oekraïne’", ["data"] = ActionData.TypedText("zoek herstellening Oekraïne") },
            },
        };
        return new CardAnswer(CardNames.Help, data, "Typ een paar woorden om te zoeken, of ‘help’ voor alle opdrachten.");
    }
}
