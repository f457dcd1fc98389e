using Briefingbot.Administration;
using Briefingbot.Briefings;
using Briefingbot.Briefings.Commands;
using Briefingbot.Kernel.Commands;
using Briefingbot.Protocol.Schema;
using Briefingbot.Storage;
using Briefingbot.Tests.Administration.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Briefingbot.Tests.Briefings;

public sealed class BriefingCommandTests
{
    private const string AdminId = "11111111-1111-1111-1111-111111111111";
    private const string StaffId = "22222222-2222-2222-2222-222222222222";

    private static (ServiceProvider Services, BriefingWorld World) Build()
    {
        var world = new BriefingWorld(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        // What the seed letters hold (the extraction has its own tests): the RBZ Defensie of 1 December 2025,
        // prepared by the schriftelijk overleg on its geannoteerde agenda, which also announces Ecofin and the ER.
        world.Search.Add("004_d88359ce39742adb", "Schriftelijk overleg geannoteerde agenda RBZ Defensie 1 december 2025", "defensie oekraïne", null, world.Time.GetUtcNow().AddDays(-1));
        world.Search.Add("000_28c287220feeccd7", "Kabinetsappreciatie Witboek Europese Defensie Gereedheid 2030", "defensie witboek", new DateOnly(2025, 4, 11), world.Time.GetUtcNow().AddDays(-1));
        world.Meetings.Add("RBZ Defensie", new DateOnly(2025, 12, 1), null, ("004_d88359ce39742adb", null));
        world.Meetings.Add("Ecofin", new DateOnly(2025, 12, 12), null, ("004_d88359ce39742adb", null));
        world.Meetings.Add("Europese Raad", new DateOnly(2025, 12, 18), null, ("004_d88359ce39742adb", null));
        world.Promises.Add(1, "000_28c287220feeccd7", "De Kamer wordt separaat geïnformeerd over de uitwerking van het Witboek.", null, letterDate: new DateOnly(2025, 4, 11));
        world.Promises.Add(2, "000_28c287220feeccd7", "Het kabinet komt voor de zomer met een voortgangsbrief.", new DateOnly(2025, 7, 1), letterDate: new DateOnly(2025, 4, 11));

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Administration:Admins:0"] = AdminId,
            ["Administration:DefaultTimeZone"] = "Europe/Amsterdam",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(world.Time);
        services.AddSingleton<ISubscriptionStore>(world.Subscriptions);
        services.AddSingleton<IDeliveryLedger>(world.Ledger);
        services.AddSingleton<Briefingbot.Protocol.IConversationReferenceStore>(world.References);
        services.AddSingleton<ITopicStore>(world.Topics);
        services.AddSingleton<IPromiseRegister>(world.Promises);
        services.AddSingleton<IMeetingRegister>(world.Meetings);
        services.AddSingleton<Dossiers.Search.ILetterSearch>(world.Search);
        services.AddSingleton<IAdminStore>(new InMemoryAdminStore());
        services.AddSingleton<IAuditLog>(new InMemoryAuditLog(world.Time));
        services.AddAdministration(configuration);
        services.AddBriefingCore();
        services.AddSingleton<BriefingCommand>();
        return (services.BuildServiceProvider(), world);
    }

    private static async Task<List<Activity>> SendAsync(ServiceProvider services, string text, string caller = StaffId, string channelId = "msteams")
    {
        var turn = new FakeTurnContext(new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = channelId,
            Text = text,
            From = new ChannelAccount { Id = "29:x", AadObjectId = caller },
            Conversation = new ConversationAccount { Id = "19:defensie@thread.tacv2", TenantId = "tenant-1" },
        });
        var arguments = text.Length > "briefing".Length ? text["briefing".Length..].Trim() : "";
        await services.GetRequiredService<BriefingCommand>().HandleAsync(
            new CommandContext(turn, "briefing", arguments, null) { SupportsCards = channelId != "slack" }, CancellationToken.None);
        return turn.Sent;
    }

    [Fact]
    public async Task Preview_per_2025_11_24_shows_RBZ_Defensie_Ecofin_Europese_Raad_and_open_promises()
    {
        var (services, world) = Build();
        using var _ = world;
        await using var __ = services;

        var sent = await SendAsync(services, "briefing --per 2025-11-24", channelId: "slack");

        var text = Assert.Single(sent).Text!;
        Assert.Contains("Weekbriefing maandag 24 november 2025", text, StringComparison.Ordinal);
        Assert.Contains("**RBZ Defensie** — maandag 1 december 2025 (over 7 dagen)", text, StringComparison.Ordinal);
        Assert.Contains("Schriftelijk overleg geannoteerde agenda RBZ Defensie", text, StringComparison.Ordinal);
        // The Council as the meetings view names it, not the type's code "Ecofin" (a QA pass).
        Assert.Contains("**Ecofinraad** — vrijdag 12 december 2025", text, StringComparison.Ordinal);
        Assert.Contains("**Europese Raad** — donderdag 18 december 2025", text, StringComparison.Ordinal);
        Assert.Contains("Het kabinet komt voor de zomer met een voortgangsbrief.", text, StringComparison.Ordinal);
        Assert.Contains("Termijn verstreken (1 juli 2025)", text, StringComparison.Ordinal);
        Assert.Contains("separaat geïnformeerd", text, StringComparison.Ordinal);
        Assert.Empty((await world.DeliveriesAsync())); // a preview is not a delivery
    }

