using System.Text;
using System.Text.Json.Nodes;
using Briefingbot.Kernel.Commands;
using Briefingbot.Kernel.Replies;
using Briefingbot.Storage;

namespace Briefingbot.Administration.Topics;

/// <summary><c>onderwerpen</c>: the topics and their queries, for everyone (subscribers choose from them).</summary>
public sealed class TopicsListCommand(ITopicStore topics, ReplySender replies) : ICommandHandler
{
    public IReadOnlyList<string> Names { get; } = ["onderwerpen", "topics"];

    public string Usage => "`onderwerpen`: de onderwerpen waarop je kunt abonneren.";

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var list = (await topics.ListAsync(cancellationToken)).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        var items = new JsonArray();
        var text = new StringBuilder("**Onderwerpen**\n\n");
        foreach (var topic in list)
        {
            items.Add(new JsonObject { ["name"] = topic.Name, ["query"] = topic.Query });
            text.Append("- **").Append(topic.Name).Append("**: `").Append(topic.Query).Append("`\n");
        }
        if (list.Count == 0)
        {
            text.Append("Er zijn nog geen onderwerpen. Een beheerder voegt ze toe met `onderwerp toevoegen <naam> \"<zoekvraag>\"`.\n");
        }
        var data = new JsonObject { ["title"] = "Onderwerpen", ["count"] = list.Count, ["hasTopics"] = list.Count > 0, ["isEmpty"] = list.Count == 0, ["topics"] = items };
        await replies.SendCardAsync(context, CardNames.Topics, data, text.ToString().TrimEnd(), cancellationToken);
    }
}
