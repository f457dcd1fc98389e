using System.Text;
using System.Text.Json;
using Briefingbot.Briefings;
using Briefingbot.Briefings.Composition;
using Briefingbot.Briefings.Rendering;
using Microsoft.Extensions.Options;
using NJsonSchema;

namespace Briefingbot.Tests.Briefings;

public sealed class BriefingRendererTests
{
    private static readonly BriefingRenderer Renderer = new(Options.Create(new BriefingOptions()));

    private static Briefing Sample(int promises = 3, int letters = 2) => new(
        new DateTimeOffset(2025, 11, 24, 7, 0, 0, TimeSpan.Zero),
        new DateOnly(2025, 11, 24),
        ["defensie-eu"],
        new DateTimeOffset(2025, 11, 17, 7, 0, 0, TimeSpan.Zero),
        [new BriefingMeeting(1, "RBZ Defensie", new DateOnly(2025, 12, 1), new DateOnly(2025, 12, 1), "Brussel", null, 7,
            [new BriefingLetterLink("L4", "Geannoteerde agenda RBZ Defensie 1 december 2025", "https://zoek.officielebekendmakingen.nl/kst-21501-28-300.html")])],
        [new BriefingMeeting(2, "Ecofin", new DateOnly(2025, 12, 12), new DateOnly(2025, 12, 12), null, null, 18, []),
         new BriefingMeeting(3, "Europese Raad", new DateOnly(2025, 12, 18), new DateOnly(2025, 12, 19), null, null, 24, [])],
        Enumerable.Range(1, promises).Select(i => new BriefingPromise(i,
            $"Het kabinet informeert de Kamer over onderwerp {i} en de voortgang van de uitvoering daarvan, inclusief de financiële gevolgen voor de begroting van Defensie in de komende jaren.",
            "de minister van Defensie", i % 3 == 0 ? null : new DateOnly(2025, 12, 1), "voor het einde van het jaar",
            i % 3 == 0 ? PromiseUrgency.Undated : PromiseUrgency.DueSoon,
            new BriefingLetterLink("L1", "Kabinetsappreciatie Witboek Europese Defensie Gereedheid 2030", "https://zoek.officielebekendmakingen.nl/kst-22112-4027.html"))).ToList(),
        Enumerable.Range(1, letters).Select(i => new BriefingLetter($"L{i}", $"Brief {i}", "Brief regering", new DateOnly(2025, 11, 20), "22 112", $"https://zoek.officielebekendmakingen.nl/kst-22112-{i}.html", ["defensie-eu"])).ToList(),
        0, 0);

