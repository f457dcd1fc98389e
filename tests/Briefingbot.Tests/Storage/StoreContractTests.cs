using System.Text.Json;
using Briefingbot.Dossiers.Meetings;
using Briefingbot.Dossiers.Promises;
using Briefingbot.Protocol.Schema;
using Briefingbot.Storage;
using Briefingbot.Storage.Database;
using Briefingbot.Storage.Stores;
using Dapper;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Briefingbot.Tests.Storage;

/// <summary>
/// The storage contract, written once and run against every provider (see the subclasses). Each test gets an empty
/// database; <see cref="OpenDatabaseAsync"/> opens another instance on the same database (a restart, or a second
/// bot instance).
/// </summary>
public abstract class StoreContractTests : IAsyncLifetime
{
    private static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(10);

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 11, 24, 7, 0, 0, TimeSpan.Zero));

    protected StoreDatabase Database { get; private set; } = null!;

    protected IOptions<StorageOptions> Options { get; } = Microsoft.Extensions.Options.Options.Create(new StorageOptions { MaxDeliveryAttempts = 3 });

    /// <summary>A new database instance (own connections) on this test's database.</summary>
    protected abstract Task<StoreDatabase> OpenDatabaseAsync();

    protected abstract Task DeleteDatabaseAsync();

    public async Task InitializeAsync() => Database = await OpenDatabaseAsync();

    public async Task DisposeAsync()
    {
        if (Database is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
        await DeleteDatabaseAsync();
    }

    private DateTimeOffset Now => Time.GetUtcNow();

    // ---- migrations -------------------------------------------------------------------------------------------

    [Fact]
    public async Task Migrations_are_recorded_once_and_rerunning_them_changes_nothing()
    {
        await Database.EnsureMigratedAsync();
        var second = await OpenDatabaseAsync();
        await second.EnsureMigratedAsync();
        await second.EnsureMigratedAsync();

        await using var connection = await second.OpenAsync();
        var versions = (await connection.QueryAsync<long>("SELECT version FROM schema_migrations ORDER BY version")).ToList();
        Assert.Equal(Database.Migrations.Select(m => (long)m.Version), versions);
        await DisposeIfNeeded(second);
    }

    [Fact]
    public async Task Instances_starting_together_apply_each_migration_exactly_once()
    {
        var instances = new List<StoreDatabase>();
        for (var i = 0; i < 4; i++)
        {
            instances.Add(await OpenDatabaseAsync());
        }

        await Task.WhenAll(instances.Select(db => Task.Run(() => db.EnsureMigratedAsync())));

        await using var connection = await instances[0].OpenAsync();
        var rows = await connection.QueryAsync<long>("SELECT version FROM schema_migrations");
        Assert.Equal(Database.Migrations.Count, rows.Count());
        foreach (var db in instances)
        {
            await DisposeIfNeeded(db);
        }
    }

    // ---- conversation references ------------------------------------------------------------------------------

    [Fact]
    public async Task Conversation_reference_survives_a_restart_with_unknown_fields()
    {
        var reference = new ConversationReference
        {
            ChannelId = "msteams",
            ServiceUrl = "https://smba.trafficmanager.net/emea/",
            Bot = new ChannelAccount { Id = "28:bot", Name = "Briefingbot" },
            Conversation = new ConversationAccount
            {
                Id = "19:channel@thread.tacv2",
                TenantId = "tenant-1",
                ConversationType = "channel",
                AdditionalProperties = new Dictionary<string, JsonElement> { ["extra"] = JsonSerializer.SerializeToElement(42) },
            },
            Locale = "nl-NL",
        };
        await new ConversationReferenceStore(Database, Time).SaveAsync(reference);

        var restarted = await OpenDatabaseAsync();
        var loaded = await new ConversationReferenceStore(restarted, Time).GetAsync("19:channel@thread.tacv2");

        Assert.NotNull(loaded);
        Assert.Equal("https://smba.trafficmanager.net/emea/", loaded.ServiceUrl);
        Assert.Equal("28:bot", loaded.Bot?.Id);
        Assert.Equal("tenant-1", loaded.Conversation?.TenantId);
        Assert.Equal(42, loaded.Conversation!.AdditionalProperties!["extra"].GetInt32());
        Assert.Null(await new ConversationReferenceStore(restarted, Time).GetAsync("19:other"));
        await DisposeIfNeeded(restarted);
    }

    [Fact]
    public async Task Saving_a_reference_again_replaces_it()
    {
        var store = new ConversationReferenceStore(Database, Time);
        await store.SaveAsync(Reference("19:a", "https://old.example/"));
        await store.SaveAsync(Reference("19:a", "https://new.example/"));

        Assert.Equal("https://new.example/", (await store.GetAsync("19:a"))?.ServiceUrl);
    }

    [Fact]
    public async Task A_reference_without_conversation_id_is_refused()
    {
        var store = new ConversationReferenceStore(Database, Time);
        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(new ConversationReference { ServiceUrl = "https://x/" }));
    }

    // ---- user names (issue 14 item 13) -------------------------------------------------------------------------

    [Fact]
    public async Task User_names_are_remembered_per_user_replaced_when_changed_and_read_case_insensitively()
    {
        var names = new UserNameStore(Database, Time);
        await names.RememberAsync("AAAAAAAA-0000-0000-0000-000000000020", "Alex Wilber");
        await names.RememberAsync("29:megan", " Megan Bowen ");
        await names.RememberAsync("29:megan", "Megan Bowen-de Vries");

        var restarted = await OpenDatabaseAsync();
        var read = await new UserNameStore(restarted, Time).NamesAsync(["aaaaaaaa-0000-0000-0000-000000000020", "29:MEGAN", "unknown"]);

        Assert.Equal("Alex Wilber", read["aaaaaaaa-0000-0000-0000-000000000020"]);
        Assert.Equal("Alex Wilber", read["AAAAAAAA-0000-0000-0000-000000000020"]);
        Assert.Equal("Megan Bowen-de Vries", read["29:megan"]);
        Assert.False(read.ContainsKey("unknown"));
        Assert.Empty(await names.NamesAsync([]));
        await DisposeIfNeeded(restarted);
    }

    [Fact]
    public async Task Migration_8_seeds_user_names_from_the_audit_log_and_the_admins()
    {
        var audit = new AuditLog(Database, Time);
        await audit.AppendAsync("BBBBBBBB-0000-0000-0000-000000000001", "Anna Oud", "topic.add", "x");
        await audit.AppendAsync("bbbbbbbb-0000-0000-0000-000000000001", "Anna Beheer", "topic.add", "y");
        await audit.AppendAsync("bbbbbbbb-0000-0000-0000-000000000001", null, "topic.add", "z");
        await audit.AppendAsync("29:slack-user", null, "topic.add", "no name");
        await new AdminStore(Database, Time).AddAsync("cccccccc-0000-0000-0000-000000000002", "Carla Collega", "bbbbbbbb-0000-0000-0000-000000000001");
        // Back to the schema before version 8 (with the rows above), then migrate again as a start-up would.
        await using (var connection = await Database.OpenAsync())
        {
            await connection.ExecuteAsync("DROP TABLE user_names");
            await connection.ExecuteAsync("DELETE FROM schema_migrations WHERE version = 8");
        }

        var upgraded = await OpenDatabaseAsync();
        await upgraded.EnsureMigratedAsync();
        var read = await new UserNameStore(upgraded, Time).NamesAsync(["bbbbbbbb-0000-0000-0000-000000000001", "cccccccc-0000-0000-0000-000000000002", "29:slack-user"]);

        Assert.Equal("Anna Beheer", read["bbbbbbbb-0000-0000-0000-000000000001"]);
        Assert.Equal("Carla Collega", read["cccccccc-0000-0000-0000-000000000002"]);
        Assert.False(read.ContainsKey("29:slack-user"));
        await DisposeIfNeeded(upgraded);
    }

    // ---- admins and audit -------------------------------------------------------------------------------------

    [Fact]
    public async Task Adding_an_admin_twice_reports_it_and_removing_an_unknown_admin_reports_that()
    {
        var admins = new AdminStore(Database, Time);

        Assert.True(await admins.AddAsync("aad-1", "Anna", "aad-0"));
        Assert.False(await admins.AddAsync("aad-1", "Anna", "aad-0"));
        Time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await admins.AddAsync("aad-2", null, "aad-1"));

        Assert.True(await admins.IsAdminAsync("aad-1"));
        Assert.False(await admins.IsAdminAsync("aad-9"));
        Assert.Equal([("aad-1", (string?)"Anna"), ("aad-2", null)], await admins.ListAsync());

        Assert.True(await admins.RemoveAsync("aad-1"));
        Assert.False(await admins.RemoveAsync("aad-1"));
        Assert.False(await admins.IsAdminAsync("aad-1"));
    }

    [Fact]
    public async Task Audit_log_returns_the_latest_entries_newest_first()
    {
        var audit = new AuditLog(Database, Time);
        await audit.AppendAsync("aad-1", "Anna", "topic.add", "defensie-eu");
        Time.Advance(TimeSpan.FromSeconds(1));
        await audit.AppendAsync("aad-1", "Anna", "topic.change", "defensie-eu");
        await audit.AppendAsync("aad-2", null, "admin.add", "aad-3");

        var latest = await audit.LatestAsync(2);

        Assert.Equal(["admin.add", "topic.change"], latest.Select(e => e.Action));
        Assert.Equal(Now, latest[0].At);
        Assert.Null(latest[0].ActorName);
        Assert.Equal("Anna", latest[1].ActorName);
        Assert.Equal(3, (await audit.LatestAsync(10)).Count);
    }

    // ---- topics -----------------------------------------------------------------------------------------------

    [Fact]
    public async Task Upserting_a_topic_replaces_its_query_and_keeps_its_creator()
    {
        var topics = new TopicStore(Database);
        var created = Now;
        await topics.UpsertAsync(new Topic("defensie-eu", "defensie OR NAVO", "aad-1", created, created));
        Time.Advance(TimeSpan.FromDays(1));
        await topics.UpsertAsync(new Topic("defensie-eu", "defensie OR NAVO OR Witboek", "aad-2", Now, Now));
        await topics.UpsertAsync(new Topic("begroting", "Voorjaarsnota", "aad-2", Now, Now));

        var topic = await topics.GetAsync("defensie-eu");

        Assert.Equal(new Topic("defensie-eu", "defensie OR NAVO OR Witboek", "aad-1", created, Now), topic);
        Assert.Equal(["begroting", "defensie-eu"], (await topics.ListAsync()).Select(t => t.Name));
        Assert.True(await topics.DeleteAsync("begroting"));
        Assert.False(await topics.DeleteAsync("begroting"));
        Assert.Null(await topics.GetAsync("begroting"));
    }

    // ---- subscriptions ----------------------------------------------------------------------------------------

    [Fact]
    public async Task Subscription_round_trips_every_field_and_upsert_keeps_its_creation()
    {
        var subscriptions = new SubscriptionStore(Database);
        var created = Now;
        var subscription = new Subscription(
            "19:channel", "tenant-1", ["defensie-eu", "begroting"], DayOfWeek.Monday, new TimeOnly(8, 0), "Europe/Amsterdam",
            SubscriptionStatus.Active, null, "aad-1", created, created);
        await subscriptions.UpsertAsync(subscription);
        Time.Advance(TimeSpan.FromHours(1));
        await subscriptions.UpsertAsync(subscription with
        {
            DayOfWeek = DayOfWeek.Friday, TimeOfDay = new TimeOnly(16, 30), TimeZone = "Europe/London", Topics = [],
            CreatedBy = "aad-2", CreatedAt = Now, UpdatedAt = Now,
        });

        var loaded = await subscriptions.GetAsync("19:channel");

        Assert.NotNull(loaded);
        Assert.Equal(DayOfWeek.Friday, loaded.DayOfWeek);
        Assert.Equal(new TimeOnly(16, 30), loaded.TimeOfDay);
        Assert.Equal("Europe/London", loaded.TimeZone);
        Assert.Empty(loaded.Topics);
        Assert.Equal("tenant-1", loaded.TenantId);
        Assert.Equal("aad-1", loaded.CreatedBy);
        Assert.Equal(created, loaded.CreatedAt);
        Assert.Equal(Now, loaded.UpdatedAt);
        Assert.Null(await subscriptions.GetAsync("19:nope"));
    }

    [Fact]
    public async Task Subscription_status_changes_with_reason_and_list_filters_by_status()
    {
        var subscriptions = new SubscriptionStore(Database);
        foreach (var id in new[] { "19:a", "19:b", "19:c" })
        {
            await subscriptions.UpsertAsync(new Subscription(
                id, null, ["defensie-eu"], DayOfWeek.Monday, new TimeOnly(8, 0), "Europe/Amsterdam", SubscriptionStatus.Active,
                null, "aad-1", Now, Now));
        }
        Time.Advance(TimeSpan.FromDays(2));
        await subscriptions.SetStatusAsync("19:b", SubscriptionStatus.Inactive, "403 Forbidden: bot removed from the team", Now);
        await subscriptions.SetStatusAsync("19:c", SubscriptionStatus.Paused, null, Now);

        var inactive = await subscriptions.ListAsync(SubscriptionStatus.Inactive);

        Assert.Equal(["19:a"], (await subscriptions.ListAsync(SubscriptionStatus.Active)).Select(s => s.ConversationId));
        Assert.Equal("403 Forbidden: bot removed from the team", Assert.Single(inactive).StatusReason);
        Assert.Equal(Now, inactive[0].UpdatedAt);
        Assert.Equal(["defensie-eu"], inactive[0].Topics);
        Assert.Equal(3, (await subscriptions.ListAsync()).Count);
    }

    /// <summary>A status change from given statuses only, in one step: of two at once, one changes it (bot removal, a review).</summary>
    [Fact]
    public async Task Subscription_status_changes_only_from_the_given_statuses_and_once()
    {
        var subscriptions = new SubscriptionStore(Database);
        await subscriptions.UpsertAsync(new Subscription(
            "19:a", null, [], DayOfWeek.Monday, new TimeOnly(8, 0), "Europe/Amsterdam", SubscriptionStatus.Paused, null, "aad-1", Now, Now));
        SubscriptionStatus[] live = [SubscriptionStatus.Active, SubscriptionStatus.Paused];

        var both = await Task.WhenAll(
            subscriptions.ChangeStatusAsync("19:a", live, SubscriptionStatus.Inactive, "verwijderd", Now),
            subscriptions.ChangeStatusAsync("19:a", live, SubscriptionStatus.Inactive, "verwijderd", Now));
        var missing = await subscriptions.ChangeStatusAsync("19:none", live, SubscriptionStatus.Inactive, "verwijderd", Now);
        var cancelled = await subscriptions.ChangeStatusAsync("19:a", [SubscriptionStatus.Cancelled], SubscriptionStatus.Active, null, Now);

        Assert.Equal(1, both.Count(changed => changed));
        Assert.False(missing);
        Assert.False(cancelled);
        var s = (await subscriptions.GetAsync("19:a"))!;
        Assert.Equal((SubscriptionStatus.Inactive, "verwijderd"), (s.Status, s.StatusReason));
    }

    /// <summary>
    /// A subscription keeps the Teams team it was made in (an upsert without one keeps the stored team), and a team's
    /// subscriptions are found by it, the General channel (whose id is the team's) included.
    /// </summary>
    [Fact]
    public async Task Subscriptions_keep_their_team_and_are_found_by_it()
    {
        var subscriptions = new SubscriptionStore(Database);
        Subscription Make(string id, string? team) => new(
            id, null, [], DayOfWeek.Monday, new TimeOnly(8, 0), "Europe/Amsterdam", SubscriptionStatus.Active, null, "aad-1", Now, Now, team);
        await subscriptions.UpsertAsync(Make("19:general", "19:general"));
        await subscriptions.UpsertAsync(Make("19:kanaal-2", "19:general"));
        await subscriptions.UpsertAsync(Make("19:ander-team", "19:ander"));
        await subscriptions.UpsertAsync(Make("19:oud", null));
        await subscriptions.UpsertAsync(Make("a:persoonlijk", null));

        await subscriptions.UpsertAsync(Make("19:kanaal-2", null) with { Topics = ["defensie-eu"] });
        await subscriptions.RememberTeamAsync("19:oud", "19:general");
        await subscriptions.RememberTeamAsync("19:kanaal-2", "19:ander");
        await subscriptions.RememberTeamAsync("19:onbekend", "19:general");

        Assert.Equal(["19:general", "19:kanaal-2", "19:oud"], await subscriptions.ListTeamConversationsAsync("19:general"));
        Assert.Equal(["19:ander-team"], await subscriptions.ListTeamConversationsAsync("19:ander"));
        var kept = (await subscriptions.GetAsync("19:kanaal-2"))!;
        Assert.Equal("19:general", kept.TeamId);
        Assert.Equal(["defensie-eu"], kept.Topics);
        Assert.Null((await subscriptions.GetAsync("a:persoonlijk"))!.TeamId);
    }

    // ---- delivery ledger --------------------------------------------------------------------------------------

    [Fact]
    public async Task The_first_claim_wins_and_a_second_claim_is_refused()
    {
        var ledger = new DeliveryLedger(Database, Options);

        var claim = await ledger.ClaimAsync("19:a", "2025-11-24T08:00", "node-1", Now, StaleAfter, Now.AddDays(7));
        Assert.Equal(new DeliveryClaim("19:a", "2025-11-24T08:00", "node-1", 1, 0), claim);
        Assert.Null(await ledger.ClaimAsync("19:a", "2025-11-24T08:00", "node-2", Now.AddMinutes(1), StaleAfter));
        Assert.NotNull(await ledger.ClaimAsync("19:a", "2025-12-01T08:00", "node-2", Now, StaleAfter));

        var delivery = await ledger.GetAsync("19:a", "2025-11-24T08:00");
        Assert.Equal(new Delivery("19:a", "2025-11-24T08:00", DeliveryState.Claimed, 1, "node-1", Now, null, null, null, 0, null, Now.AddDays(7)), delivery);
    }

    [Fact]
    public async Task Of_many_concurrent_claims_on_two_instances_exactly_one_wins()
    {
        var other = await OpenDatabaseAsync();
        var ledgers = new[] { new DeliveryLedger(Database, Options), new DeliveryLedger(other, Options) };

        var claims = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() =>
            ledgers[i % 2].ClaimAsync("19:a", "2025-11-24T08:00", $"node-{i}", Now, StaleAfter))));

        Assert.Single(claims, c => c is not null);
        Assert.Equal(1, (await ledgers[0].GetAsync("19:a", "2025-11-24T08:00"))?.Attempts);
        await DisposeIfNeeded(other);
    }

    [Fact]
    public async Task A_stale_claim_is_taken_over_once_and_a_fresh_one_is_not()
    {
        var ledger = new DeliveryLedger(Database, Options);
        await ledger.ClaimAsync("19:a", "p1", "node-1", Now, StaleAfter);

        Assert.Null(await ledger.ClaimAsync("19:a", "p1", "node-2", Now + StaleAfter - TimeSpan.FromSeconds(1), StaleAfter));
        var later = Now + StaleAfter;
        var takeovers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            ledger.ClaimAsync("19:a", "p1", $"node-{i + 2}", later, StaleAfter))));

        Assert.Equal(2, Assert.Single(takeovers, c => c is not null)!.Attempt);
        var delivery = await ledger.GetAsync("19:a", "p1");
        Assert.Equal(2, delivery?.Attempts);
        Assert.Equal(later, delivery?.ClaimedAt);
        Assert.NotEqual("node-1", delivery?.ClaimedBy);
    }

    [Fact]
    public async Task A_sent_or_gone_delivery_is_never_claimed_again()
    {
        var ledger = new DeliveryLedger(Database, Options);
        var a = await ledger.ClaimAsync("19:a", "p1", "node-1", Now, StaleAfter);
        Assert.True(await ledger.MarkSentAsync(a!, "activity-7", Now.AddSeconds(2)));
        var b = await ledger.ClaimAsync("19:b", "p1", "node-1", Now, StaleAfter);
        Assert.True(await ledger.MarkFailedAsync(b!, DeliveryState.Gone, "404 conversation not found", Now.AddSeconds(2)));

        var muchLater = Now.AddDays(30);
        Assert.Null(await ledger.ClaimAsync("19:a", "p1", "node-2", muchLater, StaleAfter));
        Assert.Null(await ledger.ClaimAsync("19:b", "p1", "node-2", muchLater, StaleAfter));

        var sent = await ledger.GetAsync("19:a", "p1");
        Assert.Equal(new Delivery("19:a", "p1", DeliveryState.Sent, 1, "node-1", Now, Now.AddSeconds(2), "activity-7", null), sent);
        Assert.Equal(DeliveryState.Gone, (await ledger.GetAsync("19:b", "p1"))?.State);
        // A late failure report from the same sender does not undo "sent".
        Assert.False(await ledger.MarkFailedAsync(a!, DeliveryState.Failed, "timeout", muchLater));
        Assert.Equal(DeliveryState.Sent, (await ledger.GetAsync("19:a", "p1"))?.State);
    }

    [Fact]
    public async Task A_failed_delivery_is_retried_until_its_attempts_run_out()
    {
        var ledger = new DeliveryLedger(Database, Options);
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var claim = await ledger.ClaimAsync("19:a", "p1", "node-1", Now, StaleAfter);
            Assert.Equal(attempt, claim?.Attempt);
            Assert.True(await ledger.MarkFailedAsync(claim!, DeliveryState.Failed, $"500 on attempt {attempt}", Now, Now.AddSeconds(30)));
            Time.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Null(await ledger.ClaimAsync("19:a", "p1", "node-1", Now, StaleAfter));
        var failed = await ledger.GetAsync("19:a", "p1");
        Assert.Equal((DeliveryState.Failed, 3, "500 on attempt 3"), (failed?.State, failed?.Attempts ?? 0, failed?.Error));
        Assert.Equal(Now.AddMinutes(-1).AddSeconds(30), failed?.RetryAt);
        Assert.Equal(["19:a"], (await ledger.ListAsync(DeliveryState.Failed)).Select(d => d.ConversationId));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ledger.MarkFailedAsync(new DeliveryClaim("19:a", "p1", "node-1", 3, 0), DeliveryState.Sent, "x", Now));
    }

    [Fact]
    public async Task A_stale_sender_cannot_complete_or_fail_the_row_of_the_claim_that_took_it_over()
    {
        var ledger = new DeliveryLedger(Database, Options);
        var slow = await ledger.ClaimAsync("19:a", "p1", "node-1", Now, StaleAfter);
        var takeover = await ledger.ClaimAsync("19:a", "p1", "node-2", Now + StaleAfter, StaleAfter);
        // The same node's own earlier attempt is fenced too (the attempt number is the token).
        var sameNode = await ledger.ClaimAsync("19:b", "p1", "node-1", Now, StaleAfter);
        var sameNodeAgain = await ledger.ClaimAsync("19:b", "p1", "node-1", Now + StaleAfter, StaleAfter);

        Assert.False(await ledger.MarkFailedAsync(slow!, DeliveryState.Failed, "timeout", Now + StaleAfter));
        Assert.False(await ledger.MarkPartSentAsync(slow!, 1, "act-old"));
        Assert.False(await ledger.MarkSentAsync(slow!, "act-old", Now + StaleAfter));
        Assert.False(await ledger.MarkSentAsync(sameNode!, "act-old", Now + StaleAfter));
        var row = await ledger.GetAsync("19:a", "p1");
        Assert.Equal((DeliveryState.Claimed, "node-2", 2, 0, (string?)null), (row!.State, row.ClaimedBy, row.Attempts, row.PartsSent, row.ActivityId));

        Assert.True(await ledger.MarkSentAsync(takeover!, "act-new", Now + StaleAfter));
        Assert.True(await ledger.MarkSentAsync(sameNodeAgain!, "act-b", Now + StaleAfter));
        Assert.False(await ledger.MarkFailedAsync(slow!, DeliveryState.Gone, "404", Now + StaleAfter));
        Assert.Equal((DeliveryState.Sent, "act-new"), ((await ledger.GetAsync("19:a", "p1"))!.State, (await ledger.GetAsync("19:a", "p1"))!.ActivityId));
        // No claim, no row: completing is never an upsert.
        Assert.False(await ledger.MarkSentAsync(new DeliveryClaim("19:none", "p1", "node-1", 1, 0), "x", Now));
        Assert.Null(await ledger.GetAsync("19:none", "p1"));
    }

    [Fact]
    public async Task Parts_sent_survive_a_failure_and_a_takeover_so_a_retry_resumes_after_them()
    {
        var ledger = new DeliveryLedger(Database, Options);
        var first = await ledger.ClaimAsync("19:a", "p1", "node-1", Now, StaleAfter);
        Assert.True(await ledger.MarkPartSentAsync(first!, 1, "act-part-1", "[\"deel 1\",\"deel 2\",\"deel 3\"]"));
        Assert.True(await ledger.MarkFailedAsync(first!, DeliveryState.Failed, "deel 2 van 3: 502", Now, Now));

        // The retry gets the parts as first rendered, to send the rest of the same rendering.
        var second = await ledger.ClaimAsync("19:a", "p1", "node-2", Now, StaleAfter);
        Assert.Equal(new DeliveryClaim("19:a", "p1", "node-2", 2, 1, "[\"deel 1\",\"deel 2\",\"deel 3\"]"), second);
        Assert.True(await ledger.MarkPartSentAsync(second!, 2, "act-part-2"));
        // node-2 dies; the stale claim is taken over with both parts recorded (and the rendering kept).
        var third = await ledger.ClaimAsync("19:a", "p1", "node-3", Now + StaleAfter, StaleAfter);
        Assert.Equal((2, "[\"deel 1\",\"deel 2\",\"deel 3\"]"), (third?.PartsSent, third?.RenderedParts));
        Assert.True(await ledger.MarkSentAsync(third!, "act-part-3", Now + StaleAfter));

        var row = await ledger.GetAsync("19:a", "p1");
        Assert.Equal((DeliveryState.Sent, 2, "act-part-1"), (row!.State, row.PartsSent, row.ActivityId));
    }

    [Fact]
    public async Task Due_rows_are_filtered_in_the_database_oldest_first_with_a_limit()
    {
        var ledger = new DeliveryLedger(Database, Options);
        var subscriptions = new SubscriptionStore(Database);
        var start = Now;
        var periodEnd = start.AddDays(7);
        async Task<DeliveryClaim> ClaimAsync(string id, DateTimeOffset at, DateTimeOffset? end = null, SubscriptionStatus status = SubscriptionStatus.Active)
        {
            await subscriptions.UpsertAsync(new Subscription(id, "t", [], DayOfWeek.Monday, new TimeOnly(8, 0), "UTC", status, null, "test", start, start));
            return (await ledger.ClaimAsync(id, "p1", "node-1", at, StaleAfter, end ?? periodEnd))!;
        }

        // An outage: 12 failures, oldest first, each due 30 s after it failed.
        for (var i = 0; i < 12; i++)
        {
            var at = start.AddMinutes(i);
            await ledger.MarkFailedAsync(await ClaimAsync($"19:old-{i:D2}", at), DeliveryState.Failed, "502", at, at.AddSeconds(30));
        }
        var now = start.AddHours(1);
        // Not due: backoff not over, attempts exhausted, period ended, subscription paused, fresh claim, sent.
        await ledger.MarkFailedAsync(await ClaimAsync("19:backoff", now.AddMinutes(-1)), DeliveryState.Failed, "502", now, now.AddSeconds(30));
        var exhausted = await ClaimAsync("19:exhausted", start);
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await ledger.MarkFailedAsync(exhausted, DeliveryState.Failed, "502", start, start);
            exhausted = await ledger.ClaimAsync("19:exhausted", "p1", "node-1", start, StaleAfter) ?? exhausted;
        }
        await ledger.MarkFailedAsync(await ClaimAsync("19:ended", start, end: now.AddMinutes(-5)), DeliveryState.Failed, "502", start, start);
        await ledger.MarkFailedAsync(await ClaimAsync("19:paused", start, status: SubscriptionStatus.Paused), DeliveryState.Failed, "502", start, start);
        await ClaimAsync("19:fresh", now.AddMinutes(-1));
        await ledger.MarkSentAsync(await ClaimAsync("19:sent", start), "a", start);
        // A stale claim (a crashed sender) is due, in claim order.
        await ClaimAsync("19:stale", start.AddSeconds(90));

        var due = await ledger.ListDueAsync(now, now - StaleAfter, 5);
        var all = await ledger.ListDueAsync(now, now - StaleAfter, 100);

        Assert.Equal(["19:old-00", "19:old-01", "19:stale", "19:old-02", "19:old-03"], due.Select(d => d.ConversationId));
        Assert.Equal(Enumerable.Range(0, 12).Select(i => $"19:old-{i:D2}").Append("19:stale").Order(StringComparer.Ordinal),
            all.Select(d => d.ConversationId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Last_sent_is_the_latest_sent_delivery_of_the_conversation()
    {
        var ledger = new DeliveryLedger(Database, Options);
        await ledger.MarkSentAsync((await ledger.ClaimAsync("19:a", "2025-11-17T08:00", "n", Now, StaleAfter))!, "act-1", Now);
        Time.Advance(TimeSpan.FromDays(7));
        await ledger.MarkSentAsync((await ledger.ClaimAsync("19:a", "2025-11-24T08:00", "n", Now, StaleAfter))!, "act-2", Now);
        Time.Advance(TimeSpan.FromDays(7));
        await ledger.ClaimAsync("19:a", "2025-12-01T08:00", "n", Now, StaleAfter);

        var last = await ledger.LastSentAsync("19:a");

        Assert.Equal("2025-11-24T08:00", last?.PeriodKey);
        Assert.Null(await ledger.LastSentAsync("19:b"));
        Assert.Equal(3, (await ledger.ListAsync()).Count);
        Assert.Equal(2, (await ledger.ListAsync(limit: 2)).Count);
        Assert.Equal("2025-12-01T08:00", Assert.Single(await ledger.ListAsync(DeliveryState.Claimed)).PeriodKey);
    }

    // ---- promises ---------------------------------------------------------------------------------------------

    [Fact]
    public async Task Extracted_promises_get_small_stable_numbers_across_reingests()
    {
        var register = new PromiseRegister(Database);
        var letterDate = new DateOnly(2025, 4, 11);
        await register.UpsertExtractedAsync("000_a", letterDate, [Promise("000_a", "k1"), Promise("000_a", "k2")], Now);
        for (var i = 0; i < 3; i++)
        {
            await register.UpsertExtractedAsync("000_a", letterDate, [Promise("000_a", "k1"), Promise("000_a", "k2")], Now);
        }
        await register.UpsertExtractedAsync("001_b", null, [Promise("001_b", "k3")], Now);

        var all = await register.ListAsync();

        Assert.Equal([(1L, "k1"), (2L, "k2"), (3L, "k3")], all.Select(p => (p.Number, p.Key)));
        Assert.Equal(letterDate, all[0].LetterDate);
        Assert.Null(all[2].LetterDate);
        Assert.Equal(new DateOnly(2026, 6, 30), all[0].DueDate);
        Assert.Equal(0.8, all[0].Confidence, 6);
        Assert.Equal(PromiseStatus.Open, all[0].Status);
    }

    [Fact]
    public async Task Reextraction_refreshes_the_facts_but_never_the_admins_status()
    {
        var register = new PromiseRegister(Database);
        await register.UpsertExtractedAsync("000_a", null, [Promise("000_a", "k1")], Now);
        var number = Assert.Single(await register.ListAsync()).Number;
        Time.Advance(TimeSpan.FromDays(1));
        await register.SetStatusAsync(number, PromiseStatus.Fulfilled, "https://example.org/kst-1", "aad-1", Now);
        Time.Advance(TimeSpan.FromDays(1));

        await register.UpsertExtractedAsync("000_a", null, [Promise("000_a", "k1") with { What = "de Kamer informeren", DueDate = null }], Now);

        var promise = await register.GetAsync(number);
        Assert.NotNull(promise);
        Assert.Equal(PromiseStatus.Fulfilled, promise.Status);
        Assert.Equal("https://example.org/kst-1", promise.FulfilledBy);
        Assert.Equal("de Kamer informeren", promise.What);
        Assert.Null(promise.DueDate);
        Assert.Equal(Now, promise.UpdatedAt);
    }

    [Fact]
    public async Task Status_changes_are_kept_in_history_and_an_unknown_number_is_refused()
    {
        var register = new PromiseRegister(Database);
        await register.UpsertExtractedAsync("000_a", null, [Promise("000_a", "k1")], Now);
        await register.SetStatusAsync(1, PromiseStatus.Fulfilled, "https://example.org/1", "aad-1", Now);
        Time.Advance(TimeSpan.FromHours(1));
        await register.SetStatusAsync(1, PromiseStatus.Open, null, "aad-2", Now);

        var history = await register.HistoryAsync(1);

        Assert.Equal(
            [new PromiseStatusChange(1, PromiseStatus.Fulfilled, "https://example.org/1", "aad-1", Now.AddHours(-1)),
             new PromiseStatusChange(1, PromiseStatus.Open, null, "aad-2", Now)],
            history);
        Assert.Null((await register.GetAsync(1))?.FulfilledBy);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => register.SetStatusAsync(99, PromiseStatus.Withdrawn, null, "aad-1", Now));
        Assert.Null(await register.GetAsync(99));
    }

    [Fact]
    public async Task Removing_or_changing_a_letter_drops_its_promises_except_those_an_admin_decided()
    {
        var register = new PromiseRegister(Database);
        await register.UpsertExtractedAsync("000_a", null, [Promise("000_a", "k1"), Promise("000_a", "k2"), Promise("000_a", "k3")], Now);
        await register.UpsertExtractedAsync("001_b", null, [Promise("001_b", "k4")], Now);
        await register.SetStatusAsync(1, PromiseStatus.Withdrawn, null, "aad-1", Now);

        // The letter changed: it no longer makes k2.
        await register.UpsertExtractedAsync("000_a", null, [Promise("000_a", "k1"), Promise("000_a", "k3")], Now);
        Assert.Equal(["k1", "k3", "k4"], (await register.ListAsync()).Select(p => p.Key));

        await register.RemoveLetterAsync("000_a");
        Assert.Equal(["k1", "k4"], (await register.ListAsync()).Select(p => p.Key));
        Assert.Single(await register.HistoryAsync(1));
    }

    // ---- meetings ---------------------------------------------------------------------------------------------

    [Fact]
    public async Task The_same_meeting_from_two_letters_is_one_meeting_with_two_sources()
    {
        var register = new MeetingRegister(Database);
        await register.UpsertExtractedAsync("000_a", [Meeting("000_a", location: null, start: 100)], Now);
        await register.UpsertExtractedAsync("001_b", [Meeting("001_b", location: "Brussel", start: 50), Meeting("001_b", location: null, start: 900)], Now);
        await register.UpsertExtractedAsync("000_a", [Meeting("000_a", location: null, start: 100)], Now);

        var meeting = Assert.Single(await register.ListAsync());
        var sources = await register.SourcesAsync(meeting.Id);

        Assert.Equal("RBZ Defensie|2025-12-01", meeting.Key);
        Assert.Equal(MeetingRegister.KeyOf(MeetingTypes.RbzDefensie, new DateOnly(2025, 12, 1)), meeting.Key);
        Assert.Equal("Brussel", meeting.Location);
        Assert.Equal(MeetingOrigin.Extracted, meeting.Origin);
        Assert.False(meeting.AdminLocked);
        Assert.Equal(["000_a", "001_b"], sources.Select(s => s.LetterId));
        Assert.Equal(50, sources[1].Start);
        Assert.True(sources[1].IsAfterLetter);
    }

    [Fact]
    public async Task Extraction_never_overwrites_an_admin_locked_meeting_but_still_records_the_letter()
    {
        var register = new MeetingRegister(Database);
        var admin = await register.UpsertAsync(MeetingTypes.RbzDefensie, new DateOnly(2025, 12, 1), new DateOnly(2025, 12, 1), "Luxemburg", "RBZ Defensie (gewijzigd)", MeetingOrigin.Admin, Now);
        Time.Advance(TimeSpan.FromHours(1));

        await register.UpsertExtractedAsync("000_a", [Meeting("000_a", location: "Brussel", start: 10, end: new DateOnly(2025, 12, 2))], Now);
        var imported = await register.UpsertAsync(MeetingTypes.RbzDefensie, new DateOnly(2025, 12, 1), new DateOnly(2025, 12, 3), "Gent", null, MeetingOrigin.Imported, Now);

        var meeting = await register.GetAsync(admin.Id);
        Assert.Equal(admin, meeting);
        Assert.Equal(admin, imported);
        Assert.True(admin.AdminLocked);
        Assert.Equal(["000_a"], (await register.SourcesAsync(admin.Id)).Select(s => s.LetterId));

        await register.RemoveLetterAsync("000_a");
        Assert.NotNull(await register.GetAsync(admin.Id));
    }

    [Fact]
    public async Task An_extracted_meeting_goes_when_no_letter_mentions_it_any_more()
    {
        var register = new MeetingRegister(Database);
        await register.UpsertExtractedAsync("000_a", [Meeting("000_a", "Brussel", 1)], Now);
        await register.UpsertExtractedAsync("001_b", [Meeting("001_b", "Brussel", 1)], Now);

        await register.RemoveLetterAsync("000_a");
        Assert.Single(await register.ListAsync());
        await register.UpsertExtractedAsync("001_b", [], Now);
        Assert.Empty(await register.ListAsync());
    }

    /// <summary>
    /// A moved meeting's letters count as the new row's, also when they are extracted again for the old date, and
    /// across two moves; a letter naming both dates is one source; an admin adding the old date again revives it.
    /// </summary>
    [Fact]
    public async Task A_moved_meeting_takes_its_letters_along()
    {
        var register = new MeetingRegister(Database);
        await register.UpsertExtractedAsync("000_a", [Meeting("000_a", "Brussel", 1)], Now);
        var old = Assert.Single(await register.ListAsync());
        var second = await register.UpsertAsync(MeetingTypes.RbzDefensie, new DateOnly(2025, 12, 3), new DateOnly(2025, 12, 3), null, null, MeetingOrigin.Admin, Now);
        await register.MoveAsync(old.Id, second.Id, Now);
        await register.UpsertExtractedAsync("001_b", [Meeting("001_b", null, 5)], Now); // names the old date
        var third = await register.UpsertAsync(MeetingTypes.RbzDefensie, new DateOnly(2025, 12, 4), new DateOnly(2025, 12, 4), null, null, MeetingOrigin.Admin, Now);
        await register.MoveAsync(second.Id, third.Id, Now);

        Assert.Equal(["000_a", "001_b"], (await register.SourcesAsync(third.Id)).Select(s => s.LetterId));
        Assert.Empty(await register.SourcesAsync(second.Id));
        Assert.Equal([third.Id], (await register.ListAsync()).Select(m => m.Id));
        Assert.True((await register.GetAsync(old.Id))!.Cancelled); // re-extraction does not revive the old date
        Assert.Equal(third.Id, (await register.GetAsync(old.Id))!.MovedTo); // flattened: the old row points to the newest

        // Changing a moved row's location (same key) neither revives it nor takes its letters back (a review).
        var edited = await register.UpsertAsync(MeetingTypes.RbzDefensie, new DateOnly(2025, 12, 1), new DateOnly(2025, 12, 1), "Luxemburg", null, MeetingOrigin.Admin, Now);
        Assert.Equal(old.Id, edited.Id);
        Assert.True(edited.Cancelled);
        Assert.Equal(["000_a", "001_b"], (await register.SourcesAsync(third.Id)).Select(s => s.LetterId));

        // Moved back (what vergadering wijzigen does): the old row is restored and the letters are its own again.
        await register.SetCancelledAsync(old.Id, false, Now);
        await register.MoveAsync(third.Id, old.Id, Now);

        Assert.False((await register.GetAsync(old.Id))!.Cancelled);
        Assert.Equal([old.Id], (await register.ListAsync()).Select(m => m.Id));
        Assert.Equal(["000_a", "001_b"], (await register.SourcesAsync(old.Id)).Select(s => s.LetterId));
        Assert.Empty(await register.SourcesAsync(third.Id));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => register.MoveAsync(999, old.Id, Now));
    }

    /// <summary>Restoring a moved meeting (vergadering herstellen) gives it its letters back; they no longer also prepare the new one (a review).</summary>
    [Fact]
    public async Task A_restored_moved_meeting_keeps_its_letters_to_itself()
    {
        var register = new MeetingRegister(Database);
        await register.UpsertExtractedAsync("000_a", [Meeting("000_a", "Brussel", 1)], Now);
        var old = Assert.Single(await register.ListAsync());
        var moved = await register.UpsertAsync(MeetingTypes.RbzDefensie, new DateOnly(2025, 12, 3), new DateOnly(2025, 12, 3), null, null, MeetingOrigin.Admin, Now);
        await register.MoveAsync(old.Id, moved.Id, Now);

        await register.SetCancelledAsync(old.Id, false, Now);

        Assert.Equal(["000_a"], (await register.SourcesAsync(old.Id)).Select(s => s.LetterId));
        Assert.Empty(await register.SourcesAsync(moved.Id));
        Assert.Equal(2, (await register.ListAsync()).Count);
    }

    [Fact]
    public async Task Listing_meetings_filters_by_overlap_and_cancellation()
    {
        var register = new MeetingRegister(Database);
        var summit = await register.UpsertAsync(MeetingTypes.EuropeseRaad, new DateOnly(2025, 12, 18), new DateOnly(2025, 12, 19), "Brussel", null, MeetingOrigin.Imported, Now);
        var ecofin = await register.UpsertAsync(MeetingTypes.Ecofin, new DateOnly(2025, 12, 9), new DateOnly(2025, 12, 9), null, null, MeetingOrigin.Imported, Now);
        await register.UpsertAsync(MeetingTypes.NavoTop, new DateOnly(2026, 7, 7), new DateOnly(2026, 7, 8), "Ankara", null, MeetingOrigin.Imported, Now);
        Assert.False(summit.AdminLocked);
        await register.SetCancelledAsync(ecofin.Id, true, Now);

        var ahead = await register.ListAsync(new DateOnly(2025, 12, 19), new DateOnly(2026, 1, 2));
        var withCancelled = await register.ListAsync(new DateOnly(2025, 12, 1), new DateOnly(2025, 12, 31), includeCancelled: true);

        Assert.Equal([summit.Id], ahead.Select(m => m.Id));
        Assert.Equal([ecofin.Id, summit.Id], withCancelled.Select(m => m.Id));
        Assert.True(withCancelled[0].Cancelled);
        Assert.True(withCancelled[0].AdminLocked);
        Assert.Equal(3, (await register.ListAsync(includeCancelled: true)).Count);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => register.SetCancelledAsync(999, true, Now));
    }

    [Fact]
    public async Task Meetings_keep_their_kind_and_date_precision()
    {
        // Issue 15 (schema version 7): a debate from the Tweede Kamer, a summit known by its month, and an extracted
        // summit whose days come from the table of NATO summits, later confirmed by a letter that writes the day.
        var register = new MeetingRegister(Database);
        var debate = await register.UpsertAsync(MeetingEntry.OnDay(MeetingKind.TkCommitteeDebate, "Commissiedebat NAVO", new DateOnly(2026, 6, 17), location: "Den Haag"), MeetingOrigin.Imported, Now);
        var month = await register.UpsertAsync(MeetingEntry.InMonth(MeetingKind.NatoSummit, MeetingTypes.NavoTop, 2026, 7, "Ankara"), MeetingOrigin.Imported, Now);
        var inferred = new ExtractedMeeting("NAVO-top|2025-06-24", MeetingTypes.NavoTop, new DateOnly(2025, 6, 24), new DateOnly(2025, 6, 25), "Den Haag",
            "000_a", "de afgelopen NAVO-top in Den Haag", 10, 40, false, 0.8) { Precision = DatePrecision.Inferred, DateSource = NatoSummits.Source };
        await register.UpsertExtractedAsync("000_a", [inferred], Now);

        Assert.Equal((MeetingKind.TkCommitteeDebate, DatePrecision.Day), (debate.Kind, debate.Precision));
        Assert.Equal((MeetingKind.NatoSummit, DatePrecision.Month, "NAVO-top|2026-07"), (month.Kind, month.Precision, month.Key));
        Assert.Equal((new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 31)), (month.StartDate, month.EndDate));
        var summit = (await register.ListAsync(new DateOnly(2025, 6, 1), new DateOnly(2025, 6, 30))).Single();
        Assert.Equal((DatePrecision.Inferred, NatoSummits.Source), (summit.Precision, summit.DateSource));
        // A month-precise meeting overlaps every day of its month.
        Assert.Contains((await register.ListAsync(new DateOnly(2026, 7, 20), new DateOnly(2026, 7, 21))), m => m.Id == month.Id);

        await register.UpsertExtractedAsync("001_b", [inferred with { LetterId = "001_b", Precision = DatePrecision.Day, DateSource = null }], Now);
        var confirmed = (await register.GetAsync(summit.Id))!;
        Assert.Equal((DatePrecision.Day, null), (confirmed.Precision, confirmed.DateSource));
        // Rows written through the older overload derive their kind from the type.
        var ecofin = await register.UpsertAsync(MeetingTypes.Ecofin, new DateOnly(2025, 12, 12), new DateOnly(2025, 12, 12), null, null, MeetingOrigin.Imported, Now);
        Assert.Equal((MeetingKind.EuCouncil, DatePrecision.Day), (ecofin.Kind, ecofin.Precision));
    }

    // ---- letters ----------------------------------------------------------------------------------------------

    [Fact]
    public async Task Letter_upsert_reports_unchanged_text_and_every_change_takes_a_higher_version()
    {
        var letters = new LetterStore(Database);

        Assert.True(await letters.UpsertAsync("000_a.txt", "h1", "tekst 1", Now));
        Assert.False(await letters.UpsertAsync("000_a.txt", "h1", "tekst 1", Now));
        Assert.True(await letters.UpsertAsync("001_b.txt", "h2", "tekst 2", Now));
        Time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await letters.UpsertAsync("000_a.txt", "h3", "tekst 1, gewijzigd", Now));

        var changes = await letters.ChangesSinceAsync(0, 10);
        Assert.Equal(["001_b.txt", "000_a.txt"], changes.Select(c => c.SourceFile));
        Assert.True(changes[0].Version < changes[1].Version);
        Assert.Equal(new StoredLetter("000_a.txt", "h3", "tekst 1, gewijzigd", changes[1].Version, false, Now), changes[1]);
        Assert.Empty(await letters.ChangesSinceAsync(changes[1].Version, 10));
        Assert.Equal(["001_b.txt"], (await letters.ChangesSinceAsync(0, 1)).Select(c => c.SourceFile));
    }

    [Fact]
    public async Task A_deleted_letter_is_a_tombstone_change_and_can_come_back()
    {
        var letters = new LetterStore(Database);
        await letters.UpsertAsync("000_a.txt", "h1", "tekst", Now);
        await letters.UpsertAsync("001_b.txt", "h2", "tekst", Now);
        var before = (await letters.ChangesSinceAsync(0, 10))[^1].Version;

        Assert.True(await letters.MarkDeletedAsync("000_a.txt", Now));
        Assert.False(await letters.MarkDeletedAsync("000_a.txt", Now));
        Assert.False(await letters.MarkDeletedAsync("nooit.txt", Now));

        var tombstone = Assert.Single(await letters.ChangesSinceAsync(before, 10));
        Assert.True(tombstone.Deleted);
        Assert.Equal(["001_b.txt"], (await letters.ListAsync()).Select(l => l.SourceFile));

        Assert.True(await letters.UpsertAsync("000_a.txt", "h1", "tekst", Now));
        var revived = Assert.Single(await letters.ChangesSinceAsync(tombstone.Version, 10));
        Assert.False(revived.Deleted);
        Assert.Equal(2, (await letters.ListAsync()).Count);
    }

    [Fact]
    public async Task Live_letters_are_found_by_their_ingest_id()
    {
        var letters = new LetterStore(Database);
        await letters.UpsertAsync("000_28c2.txt", "h1", "tekst", Now);
        await letters.UpsertAsync("000_28c2.md", "h2", "tekst", Now);
        await letters.UpsertAsync("000_28c2x.txt", "h3", "tekst", Now);
        await letters.UpsertAsync("000a28c2.txt", "h4", "tekst", Now);
        await letters.UpsertAsync("v1.2.txt", "h5", "tekst", Now);

        Assert.Equal(["000_28c2.md", "000_28c2.txt"], (await letters.SourceFilesOfAsync("000_28c2")).Order(StringComparer.Ordinal));
        Assert.Equal(["v1.2.txt"], await letters.SourceFilesOfAsync("v1.2"));
        await letters.MarkDeletedAsync("v1.2.txt", Now);
        Assert.Empty(await letters.SourceFilesOfAsync("v1.2"));
    }

    [Fact]
    public async Task Concurrent_letter_writes_from_two_instances_get_distinct_versions_and_a_follower_misses_none()
    {
        var other = await OpenDatabaseAsync();
        var stores = new[] { new LetterStore(Database), new LetterStore(other) };
        await stores[0].UpsertAsync("seed.txt", "h", "tekst", Now);

        // A follower polls while both instances write: it only ever asks for versions above the highest it has seen,
        // so a version that committed after a higher one would be lost for good.
        var writers = Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() =>
            stores[i % 2].UpsertAsync($"{i:000}.txt", $"h{i}", $"tekst {i}", Now))));
        var seen = new HashSet<string>();
        long last = 0;
        async Task PollAsync()
        {
            foreach (var change in await stores[1].ChangesSinceAsync(last, 1000))
            {
                Assert.True(change.Version > last);
                last = change.Version;
                seen.Add(change.SourceFile);
            }
        }
        while (!writers.IsCompleted)
        {
            await PollAsync();
        }
        await writers;
        await PollAsync();

        Assert.Equal(41, seen.Count);
        var changes = await stores[0].ChangesSinceAsync(0, 100);
        Assert.Equal(41, changes.Select(c => c.Version).Distinct().Count());
        await DisposeIfNeeded(other);
    }

    // ---- conversation state -----------------------------------------------------------------------------------

    [Fact]
    public async Task Conversation_state_is_seen_by_every_instance_until_it_expires()
    {
        var other = await OpenDatabaseAsync();
        var here = new ConversationStateStore(Database, Time);
        var there = new ConversationStateStore(other, Time);

        await here.SetAsync("conv-1", "last-search", "{\"q\":\"drones\"}", TimeSpan.FromHours(8));
        Assert.Equal("{\"q\":\"drones\"}", await there.GetAsync("conv-1", "last-search"));
        Assert.Null(await there.GetAsync("conv-1", "welcomed"));
        Assert.Null(await there.GetAsync("conv-2", "last-search"));

        await there.SetAsync("conv-1", "last-search", "{\"q\":\"munitie\"}", TimeSpan.FromHours(8));
        Assert.Equal("{\"q\":\"munitie\"}", await here.GetAsync("conv-1", "last-search"));

        Time.Advance(TimeSpan.FromHours(8));
        Assert.Null(await here.GetAsync("conv-1", "last-search"));

        // Expired rows go with the next write, whoever's it is.
        await here.SetAsync("conv-2", "last-search", "{}", TimeSpan.FromHours(8));
        await using (var connection = await Database.OpenAsync())
        {
            var conversations = await connection.QueryAsync<string>("SELECT conversation_id FROM conversation_state");
            Assert.Equal(["conv-2"], conversations);
        }
        await DisposeIfNeeded(other);
    }

    [Fact]
    public async Task Of_concurrent_first_marks_on_two_instances_exactly_one_wins_until_the_mark_expires()
    {
        var other = await OpenDatabaseAsync();
        var stores = new[] { new ConversationStateStore(Database, Time), new ConversationStateStore(other, Time) };
        await Database.EnsureMigratedAsync();
        await other.EnsureMigratedAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() =>
            stores[i % 2].TryAddAsync("team-1", "welcomed", "1", TimeSpan.FromMinutes(2)))));
        Assert.Equal(1, results.Count(won => won));
        Assert.True(await stores[0].TryAddAsync("team-2", "welcomed", "1", TimeSpan.FromMinutes(2)));

        Time.Advance(TimeSpan.FromMinutes(1));
        Assert.False(await stores[1].TryAddAsync("team-1", "welcomed", "1", TimeSpan.FromMinutes(2)));
        Time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await stores[1].TryAddAsync("team-1", "welcomed", "1", TimeSpan.FromMinutes(2)));
        await DisposeIfNeeded(other);
    }

    /// <summary>
    /// Typed paging moves the last search in one step: of concurrent moves from the same page on two instances, one
    /// wins, so two "meer" at once show two pages, not one twice (a QA pass). Through StoreConversationState, so the
    /// value it reads back is the value it compares.
    /// </summary>
    [Fact]
    public async Task Of_concurrent_page_moves_from_one_page_exactly_one_wins()
    {
        var other = await OpenDatabaseAsync();
        await Database.EnsureMigratedAsync();
        await other.EnsureMigratedAsync();
        var options = Microsoft.Extensions.Options.Options.Create(new Briefingbot.Chat.ChatOptions());
        var states = new[] { Database, other }.Select(db => new Briefingbot.Chat.StoreConversationState(
            new ConversationStateStore(db, Time), options, Microsoft.Extensions.Logging.Abstractions.NullLogger<Briefingbot.Chat.StoreConversationState>.Instance)).ToArray();
        var first = Briefingbot.Chat.Search.SearchQueryParser.Parse("drones dossier 21501-28 sinds 2025");
        await states[0].SetLastSearchAsync("conv-1", first);

        var read = (await states[1].GetLastSearchAsync("conv-1"))!;
        var moves = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() =>
            states[i % 2].TryAdvanceLastSearchAsync("conv-1", read, read.WithPage(1)))));
        var stale = await states[0].TryAdvanceLastSearchAsync("conv-1", read, read.WithPage(1));
        var fromNow = await states[1].TryAdvanceLastSearchAsync("conv-1", (await states[0].GetLastSearchAsync("conv-1"))!, read.WithPage(2));

        Assert.Equal(1, moves.Count(won => won));
        Assert.False(stale);
        Assert.True(fromNow);
        Assert.Equal(2, (await states[0].GetLastSearchAsync("conv-1"))!.Page);
        Assert.Equal("21501-28", (await states[0].GetLastSearchAsync("conv-1"))!.Filters.Dossier);
        Time.Advance(TimeSpan.FromDays(1));
        Assert.False(await states[0].TryAdvanceLastSearchAsync("conv-1", read.WithPage(2), read.WithPage(3))); // expired
        await DisposeIfNeeded(other);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static ConversationReference Reference(string conversationId, string serviceUrl) => new()
    {
        ChannelId = "msteams",
        ServiceUrl = serviceUrl,
        Conversation = new ConversationAccount { Id = conversationId },
    };

    private static ExtractedPromise Promise(string letterId, string key) => new(
        key, letterId, $"Het kabinet zal de Kamer voor de zomer informeren ({key}).", 10, 80, "het kabinet",
        "de Kamer informeren", "voor de zomer", new DateOnly(2026, 6, 30), 0.8);

    private static ExtractedMeeting Meeting(string letterId, string? location, int start, DateOnly? end = null) => new(
        "RBZ Defensie|2025-12-01", MeetingTypes.RbzDefensie, new DateOnly(2025, 12, 1), end ?? new DateOnly(2025, 12, 1), location,
        letterId, "de Raad Buitenlandse Zaken Defensie van 1 december 2025", start, start + 50, true, 0.9);

    private static async Task DisposeIfNeeded(StoreDatabase database)
    {
        if (database is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }
}
