using Briefingbot.Dossiers.Letters;
using Briefingbot.Briefings.Composition;
using Briefingbot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Briefingbot.Tests.Briefings;

public sealed class BriefingCompositionTests
{
    private static readonly DateTimeOffset AsOf = new(2025, 11, 24, 7, 0, 0, TimeSpan.Zero); // Monday 08:00 CET
    private static readonly DateOnly Today = new(2025, 11, 24);

    private static Subscription Channel(params string[] topics) =>
        new("c-1", "tenant-1", topics, DayOfWeek.Monday, new TimeOnly(8, 0), "Europe/Amsterdam", SubscriptionStatus.Active, null, "t", AsOf.AddDays(-30), AsOf.AddDays(-30));

    private static async Task<Briefing> ComposeAsync(BriefingWorld world, Subscription subscription, DateTimeOffset? since = null)
    {
        await using var services = world.StartServices();
        return await services.GetRequiredService<BriefingComposer>().ComposeAsync(subscription, AsOf, since ?? AsOf.AddDays(-7), CancellationToken.None);
    }

    /// <summary>
    /// A promise is on the channel's topics where its own part of a letter on them is (its paragraph, and the question
    /// before an answer), or where the letter's title is: a QA pass on topics drones got the RBZ agenda's promise on rail
    /// transport, because the agenda mentions drones elsewhere.
    /// </summary>
    [Fact]
    public async Task A_promise_is_on_the_topics_where_its_own_part_of_the_letter_is()
    {
        using var world = new BriefingWorld(AsOf);
        world.Topics.Add("drones", "drones");
        const string drones = "Het kabinet zal de Kamer voor de zomer informeren over de aanpak.";
        const string rail = "Het kabinet zal met een voortgangsbrief over het spoor komen.";
        var text = "Vraag 3\nWat doet het kabinet tegen drones boven kazernes?\n\nAntwoord\n" + drones + "\n\n"
            + "Vraag 4\nHoe staat het met het spoor voor militair vervoer naar het oosten van Europa?\n\nAntwoord\n" + rail + "\n\n";
        var railQuestion = text.IndexOf("Vraag 4", StringComparison.Ordinal);
        world.Search.Add("L4", "Schriftelijk overleg RBZ Defensie", text, new DateOnly(2025, 11, 20), AsOf.AddDays(-60), passages:
            [
                new Passage(0, 0, railQuestion, drones, PassageKind.QuestionAnswer, QuestionNumber: "3") { Question = "Wat doet het kabinet tegen drones boven kazernes?" },
                new Passage(1, railQuestion, text.Length, rail, PassageKind.QuestionAnswer, QuestionNumber: "4") { Question = "Hoe staat het met het spoor voor militair vervoer naar het oosten van Europa?" },
            ]);
        world.Promises.Add(1, "L4", drones, Today.AddDays(20), start: text.IndexOf(drones, StringComparison.Ordinal));
        world.Promises.Add(2, "L4", rail, Today.AddDays(20), start: text.IndexOf(rail, StringComparison.Ordinal));

        var briefing = await ComposeAsync(world, Channel("drones"));

        Assert.Equal([1], briefing.Promises.Select(p => p.Number));
    }

    [Fact]
    public async Task Open_promises_are_ordered_overdue_then_due_soon_then_undated()
    {
        using var world = new BriefingWorld(AsOf);
        world.Topics.Add("defensie-eu", "defensie OR NAVO");
        world.Search.Add("L1", "Witboek defensie", "defensie gereedheid", new DateOnly(2025, 4, 11), AsOf.AddDays(-60));
        world.Search.Add("L2", "Landbouw", "landbouw en visserij", new DateOnly(2025, 5, 1), AsOf.AddDays(-60));
        world.Promises.Add(1, "L1", "undated promise", null);
        world.Promises.Add(2, "L1", "due soon", Today.AddDays(20));
        world.Promises.Add(3, "L1", "overdue", Today.AddDays(-3));
        world.Promises.Add(4, "L1", "far away", Today.AddDays(200));
        world.Promises.Add(5, "L1", "fulfilled", Today.AddDays(-3), PromiseStatus.Fulfilled);
        world.Promises.Add(6, "L2", "other topic", Today.AddDays(-3));
        world.Promises.Add(7, "L1", "overdue longer", Today.AddDays(-40));

        var briefing = await ComposeAsync(world, Channel("defensie-eu"));

        Assert.Equal([7, 3, 2, 1], briefing.Promises.Select(p => p.Number));
        Assert.Equal([PromiseUrgency.Overdue, PromiseUrgency.Overdue, PromiseUrgency.DueSoon, PromiseUrgency.Undated], briefing.Promises.Select(p => p.Urgency));
        Assert.Equal(1, briefing.LaterPromises);
        Assert.All(briefing.Promises, p => Assert.Equal("https://zoek.officielebekendmakingen.nl/L1.html", p.Source.Url));
    }

