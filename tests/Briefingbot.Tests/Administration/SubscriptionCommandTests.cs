using Briefingbot.Storage;
using Briefingbot.Tests.Administration.Fakes;
using static Briefingbot.Tests.Administration.Fakes.CommandHarness;

namespace Briefingbot.Tests.Administration;

public class SubscriptionCommandTests
{
    // Tuesday 24 November 2026, 10:00 in Amsterdam (CET, UTC+1).
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Subscribe_uses_the_defaults_and_shows_the_next_delivery()
    {
        await using var bot = new CommandHarness(Now);

        var turn = await bot.SendAsync("abonneer", Bob, PersonalChat, supportsCards: true);

        var s = (await bot.SubscriptionAsync(PersonalChat.Id!))!;
        Assert.Equal((DayOfWeek.Monday, new TimeOnly(8, 0), "Europe/Amsterdam", SubscriptionStatus.Active), (s.DayOfWeek, s.TimeOfDay, s.TimeZone, s.Status));
        Assert.Empty(s.Topics);
        Assert.Equal("tenant-1", s.TenantId);
        var (template, data) = Assert.Single(bot.Cards.Rendered);
        Assert.Equal("subscription", template);
        Assert.Equal("2026-11-30T07:00:00Z", (string?)data["nextDelivery" + "Utc"]);
        Assert.Equal("maandag 30 november 2026 08:00 (Nederlandse tijd)", (string?)data["nextDelivery"]);
        Assert.Equal([PersonalChat.Id!], bot.Notifier.Changed);
        var audit = Assert.Single((await bot.AuditAsync()));
        Assert.Equal("subscription.subscribe", audit.Action);
        // Issue 14 item 14: the conversation is named in Dutch, never "gesprek personal".
        Assert.Contains("het persoonlijke gesprek met Bob Medewerker", audit.Details); // read later, elsewhere: not "dit …"
        Assert.DoesNotContain("dit ", audit.Details);
        Assert.DoesNotContain("personal", audit.Details.Replace(PersonalChat.Id!, "", StringComparison.Ordinal));
        Assert.Single(turn.Sent);
    }

    [Fact]
    public async Task Subscribe_to_unknown_topic_changes_nothing()
    {
        await using var bot = new CommandHarness(Now);
        await bot.TopicStore.UpsertAsync(new Topic("defensie-eu", "defensie", Anna.AadObjectId, Now, Now));

        var turn = await bot.SendAsync("abonneer defensie-eu landbouw", Bob);

        Assert.Contains("Onbekend onderwerp: landbouw", Reply(turn));
        Assert.Empty(await bot.SubscriptionStore.ListAsync());
        // A pasted word is not echoed in full (QA pass).
        var pasted = Reply(await bot.SendAsync("abonneer " + new string('z', 500), Bob));
        Assert.Contains("Onbekend onderwerp: " + new string('z', 40) + "…", pasted);
        Assert.DoesNotContain(new string('z', 41), pasted);
        Assert.Empty(bot.Notifier.Changed);
    }

    /// <summary>The same topics again change nothing, say so, and write no audit entry (a QA pass: each repeat did).</summary>
    [Fact]
    public async Task Subscribing_again_to_the_same_topics_changes_nothing()
    {
        await using var bot = new CommandHarness(Now);
        await bot.TopicStore.UpsertAsync(new Topic("defensie-eu", "defensie", Anna.AadObjectId, Now, Now));
        await bot.TopicStore.UpsertAsync(new Topic("oekraine", "oekraine", Anna.AadObjectId, Now, Now));
        await bot.SendAsync("abonneer defensie-eu oekraine", Bob);

        var again = await bot.SendAsync("abonneer Oekraine, defensie-eu", Bob);
        var changed = await bot.SendAsync("abonneer oekraine", Bob);

        Assert.Contains("was al op deze onderwerpen geabonneerd. Er is niets gewijzigd.", Reply(again));
        Assert.Contains("zijn bijgewerkt", Reply(changed));
        // The typed topics replace the old ones; the reply says which went and how to keep them (a QA pass).
        Assert.Contains("Niet meer in je briefing: defensie-eu. Wil je dat onderwerp houden, typ dan `abonneer oekraine defensie-eu`.", Reply(changed), StringComparison.Ordinal);
        Assert.Equal(2, (await bot.AuditAsync()).Count(e => e.Action == "subscription.subscribe"));
        Assert.Equal(["oekraine"], (await bot.SubscriptionAsync(PersonalChat.Id!))!.Topics);
    }

    [Fact]
    public async Task Subscribe_with_topics_keeps_them()
    {
        await using var bot = new CommandHarness(Now);
        await bot.TopicStore.UpsertAsync(new Topic("defensie-eu", "defensie", Anna.AadObjectId, Now, Now));

        await bot.SendAsync("abonneer Defensie-EU", Bob);

        Assert.Equal(["defensie-eu"], (await bot.SubscriptionAsync(PersonalChat.Id!))!.Topics);
    }

