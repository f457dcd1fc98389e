using System.Text;
using System.Text.Json.Nodes;
using Briefingbot.Kernel.Commands;
using Briefingbot.Kernel.People;
using Briefingbot.Kernel.Replies;

namespace Briefingbot.Administration.Admins;

/// <summary><c>beheerders</c>: who the admins are. Open to everyone, so a refused user knows whom to ask.</summary>
public sealed class AdminsListCommand(AdminDirectory admins, UserNames userNames, ReplySender replies) : ICommandHandler
{
    public IReadOnlyList<string> Names { get; } = ["beheerders", "admins"];

    public string Usage => "`beheerders`: wie de beheerders zijn.";

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var list = await admins.ListAsync(cancellationToken);
        // The name last seen in the person's own activities; else the name from the mention that appointed them.
        var seen = await userNames.NamesAsync(list.Select(a => a.Id), cancellationToken);
        var items = new JsonArray();
        var text = new StringBuilder("**Beheerders**\n\n");
        foreach (var admin in list)
        {
            var origin = admin.FromConfiguration ? "configuratie" : "aangewezen in chat";
            var name = seen.TryGetValue(admin.Id, out var n) ? n : admin.Name;
            var known = !string.IsNullOrWhiteSpace(name);
            // The id only as detail, in full: it is what the configuration (Briefingbot:Admins) holds.
            var detail = known
                ? $"{origin} · id {admin.Id}"
                : $"{origin} · id {admin.Id} · de naam verschijnt zodra deze persoon de bot iets vraagt";
            items.Add(new JsonObject { ["name"] = UserLabel.Name(admin.Id, name), ["id"] = admin.Id, ["origin"] = origin, ["detail"] = detail });
            text.Append("- ").Append(UserLabel.Name(admin.Id, name)).Append(" · ").Append(detail).Append('\n');
        }
        if (list.Count == 0)
        {
            // Configuration advice is for the operator (docs/administration.md), not for the user asking.
            text.Append("Er zijn nog geen beheerders aangewezen. Vraag degene die de bot voor jullie organisatie beheert om een beheerder aan te wijzen.\n");
        }
        var data = new JsonObject { ["title"] = "Beheerders", ["count"] = list.Count, ["hasAdmins"] = list.Count > 0, ["isEmpty"] = list.Count == 0, ["admins"] = items };
        await replies.SendCardAsync(context, CardNames.Admins, data, text.ToString().TrimEnd(), cancellationToken);
    }
}