    /// <summary>A date written out, as the register views take it (a QA pass: "Dat begrijp ik niet").</summary>
    [Theory]
    [InlineData("briefing --per 24 november 2025")]
    [InlineData("briefing per 24 nov. 2025")]
    [InlineData("briefing op 24-11-2025")]
    public async Task Preview_per_a_date_written_out(string command)
    {
        var (services, world) = Build();
        using var _ = world;
        await using var __ = services;

        var text = Assert.Single(await SendAsync(services, command, channelId: "slack")).Text!;

        Assert.Contains("Weekbriefing maandag 24 november 2025", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_in_Teams_is_a_card()
    {
        var (services, world) = Build();
        using var _ = world;
        await using var __ = services;

        var sent = await SendAsync(services, "briefing");

        Assert.Equal("application/vnd.microsoft.card.adaptive", Assert.Single(Assert.Single(sent).Attachments!).ContentType);
    }

    [Theory]
    [InlineData("briefing --per morgen", "‘morgen’ is geen datum")]
    [InlineData("briefing --per 2025-13-45", "‘2025-13-45’ is geen datum")]
    [InlineData("briefing --per 31 februari 2025", "‘31 februari 2025’ is geen datum")] // a QA pass: "Dat begrijp ik niet"
    [InlineData("briefing onzin", "Dat begrijp ik niet")]
    public async Task Bad_arguments_get_a_Dutch_explanation(string text, string says)
    {
        var (services, world) = Build();
        using var _ = world;
        await using var __ = services;

        var sent = Assert.Single(await SendAsync(services, text));
        var reply = Briefingbot.Tests.Chat.CardAssert.Said(sent);

        Assert.Contains("briefing --per 2025-11-26", reply, StringComparison.Ordinal);
        Assert.Contains(says, reply, StringComparison.Ordinal);
        // A note card in Teams, as every other command's short answer (a QA pass: plain Markdown text).
        Assert.Equal("application/vnd.microsoft.card.adaptive", Assert.Single(sent.Attachments!).ContentType);
    }

    /// <summary>Before any briefing was sent, the status does not say they were all delivered (a QA pass).</summary>
    [Fact]
    public async Task Status_before_any_delivery_does_not_say_all_were_delivered()
    {
        var (services, world) = Build();
        using var _ = world;
        await using var __ = services;

        var status = Briefingbot.Tests.Chat.CardAssert.Said(Assert.Single(await SendAsync(services, "briefing status", caller: AdminId)));

        Assert.Contains("Er is nog geen briefing verstuurd", status, StringComparison.Ordinal);
        Assert.DoesNotContain("Alle briefings zijn bezorgd", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_lists_failed_and_inactive_deliveries_for_admins_only()
    {
        var (services, world) = Build();
        using var _ = world;
        await using var __ = services;
        var now = world.Time.GetUtcNow();
        await world.SubscribeAsync("19:kapot@thread.tacv2", DayOfWeek.Monday, new TimeOnly(8, 0));
        var claim = await world.Ledger.ClaimAsync("19:kapot@thread.tacv2", "2026-11-23T08:00", "i", now, TimeSpan.FromMinutes(5));
        Assert.True(await world.Ledger.MarkFailedAsync(claim!, DeliveryState.Failed, "De chatdienst weigerde het bericht (HTTP 502, 5 verzoeken)", now));
        var named = Fakes.InMemoryConversationReferences.For("19:kapot@thread.tacv2");
        named.Conversation!.Name = "Team Europa";
        await world.References.SaveAsync(named);
        await world.SubscribeAsync("19:weg@thread.tacv2", DayOfWeek.Monday, new TimeOnly(8, 0));
        await world.Subscriptions.SetStatusAsync("19:weg@thread.tacv2", SubscriptionStatus.Inactive, "De bot is verwijderd of geblokkeerd in dit gesprek (HTTP 403).", now);

        var refused = Briefingbot.Tests.Chat.CardAssert.Said(Assert.Single(await SendAsync(services, "briefing status", caller: StaffId)));
        var status = Briefingbot.Tests.Chat.CardAssert.Said(Assert.Single(await SendAsync(services, "briefing status", caller: AdminId)));

        Assert.Contains("Alleen beheerders", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("kapot", refused, StringComparison.Ordinal);
        Assert.Contains("Mislukt (1)", status, StringComparison.Ordinal);
        Assert.Contains("HTTP 502", status, StringComparison.Ordinal);
        // The conversation by its name, the id beside it (a QA pass: only the id).
        Assert.Contains("- Team Europa (19:kapot@thread.tacv2) — periode 2026-11-23T08:00", status, StringComparison.Ordinal);
        Assert.Contains("Inactieve abonnementen (1)", status, StringComparison.Ordinal);
        Assert.Contains("HTTP 403", status, StringComparison.Ordinal);
    }
}