    [Fact]
    public async Task Schedule_change_takes_effect_at_once_and_is_audited()
    {
        await using var bot = new CommandHarness(Now);
        await bot.SendAsync("abonneer", Bob);

        var turn = await bot.SendAsync("schema vrijdag 16:30 Europe/London", Bob);

        var s = (await bot.SubscriptionAsync(PersonalChat.Id!))!;
        Assert.Equal((DayOfWeek.Friday, new TimeOnly(16, 30), "Europe/London"), (s.DayOfWeek, s.TimeOfDay, s.TimeZone));
        Assert.Equal(2, bot.Notifier.Changed.Count);
        Assert.Contains("Volgende briefing: vrijdag 27 november 2026 16:30 (Europe/London)", Reply(turn));
        var audit = (await bot.AuditAsync())[^1];
        Assert.Equal("subscription.schedule", audit.Action);
        Assert.Contains("was maandag 08:00 Europe/Amsterdam", audit.Details);
    }

    [Theory]
    [InlineData("schema maandag 25:00")]
    [InlineData("schema maanday 08:00")]
    [InlineData("schema maandag 08:00 Mars/Olympus")]
    [InlineData("schema maandag 08:00 W. Europe Standard Time")]
    public async Task Invalid_schedule_changes_nothing(string command)
    {
        await using var bot = new CommandHarness(Now);
        await bot.SendAsync("abonneer", Bob);
        var before = (await bot.SubscriptionAsync(PersonalChat.Id!))!;

        var turn = await bot.SendAsync(command, Bob);

        Assert.Contains("Er is niets gewijzigd", Reply(turn));
        Assert.Equal(before, (await bot.SubscriptionAsync(PersonalChat.Id!))!);
        Assert.Single(bot.Notifier.Changed);
    }

    [Fact]
    public async Task Zone_is_found_regardless_of_case()
    {
        await using var bot = new CommandHarness(Now);
        await bot.SendAsync("abonneer", Bob);

        await bot.SendAsync("schema di 7:15 europe/brussels", Bob);

        var s = (await bot.SubscriptionAsync(PersonalChat.Id!))!;
        Assert.Equal(("Europe/Brussels", DayOfWeek.Tuesday, new TimeOnly(7, 15)), (s.TimeZone, s.DayOfWeek, s.TimeOfDay));
    }

    [Fact]
    public async Task Pause_and_resume_change_status_and_next_delivery()
    {
        await using var bot = new CommandHarness(Now);
        await bot.SendAsync("abonneer", Bob);

        var paused = await bot.SendAsync("pauzeer", Bob);
        Assert.Equal(SubscriptionStatus.Paused, (await bot.SubscriptionAsync(PersonalChat.Id!))!.Status);
        Assert.Contains("Volgende briefing: geen: gepauzeerd", Reply(paused));

        var resumed = await bot.SendAsync("hervat", Bob);
        Assert.Equal(SubscriptionStatus.Active, (await bot.SubscriptionAsync(PersonalChat.Id!))!.Status);
        Assert.Contains("Volgende briefing: maandag 30 november 2026 08:00", Reply(resumed));
        Assert.Equal(3, bot.Notifier.Changed.Count);
        Assert.Equal(["subscription.subscribe", "subscription.pause", "subscription.resume"], (await bot.AuditAsync()).Select(e => e.Action));
    }

    [Fact]
    public async Task Unsubscribe_cancels_and_subscribe_reactivates_with_the_old_schedule()
    {
        await using var bot = new CommandHarness(Now);
        await bot.SendAsync("abonneer", Bob);
        await bot.SendAsync("schema woensdag 09:00", Bob);

        await bot.SendAsync("opzeggen", Bob);
        Assert.Equal(SubscriptionStatus.Cancelled, (await bot.SubscriptionAsync(PersonalChat.Id!))!.Status);
        var status = await bot.SendAsync("abonnement", Bob);
        Assert.Contains("Status: opgezegd", Reply(status));

        // Twice, or another change: the subscription exists, cancelled; not "geen abonnement" (a QA pass).
        Assert.Contains("Het abonnement was al opgezegd", Reply(await bot.SendAsync("opzeggen", Bob)), StringComparison.Ordinal);
        Assert.Contains("Het abonnement van dit gesprek is opgezegd; typ `abonneer`", Reply(await bot.SendAsync("pauzeer", Bob)), StringComparison.Ordinal);
        Assert.Single(await bot.AuditAsync(), e => e.Action == "subscription.cancel");

        await bot.SendAsync("abonneer", Bob);
        var s = (await bot.SubscriptionAsync(PersonalChat.Id!))!;
        Assert.Equal((SubscriptionStatus.Active, DayOfWeek.Wednesday), (s.Status, s.DayOfWeek));
    }

