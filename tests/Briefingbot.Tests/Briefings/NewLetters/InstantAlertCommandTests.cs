using Briefingbot.Storage;
using Briefingbot.Storage.Stores;
using Briefingbot.Tests.Administration.Fakes;
using Microsoft.Extensions.DependencyInjection;
using static Briefingbot.Tests.Administration.Fakes.CommandHarness;

namespace Briefingbot.Tests.Briefings.NewLetters;

public sealed class InstantAlertCommandTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Abonneer_direct_turns_alerts_on_with_a_default_subscription_and_direct_uit_turns_them_off()
    {
        await using var bot = new CommandHarness(Now, configure: s => s.AddSingleton<InstantAlertSubscriptions>());
        var alerts = bot.Services.GetRequiredService<InstantAlertSubscriptions>();

        var on = await bot.SendAsync("abonneer direct", Bob, PersonalChat);

        Assert.Contains("Directe meldingen staan aan", Reply(on));
        Assert.Equal(SubscriptionStatus.Active, (await bot.SubscriptionAsync(PersonalChat.Id!))!.Status);
        Assert.Equal(Now, (await alerts.GetAsync(PersonalChat.Id!))!.EnabledAt);
        Assert.Contains(await bot.AuditAsync(), e => e.Action == "subscription.instant-alerts-on");

        var again = await bot.SendAsync("abonneer direct", Bob, PersonalChat);
        Assert.Contains("stonden al aan", Reply(again));

        var off = await bot.SendAsync("abonneer direct uit", Bob, PersonalChat);
        Assert.Contains("Directe meldingen staan uit", Reply(off));
        Assert.Null(await alerts.GetAsync(PersonalChat.Id!));
        // The weekly briefing stays.
        Assert.Equal(SubscriptionStatus.Active, (await bot.SubscriptionAsync(PersonalChat.Id!))!.Status);
    }

    /// <summary>The subscription's card says whether instant alerts are on (a visual review: after "abonneer direct" it did not).</summary>
    [Fact]
    public async Task The_subscription_card_says_whether_instant_alerts_are_on()
    {
        await using var bot = new CommandHarness(Now, configure: s => s.AddSingleton<InstantAlertSubscriptions>());
        await bot.SendAsync("abonneer", Bob, PersonalChat);

        var before = Reply(await bot.SendAsync("abonnement", Bob, PersonalChat));
        await bot.SendAsync("abonneer direct", Bob, PersonalChat);
        var after = Reply(await bot.SendAsync("abonnement", Bob, PersonalChat));

        Assert.Contains("Directe meldingen: uit (aan met ‘abonneer direct’)", before);
        Assert.Contains("Directe meldingen: aan", after);
    }

    /// <summary>
    /// A topic an admin deleted is named as gone on the card and in the alerts' promise, and the alerts of a cancelled
    /// subscription are not "aan" without a word (a QA pass: the card kept "drones", `abonneer direct` promised alerts on
    /// it, and a cancelled subscription said "Directe meldingen: aan").
    /// </summary>
    [Fact]
    public async Task A_deleted_topic_is_named_as_gone_and_alerts_under_a_cancelled_subscription_say_none_come()
    {
        await using var bot = new CommandHarness(Now, configure: s => s.AddSingleton<InstantAlertSubscriptions>());
        await bot.TopicStore.UpsertAsync(new Topic("drones", "drones", Anna.AadObjectId, Now, Now));
        await bot.TopicStore.UpsertAsync(new Topic("oekraine", "oekraine", Anna.AadObjectId, Now, Now));
        await bot.SendAsync("abonneer drones oekraine", Bob, PersonalChat);
        await bot.TopicStore.DeleteAsync("drones");

        var card = Reply(await bot.SendAsync("abonnement", Bob, PersonalChat));
        var alertsOn = Reply(await bot.SendAsync("abonneer direct", Bob, PersonalChat));

        Assert.Contains("Onderwerpen: oekraine (drones bestaat niet meer)", card, StringComparison.Ordinal);
        Assert.Contains("een nieuwe brief over oekraine (drones bestaat niet meer)", alertsOn, StringComparison.Ordinal);
        await bot.TopicStore.DeleteAsync("oekraine");
        Assert.Contains("Onderwerpen: alle onderwerpen (drones, oekraine bestaan niet meer;", Reply(await bot.SendAsync("abonnement", Bob, PersonalChat)),
            StringComparison.Ordinal);

        await bot.SendAsync("opzeggen", Bob, PersonalChat);
        var cancelled = Reply(await bot.SendAsync("abonnement", Bob, PersonalChat));
        Assert.Contains("Directe meldingen: aan, maar zolang het abonnement opgezegd is komen er geen meldingen", cancelled, StringComparison.Ordinal);
    }
}
