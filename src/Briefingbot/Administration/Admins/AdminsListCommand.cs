using System.Text;
using System.Text.Json.Nodes;
using Briefingbot.Administration.Replies;
using Briefingbot.Chat;

namespace Briefingbot.Administration.Admins;

/// <summary><c>beheerders</c>: who the admins are. Open to everyone, so a refused user knows whom to ask.</summary>
public sealed class AdminsListCommand(AdminDirectory admins, ReplySender replies) : ICommandHandler
{
    public IReadOnlyList<string> Names { get; } = ["beheerders", "admins"];

    public string Usage => "`beheerders`: wie de beheerders zijn.";

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var list = await admins.ListAsync(cancellationToken);
        var items = new JsonArray();
        var text = new StringBuilder("**Beheerders**\n\n");
        foreach (var admin in list)
        {
            var origin = admin.FromConfiguration ? "configuratie" : "aangewezen in chat";
            items.Add(new JsonObject { ["name"] = admin.Name ?? admin.Id, ["id"] = admin.Id, ["origin"] = origin });
            text.Append("- ").Append(admin.Name ?? admin.Id).Append(" (").Append(origin).Append(")\n");
        }
        if (list.Count == 0)
        {
            // Configuration advice is for the operator (docs/administration.md), not for the user asking.
            text.Append("Er zijn nog geen beheerders aangewezen. Vraag degene die de bot voor jullie organisatie beheert om een beheerder aan te wijzen.\n");
        }
        var data = new JsonObject { ["title"] = "Beheerders", ["count"] = list.Count, ["hasAdmins"] = list.Count > 0, ["isEmpty"] = list.Count == 0, ["admins"] = items };
        await replies.SendCardAsync(context, Cards.CardNames.Admins, data, text.ToString().TrimEnd(), cancellationToken);
    }
}