    /// <summary>"opzeggen" says the settings are kept for a later "abonneer": the topics too (they were reset to all).</summary>
    [Fact]
    public async Task Subscribe_alone_reactivates_with_the_old_topics()
    {
        await using var bot = new CommandHarness(Now);
        await bot.TopicStore.UpsertAsync(new Topic("defensie-eu", "defensie", Anna.AadObjectId, Now, Now));
        await bot.SendAsync("abonneer defensie-eu", Bob);
        await bot.SendAsync("opzeggen", Bob);

        var turn = await bot.SendAsync("abonneer", Bob);

        Assert.Contains("weer geabonneerd", Reply(turn));
        var s = (await bot.SubscriptionAsync(PersonalChat.Id!))!;
        Assert.Equal(SubscriptionStatus.Active, s.Status);
        Assert.Equal(["defensie-eu"], s.Topics);
        // Topics typed with it still replace them.
        await bot.SendAsync("opzeggen", Bob);
        await bot.TopicStore.UpsertAsync(new Topic("oekraine", "oekraine", Anna.AadObjectId, Now, Now));
        await bot.SendAsync("abonneer oekraine", Bob);
        Assert.Equal(["oekraine"], (await bot.SubscriptionAsync(PersonalChat.Id!))!.Topics);
        // "alle onderwerpen" asks for every topic (a review: it kept the old ones).
        await bot.SendAsync("opzeggen", Bob);
        await bot.SendAsync("abonneer alle onderwerpen", Bob);
        Assert.Empty((await bot.SubscriptionAsync(PersonalChat.Id!))!.Topics);
    }

    [Fact]
    public async Task Subscription_status_without_subscription_explains_how()
    {
        await using var bot = new CommandHarness(Now);

        var turn = await bot.SendAsync("abonnement", Bob, Channel);

        Assert.Contains("Typ `abonneer`", Reply(turn));
    }

    [Fact]
    public async Task Everyone_may_subscribe_a_channel_by_default()
    {
        await using var bot = new CommandHarness(Now);

        await bot.SendAsync("abonneer", Bob, Channel);

        Assert.True((await bot.SubscriptionAsync(Protocol.ConversationIds.WithoutThread(Channel.Id!))) is not null);
        Assert.Equal(Bob.AadObjectId, (await bot.AuditAsync())[0].ActorAadObjectId);
    }

    [Fact]
    public async Task With_restriction_only_admins_change_channel_subscriptions_but_anyone_their_personal_chat()
    {
        await using var bot = new CommandHarness(Now, new Dictionary<string, string?> { ["Administration:RestrictSharedSubscriptionsToAdmins"] = "true" });

        var refused = await bot.SendAsync("abonneer", Bob, Channel);
        await bot.SendAsync("abonneer", Bob, PersonalChat);
        await bot.SendAsync("abonneer", Anna, Channel);

        Assert.StartsWith("Alleen beheerders kunnen het abonnement van een kanaal", Reply(refused));
        Assert.Equal(2, (await bot.SubscriptionStore.ListAsync()).Count);
        Assert.Equal(Anna.AadObjectId, (await bot.SubscriptionAsync(Protocol.ConversationIds.WithoutThread(Channel.Id!)))!.CreatedBy);
    }

    /// <summary>What is wrong with a schedule, not the usage again (a QA pass: a missing time and a zone of several words).</summary>
    [Theory]
    [InlineData("schema zondag", "Noem ook de tijd, bijvoorbeeld `schema zondag 08:00`.")]
    [InlineData("schema maandag 08:00 W. Europe Standard Time", "‘W. Europe Standard Time’ is geen bekende tijdzone; gebruik een IANA-naam zoals Europe/Amsterdam of Europe/Brussels (voor ‘W. Europe Standard Time’ is dat Europe/Berlin).")]
    [InlineData("schema vandaag 08:00", "‘vandaag’ is geen dag van de week")]
    public async Task A_bad_schedule_is_named_in_the_answer(string command, string expected)
    {
        await using var bot = new CommandHarness(Now);
        await bot.SendAsync("abonneer", Bob);

        var reply = Reply(await bot.SendAsync(command, Bob));

        Assert.Contains(expected, reply, StringComparison.Ordinal);
        Assert.Equal(new TimeOnly(8, 0), (await bot.SubscriptionAsync(PersonalChat.Id!))!.TimeOfDay);
        Assert.Equal(DayOfWeek.Monday, (await bot.SubscriptionAsync(PersonalChat.Id!))!.DayOfWeek);
    }
}