    /// <summary>
    /// A register of many open promises made a briefing of seven messages (a QA pass): the most urgent 20 are listed,
    /// the rest counted.
    /// </summary>
    [Fact]
    public async Task At_most_twenty_open_promises_are_listed_the_most_urgent_first_and_the_rest_counted()
    {
        using var world = new BriefingWorld(AsOf);
        world.Search.Add("L1", "Witboek defensie", "defensie gereedheid", new DateOnly(2025, 4, 11), AsOf.AddDays(-60));
        for (var n = 1; n <= 30; n++)
        {
            world.Promises.Add(n, "L1", $"undated {n}", null);
        }
        world.Promises.Add(100, "L1", "overdue", Today.AddDays(-3));
        world.Promises.Add(101, "L1", "due soon", Today.AddDays(5));

        var briefing = await ComposeAsync(world, Channel());
        var text = Assert.Single(new Briefingbot.Briefings.Rendering.BriefingRenderer(
            Microsoft.Extensions.Options.Options.Create(new Briefingbot.Briefings.BriefingOptions())).Render(briefing, cards: false)).Text!;

        Assert.Equal(20, briefing.Promises.Count);
        Assert.Equal([100, 101, 1, 2], briefing.Promises.Take(4).Select(p => p.Number));
        Assert.Equal(12, briefing.MorePromises);
        Assert.Contains("En nog 12 openstaande toezeggingen die verlopen zijn, binnenkort aflopen of geen termijn hebben", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Official_register_promises_on_the_channels_topics_are_among_the_open_promises()
    {
        // Register promises have no letter: they match a topic by their own words (text, ministry) or the debate they
        // were made in (onderwerp, committee), by the search's strict rule (stems, folding, phrases), not by a letter hit.
        using var world = new BriefingWorld(AsOf);
        world.Topics.Add("oekraine", "Oekraine OR drones");
        world.Topics.Add("eu-raden", "\"Raad Buitenlandse Zaken\"");
        world.Topics.Add("landbouw", "landbouw");
        var made = Today.AddDays(-20);
        world.Promises.AddOfficial(11, "TZ202511-011", "De minister zegt toe de Kamer te informeren over de levering van luchtverdedigingssystemen aan Oekraïne. [Toezegging TZ202511-011, Ministerie van Defensie, status Openstaand]", Today.AddDays(10), made);
        world.Promises.AddOfficial(12, "TZ202511-012", "De minister zegt toe de Kamer een brief te sturen over de inzet na de Raad. [Toezegging TZ202511-012, Ministerie van Buitenlandse Zaken, status Openstaand]", null, made);
        world.Promises.AddOfficial(13, "TZ202511-013", "De minister zegt toe de Kamer te informeren over de mestregels. [Toezegging TZ202511-013, Ministerie van LVVN, status Openstaand]", null, made);
        world.Promises.AddOfficial(14, "TZ202511-014", "De minister zegt toe de Kamer te informeren over de dronebestrijding. [Toezegging TZ202511-014, Ministerie van Defensie, status Voldaan]", null, made, PromiseStatus.Fulfilled);
        world.OfficialSubjects.Subjects["tk-toezegging-TZ202511-012"] = "Commissiedebat, Raad Buitenlandse Zaken, vaste commissie voor Buitenlandse Zaken";
        world.OfficialSubjects.Subjects["tk-toezegging-TZ202511-013"] = "Commissiedebat, Landbouw- en Visserijraad, vaste commissie voor LVVN";

        var oekraine = await ComposeAsync(world, Channel("oekraine"));
        var raden = await ComposeAsync(world, Channel("eu-raden"));
        var landbouw = await ComposeAsync(world, Channel("landbouw"));
        var both = await ComposeAsync(world, Channel("oekraine", "eu-raden"));

        Assert.Equal([11L], oekraine.Promises.Select(p => p.Number));
        Assert.Equal("Toezeggingenregister Tweede Kamer, TZ202511-011", oekraine.Promises[0].Source.Title);
        Assert.Equal([12L], raden.Promises.Select(p => p.Number));
        Assert.Equal([13L], landbouw.Promises.Select(p => p.Number)); // only its debate names landbouw
        Assert.Equal([11L, 12L], both.Promises.Select(p => p.Number));
    }

    [Fact]
    public async Task A_briefing_as_of_a_past_date_uses_the_promise_status_of_that_date()
    {
        // Issue 14 item 9: promises marked done in 2026 are still open in a briefing as of 24 November 2025.
        using var world = new BriefingWorld(AsOf);
        world.Search.Add("L1", "Witboek defensie", "defensie gereedheid", new DateOnly(2025, 4, 11), AsOf.AddDays(-60));
        world.Promises.Add(1, "L1", "done in 2026", Today.AddDays(20), letterDate: new DateOnly(2025, 4, 11));
        world.Promises.Add(2, "L1", "withdrawn before", Today.AddDays(20), letterDate: new DateOnly(2025, 4, 11));
        world.Promises.Add(3, "L1", "done, then reopened in 2026", Today.AddDays(20), letterDate: new DateOnly(2025, 4, 11));
        await world.Promises.SetStatusAsync(2, PromiseStatus.Withdrawn, null, "anna", AsOf.AddDays(-10));
        await world.Promises.SetStatusAsync(3, PromiseStatus.Fulfilled, null, "anna", AsOf.AddDays(-5));
        await world.Promises.SetStatusAsync(1, PromiseStatus.Fulfilled, null, "anna", new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await world.Promises.SetStatusAsync(3, PromiseStatus.Open, null, "anna", new DateTimeOffset(2026, 3, 3, 9, 0, 0, TimeSpan.Zero));

        var then = await ComposeAsync(world, Channel());
        await using var services = world.StartServices();
        var later = await services.GetRequiredService<BriefingComposer>().ComposeAsync(Channel(), new DateTimeOffset(2026, 4, 1, 7, 0, 0, TimeSpan.Zero), AsOf, CancellationToken.None);

        Assert.Equal([1], then.Promises.Select(p => p.Number));
        Assert.Equal([3], later.Promises.Select(p => p.Number));
    }

    /// <summary>
    /// A promise from a letter without a date exists from when the register first saw it, as <c>toezeggingen --per</c>
    /// reads it (a visual review: the undated seed letter's promises were in the briefing of 24 November 2025, loaded in
    /// 2026, and not in the register view of that day).
    /// </summary>
    [Fact]
    public async Task A_promise_of_an_undated_letter_is_in_a_briefing_only_from_when_the_register_saw_it()
    {
        using var world = new BriefingWorld(AsOf);
        world.Search.Add("L1", "Witboek defensie", "defensie gereedheid", null, AsOf.AddDays(-60));
        world.Promises.Add(1, "L1", "seen before", null, createdAt: AsOf.AddDays(-3));
        world.Promises.Add(2, "L1", "seen after", null, createdAt: AsOf.AddDays(400));
        world.Promises.Add(3, "L1", "dated letter, seen after", null, letterDate: new DateOnly(2025, 4, 11), createdAt: AsOf.AddDays(400));

        var briefing = await ComposeAsync(world, Channel());

        Assert.Equal([1L, 3L], briefing.Promises.Select(p => p.Number).Order());
    }

    /// <summary>
    /// A register promise the Kamer closed ("Voldaan"), touched by a sync after the briefing's moment and never changed
    /// by an admin, is not listed as open (a QA pass: it showed as open and overdue, because with no history the status
    /// before that moment was taken to be open).
    /// </summary>
    [Fact]
    public async Task A_closed_register_promise_synced_again_later_stays_closed_as_of_an_earlier_moment()
    {
        using var world = new BriefingWorld(AsOf);
        world.Promises.AddOfficial(20, "TZ202611-003", "De minister zegt toe een brief te sturen over drones.", Today.AddDays(-7), Today.AddDays(-60),
            PromiseStatus.Fulfilled, updatedAt: AsOf.AddDays(1));
        world.Promises.AddOfficial(21, "TZ202611-004", "De minister zegt toe de Kamer te informeren over munitie.", Today.AddDays(20), Today.AddDays(-60),
            updatedAt: AsOf.AddDays(1));

        var briefing = await ComposeAsync(world, Channel());

        Assert.Equal([21L], briefing.Promises.Select(p => p.Number));
    }

    [Fact]
    public async Task Meetings_in_the_next_14_days_come_with_the_letters_that_prepare_them()
    {
        using var world = new BriefingWorld(AsOf);
        world.Search.Add("L4", "Geannoteerde agenda RBZ Defensie", "rbz defensie", null, AsOf.AddDays(-1));
        world.Search.Add("L0", "Verslag", "verslag", new DateOnly(2025, 12, 5), AsOf.AddDays(-1));
        world.Meetings.Add("RBZ Defensie", new DateOnly(2025, 12, 1), null, ("L4", null), ("L0", false));
        world.Meetings.Add("Ecofin", new DateOnly(2025, 12, 12), null, ("L4", true));
        world.Meetings.Add("Europese Raad", new DateOnly(2025, 12, 18), new DateOnly(2025, 12, 19), ("L4", true));
        world.Meetings.Add("RAZ", new DateOnly(2025, 11, 17)); // past
        world.Meetings.Add("NAVO-top", new DateOnly(2026, 7, 7)); // far ahead

        var briefing = await ComposeAsync(world, Channel());

        var rbz = Assert.Single(briefing.Meetings);
        Assert.Equal(("RBZ Defensie", 7), (rbz.Type, rbz.DaysAhead));
        // The undated agenda letter prepares it; the report written afterwards does not.
        Assert.Equal(["L4"], rbz.PreparingLetters.Select(l => l.LetterId));
        Assert.Equal(["Ecofin", "Europese Raad"], briefing.LaterMeetings.Select(m => m.Type));
    }

    /// <summary>
    /// An undated letter whose title names a meeting prepares that meeting, and only mentions the others it names (a
    /// visual review: the RBZ Defensie agenda was listed as "Voorbereid in" under the Ecofin).
    /// </summary>
    [Fact]
    public async Task An_undated_letter_prepares_the_meeting_its_title_names_not_the_others_it_mentions()
    {
        using var world = new BriefingWorld(AsOf);
        world.Search.Add("L4", "Geannoteerde agenda RBZ Defensie van 1 december 2025", "rbz defensie", null, AsOf.AddDays(-1), meetingDate: new DateOnly(2025, 12, 1));
        world.Search.Add("L5", "Brief zonder datum en zonder vergadering", "ecofin", null, AsOf.AddDays(-1));
        world.Meetings.Add("RBZ Defensie", new DateOnly(2025, 12, 1), null, ("L4", null));
        // The agenda calls the Ecofin upcoming ("a.s."): still only a mention.
        world.Meetings.Add("Ecofin", new DateOnly(2025, 12, 5), null, ("L4", true), ("L5", null));

        var briefing = await ComposeAsync(world, Channel());

        Assert.Equal(["L4"], briefing.Meetings.Single(m => m.Type == "RBZ Defensie").PreparingLetters.Select(l => l.LetterId));
        Assert.Equal(["L5"], briefing.Meetings.Single(m => m.Type == "Ecofin").PreparingLetters.Select(l => l.LetterId));
    }

    [Fact]
    public async Task New_letters_are_those_added_since_the_previous_briefing_on_the_topics()
    {
        using var world = new BriefingWorld(AsOf);
        world.Topics.Add("defensie-eu", "defensie");
        world.Search.Add("old", "Oud", "defensie", new DateOnly(2025, 1, 1), AsOf.AddDays(-10));
        world.Search.Add("new", "Nieuw", "defensie", new DateOnly(2025, 11, 20), AsOf.AddDays(-2));
        world.Search.Add("offtopic", "Nieuw maar anders", "landbouw", new DateOnly(2025, 11, 20), AsOf.AddDays(-2));

        var briefing = await ComposeAsync(world, Channel("defensie-eu"), since: AsOf.AddDays(-7));

        var letter = Assert.Single(briefing.NewLetters);
        Assert.Equal(("new", "Nieuw"), (letter.LetterId, letter.Title));
        Assert.Equal(["defensie-eu"], letter.MatchedTopics);
        Assert.StartsWith("https://", letter.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_topics_every_letter_and_promise_counts()
    {
        using var world = new BriefingWorld(AsOf);
        world.Search.Add("L1", "Een", "iets", null, AsOf.AddDays(-1));
        world.Promises.Add(1, "L1", "iets doen", null);

        var briefing = await ComposeAsync(world, Channel());

        Assert.Empty(briefing.Topics);
        Assert.Single(briefing.NewLetters);
        Assert.Single(briefing.Promises);
    }
}