    [Fact]
    public async Task Card_is_a_valid_Adaptive_Card_1_5_in_Dutch_with_links_to_sources()
    {
        var activity = Assert.Single(Renderer.Render(Sample(), cards: true));
        var attachment = Assert.Single(activity.Attachments!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
        var json = attachment.Content!.Value.GetRawText();

        var schema = await JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "TestSupport", "Schemas", "adaptive-card-1.5.json"));
        var errors = schema.Validate(json);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
        Assert.Equal("1.5", attachment.Content.Value.GetProperty("version").GetString());
        json = Texts(attachment.Content.Value);
        Assert.Contains("Weekbriefing maandag 24 november 2025", json, StringComparison.Ordinal);
        Assert.Contains("**RBZ Defensie** — maandag 1 december 2025 (over 7 dagen)", json, StringComparison.Ordinal);
        Assert.Contains("Openstaande toezeggingen", json, StringComparison.Ordinal);
        Assert.Contains("(https://zoek.officielebekendmakingen.nl/kst-22112-4027.html)", json, StringComparison.Ordinal);
        Assert.Contains("Europese Raad", json, StringComparison.Ordinal);
        // The line under a promise begins with a capital (a visual review: "de minister van Defensie · …").
        Assert.Contains("De minister van Defensie · Uiterlijk", json, StringComparison.Ordinal);
        Assert.DoesNotContain("de minister van Defensie ·", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Large_briefing_is_split_under_the_Teams_limits_and_loses_nothing()
    {
        var briefing = Sample(promises: 400, letters: 120);

        var messages = Renderer.Render(briefing, cards: true);

        Assert.True(messages.Count > 1);
        var all = new StringBuilder();
        for (var i = 0; i < messages.Count; i++)
        {
            var raw = messages[i].Attachments![0].Content!.Value.GetRawText();
            Assert.True(Encoding.UTF8.GetByteCount(raw) <= 28_000, $"card {i + 1} is {Encoding.UTF8.GetByteCount(raw)} bytes");
            var card = Texts(messages[i].Attachments![0].Content!.Value);
            Assert.True(Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(messages[i])) < 80_000);
            Assert.Contains($"deel {i + 1} van {messages.Count}", card, StringComparison.Ordinal);
            all.Append(card);
        }
        var text = all.ToString();
        for (var n = 1; n <= 400; n++)
        {
            Assert.Contains($"**{n}.** Het kabinet", text, StringComparison.Ordinal);
        }
        for (var n = 1; n <= 120; n++)
        {
            Assert.Contains($"kst-22112-{n}.html", text, StringComparison.Ordinal);
        }
        Assert.Contains("Openstaande toezeggingen (vervolg)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_fallback_is_Markdown_with_the_same_content_and_splits_too()
    {
        var single = Assert.Single(Renderer.Render(Sample(), cards: false));
        Assert.Equal("markdown", single.TextFormat);
        Assert.Null(single.Attachments);
        Assert.Contains("## Weekbriefing maandag 24 november 2025", single.Text, StringComparison.Ordinal);
        Assert.Contains("- **RBZ Defensie** — maandag 1 december 2025", single.Text, StringComparison.Ordinal);
        Assert.Contains("[Kabinetsappreciatie Witboek Europese Defensie Gereedheid 2030](https://zoek.officielebekendmakingen.nl/kst-22112-4027.html)", single.Text, StringComparison.Ordinal);

        var parts = Renderer.Render(Sample(promises: 400), cards: false);
        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.True(Encoding.UTF8.GetByteCount(p.Text!) <= 28_000));
        Assert.Equal(400, parts.Sum(p => p.Text!.Split("Het kabinet informeert").Length - 1));
    }

    [Fact]
    public void Month_precise_meeting_is_shown_as_its_month_without_a_day_count()
    {
        var sample = Sample();
        var briefing = sample with
        {
            LaterMeetings = [.. sample.LaterMeetings, new BriefingMeeting(4, "NAVO-top", new DateOnly(2025, 12, 1), new DateOnly(2025, 12, 31), "Ankara", null, 7, [])
            {
                Kind = Briefingbot.Dossiers.Meetings.MeetingKind.NatoSummit, Precision = Briefingbot.Dossiers.Meetings.DatePrecision.Month,
            }],
        };

        var text = Assert.Single(Renderer.Render(briefing, cards: false)).Text!;

        Assert.Contains("**NAVO-top** — december 2025 (dag nog onbekend)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("NAVO-top** — maandag 1 december", text, StringComparison.Ordinal);
    }

    [Fact]
    public void No_meetings_ahead_says_what_the_register_covers_and_what_to_do()
    {
        // Issue 14, item 8: not just "Geen vergaderingen in deze periode".
        var briefing = Sample() with
        {
            LocalDate = new DateOnly(2026, 12, 7),
            Meetings = [],
            LaterMeetings = [],
            MeetingCoverage = new Briefingbot.Registers.Meetings.MeetingCoverage(15, new DateOnly(2020, 12, 3), new DateOnly(2026, 1, 19)),
        };

        var text = Assert.Single(Renderer.Render(briefing, cards: false)).Text!;

        Assert.Contains("Het register kent 15 vergaderingen, van 3 december 2020 tot en met 19 januari 2026. De laatste ligt vóór deze periode.", text, StringComparison.Ordinal);
        Assert.Contains("`briefing --per 2026-01-12`", text, StringComparison.Ordinal);
        Assert.Contains("`agenda importeer`", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Geen vergaderingen in deze periode.", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, "Nog 1 openstaande toezegging met een latere termijn")]
    [InlineData(3, "Nog 3 openstaande toezeggingen met een latere termijn")]
    public void Later_promises_are_counted_in_proper_dutch_not_toezegging_en(int later, string expected)
    {
        // Issue 14 item 14: "toezegging(en)".
        var briefing = Sample() with { LaterPromises = later };

        var text = Assert.Single(Renderer.Render(briefing, cards: false)).Text!;

        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.DoesNotContain("(en)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_briefing_as_of_a_past_day_points_to_the_register_of_that_day()
    {
        // A QA pass: `briefing --per 24 november 2025` said "typ ‘toezeggingen’ voor alles", which shows today's list.
        var past = Sample() with { LaterPromises = 1, MorePromises = 2, PerDate = new DateOnly(2025, 11, 24) };
        var now = Sample() with { LaterPromises = 1, MorePromises = 2 };

        var pastText = Assert.Single(Renderer.Render(past, cards: false)).Text!;
        var nowText = Assert.Single(Renderer.Render(now, cards: false)).Text!;

        Assert.Contains("Nog 1 openstaande toezegging met een latere termijn; typ `toezeggingen defensie-eu --per 2025-11-24` voor de hele lijst.", pastText, StringComparison.Ordinal);
        Assert.Contains("binnenkort aflopen of geen termijn hebben; typ `toezeggingen defensie-eu --per 2025-11-24` voor de hele lijst.", pastText, StringComparison.Ordinal);
        Assert.Contains("Nog 1 openstaande toezegging met een latere termijn; typ `toezeggingen defensie-eu` voor de hele lijst.", nowText, StringComparison.Ordinal);
    }

    /// <summary>A promise that leans on the sentence before it shows that sentence, in the card and the text (a QA pass).</summary>
    [Fact]
    public void A_promise_with_its_context_shows_the_sentence_before_it()
    {
        var sample = Sample(promises: 1);
        var briefing = sample with
        {
            Promises = [sample.Promises[0] with { What = "Hierover zal uw Kamer separaat worden geïnformeerd." } with { Context = "Het kabinet kijkt naar aanpassing van de Wet op de vervoersbereidheid." }],
        };

        var text = Assert.Single(Renderer.Render(briefing, cards: false)).Text!;
        var card = Assert.Single(Assert.Single(Renderer.Render(briefing, cards: true)).Attachments!).Content!.Value.GetRawText();

        var promise = text.IndexOf("Hierover zal uw Kamer separaat worden geïnformeerd.", StringComparison.Ordinal);
        var context = text.IndexOf("Daarvoor in de brief: Het kabinet kijkt naar aanpassing van de Wet op de vervoersbereidheid.", StringComparison.Ordinal);
        var source = text.IndexOf("Bron: [Kabinetsappreciatie Witboek", StringComparison.Ordinal);
        Assert.True(promise >= 0 && context > promise && source > context, text);
        Assert.Contains("Daarvoor in de brief: Het kabinet kijkt naar aanpassing", card, StringComparison.Ordinal);
    }

    /// <summary>A new letter's Kamerstuk with its number, as the search results name it (a QA pass: "Kamerstuk 21 501-28" alone).</summary>
    [Fact]
    public void A_new_letter_is_named_with_its_number_in_the_dossier()
    {
        var sample = Sample(letters: 1);
        var briefing = sample with { NewLetters = [sample.NewLetters[0] with { DocumentNumber = "2103" }] };

        var text = Assert.Single(Renderer.Render(briefing, cards: false)).Text!;

        Assert.Contains("Kamerstuk 22 112, nr. 2103", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_notes_point_to_the_promises_of_the_briefings_own_topics()
    {
        // A QA pass: a drones briefing said "typ ‘toezeggingen’ voor alles", which lists every topic's promises.
        string Note(IReadOnlyList<string> topics) =>
            Assert.Single(Renderer.Render(Sample() with { LaterPromises = 2, Topics = topics }, cards: false)).Text!;

        Assert.Contains("typ `toezeggingen` voor de hele lijst.", Note([]), StringComparison.Ordinal);
        Assert.Contains("typ `toezeggingen drones`, `toezeggingen munitie` voor de lijst per onderwerp.", Note(["drones", "munitie"]), StringComparison.Ordinal);
        Assert.Contains("typ `toezeggingen` voor de hele lijst.", Note(["a", "b", "c", "d"]), StringComparison.Ordinal);
    }

    [Fact]
    public void No_new_letters_says_since_when_not_since_a_previous_briefing_that_may_not_exist()
    {
        // A QA pass: every first briefing, and a preview in a chat without a subscription, said "sinds de vorige briefing".
        var text = Assert.Single(Renderer.Render(Sample(letters: 0), cards: false)).Text!;
        var all = Assert.Single(Renderer.Render(Sample(letters: 0) with { Topics = [] }, cards: false)).Text!;

        Assert.Contains("Geen nieuwe brieven over je onderwerpen sinds maandag 17 november 2025.", text, StringComparison.Ordinal);
        Assert.Contains("Geen nieuwe brieven sinds maandag 17 november 2025.", all, StringComparison.Ordinal);
        Assert.DoesNotContain("vorige briefing", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_undated_promise_with_a_phrase_has_no_date_as_the_register_view_says()
    {
        // A QA pass: "Geen termijn — “separaat”" here, "geen datum (separaat)" in `toezeggingen`.
        var text = Assert.Single(Renderer.Render(Sample(promises: 3), cards: false)).Text!;

        Assert.Contains("Geen datum — “voor het einde van het jaar”", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Geen termijn — ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_briefing_says_so()
    {
        var empty = new Briefing(DateTimeOffset.UnixEpoch, new DateOnly(2026, 1, 5), [], DateTimeOffset.UnixEpoch, [], [], [], [], 0, 0);
        var text = Assert.Single(Renderer.Render(empty, cards: false)).Text;
        Assert.Contains("Geen vergaderingen in de komende 14 dagen, geen openstaande toezeggingen en geen nieuwe brieven.", text, StringComparison.Ordinal);
    }

    /// <summary>
    /// An otherwise empty briefing still says that promises are due later, and does not claim there are none (a QA
    /// pass: "Niets te melden … openstaande toezeggingen" with one due in June, and its note dropped).
    /// </summary>
    [Fact]
    public void An_empty_briefing_names_the_promises_due_later()
    {
        var empty = new Briefing(DateTimeOffset.UnixEpoch, new DateOnly(2027, 1, 11), ["kustwacht"], DateTimeOffset.UnixEpoch, [], [], [], [], 0, 1);

        var text = Assert.Single(Renderer.Render(empty, cards: false)).Text!;

        Assert.Contains("Nog 1 openstaande toezegging met een latere termijn", text, StringComparison.Ordinal);
        Assert.DoesNotContain("geen openstaande toezeggingen", text, StringComparison.Ordinal);
    }

    /// <summary>A meeting of several days that began yesterday is under way, not "over -1 dagen" (a QA pass).</summary>
    [Fact]
    public void A_meeting_under_way_says_so()
    {
        var briefing = Sample() with
        {
            Meetings = [new BriefingMeeting(9, "Europese Raad", new DateOnly(2025, 11, 23), new DateOnly(2025, 11, 25), "Brussel", null, -1, [])],
        };

        var text = Assert.Single(Renderer.Render(briefing, cards: false)).Text!;

        Assert.Contains("**Europese Raad** — 23–25 november 2025 (nu bezig), Brussel", text, StringComparison.Ordinal);
        Assert.DoesNotContain("over -", text, StringComparison.Ordinal);
    }

    /// <summary>All TextBlock texts of a card, one per line (unescaped).</summary>
    private static string Texts(JsonElement element)
    {
        var sb = new StringBuilder();
        Walk(element);
        return sb.ToString();

        void Walk(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in e.EnumerateObject())
                {
                    if (p.Name == "text" && p.Value.ValueKind == JsonValueKind.String) sb.AppendLine(p.Value.GetString());
                    else Walk(p.Value);
                }
            }
            else if (e.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in e.EnumerateArray()) Walk(item);
            }
        }
    }
}
