using Briefingbot.Dossiers.Index;
using Briefingbot.Dossiers.Letters;

namespace Briefingbot.Dossiers.Tests.Index;

/// <summary>A paragraph a letter prints twice, nearly word for word, is searched once (<see cref="SearchPassages.HideRepeats"/>).</summary>
public sealed class RepeatedPassageTests
{
    // The seed letter 004 prints this answer twice, the second time with "Priority" for "Prioritised" and "ieder" for "iedere".
    private const string Pca = "Tijdens de Europese Raad van 19 maart jl. zijn negen Prioritised Capability Areas (PCA’s) vastgesteld. "
        + "Voor iedere PCA nemen één of meerdere lidstaten een voortrekkersrol op zich. Nederland vervult, samen met Kroatië en "
        + "Letland, de voortrekkersrol voor de PCA Drones en Counter-Drones.";

    private static readonly string PcaAgain = Pca.Replace("Prioritised", "Priority", StringComparison.Ordinal)
        .Replace("Voor iedere", "Voor ieder", StringComparison.Ordinal);

    private static SearchPassage Unit(int index, string text, PassageRole role = PassageRole.Paragraph, bool searchable = true) =>
        new(index, index * 1000, index * 1000 + text.Length, text, role, null, null, null, role == PassageRole.Answer ? "Vraag?" : null, searchable);

    private static List<bool> Searchable(params SearchPassage[] units)
    {
        var list = units.ToList();
        SearchPassages.HideRepeats(list);
        return list.Select(u => u.Searchable).ToList();
    }

    [Fact]
    public void A_near_repeat_is_searched_once_where_it_first_appears()
    {
        Assert.Equal([true, true, false], Searchable(Unit(0, Pca), Unit(1, "Het kabinet steunt de inzet van de Commissie op munitie en luchtverdediging."), Unit(2, PcaAgain)));
        // Answers too: one reply that answers two questions with the same text is shown once.
        Assert.Equal([true, false], Searchable(Unit(0, Pca, PassageRole.Answer), Unit(1, PcaAgain, PassageRole.Answer)));
        // The exact same text, and the repeat of a repeat.
        Assert.Equal([true, false, false], Searchable(Unit(0, Pca), Unit(1, Pca), Unit(2, PcaAgain)));
    }

    [Fact]
    public void A_repeated_answers_question_is_searched_with_the_first_copy()
    {
        var units = new List<SearchPassage>
        {
            Unit(0, Pca, PassageRole.Answer) with { QuestionText = "Welke PCA's zijn vastgesteld?" },
            Unit(1, PcaAgain, PassageRole.Answer) with { QuestionText = "Wie neemt de voortrekkersrol voor drones?" },
            Unit(2, Pca, PassageRole.Answer) with { QuestionText = "Met welke landen werkt Nederland samen?" },
        };
        SearchPassages.HideRepeats(units);
        Assert.Equal([true, false, false], units.Select(u => u.Searchable));
        Assert.Equal("Wie neemt de voortrekkersrol voor drones?\nMet welke landen werkt Nederland samen?", units[0].RepeatedQuestions);
        Assert.Null(units[1].RepeatedQuestions);
    }

    /// <summary>
    /// An answer that only points to others ("Zie het antwoord op vraag 2.") is not searched; the answers it points to
    /// are, with its question too. Numbers are read in the pointer's own run of numbered questions (a report that
    /// numbers each part from 1), and a range ("1 t/m 2") is each number; an answer that says more stays.
    /// </summary>
    [Fact]
    public void An_answer_that_only_points_to_others_is_searched_with_them()
    {
        SearchPassage Answer(int index, string number, string text, string question) =>
            Unit(index, text, PassageRole.Answer) with { QuestionNumber = number, QuestionText = question };
        var units = new List<SearchPassage>
        {
            Answer(0, "1", "Het kabinet steunt de herstellening.", "Steunt het kabinet de lening?"),
            Answer(1, "2", "De munitie wordt in 2026 geleverd.", "Wanneer komt de munitie?"),
            Answer(2, "1", "De Raad besluit in december.", "Wanneer besluit de Raad?"), // a second part, numbered from 1 again
            Answer(3, "2", "Zie het antwoord op vraag 1.", "Welke rol speelt de Raad?"),
            Answer(4, "3", "Zie de beantwoording van de vragen 1 t/m 2.", "Hoe staat het met de steun?"),
            Answer(5, "4", "Zie het antwoord op vraag 1. Daarnaast is er overleg met Duitsland.", "Wat doet Duitsland?"),
            Answer(6, "5", "Zie het antwoord op vraag 9.", "Wat kost het?"), // no such question: kept
        };

        SearchPassages.FollowReferences(units);

        Assert.Equal([true, true, true, false, false, true, true], units.Select(u => u.Searchable));
        Assert.Equal("Welke rol speelt de Raad?\nHoe staat het met de steun?", units[2].RepeatedQuestions);
        Assert.Null(units[0].RepeatedQuestions);
        Assert.Null(units[1].RepeatedQuestions); // vraag 2 of the pointer's run is the pointer itself
    }

    [Fact]
    public void A_paragraph_that_adds_a_sentence_of_its_own_is_kept()
    {
        var longer = Pca + " Momenteel wordt er gewerkt aan concrete gezamenlijke projecten met de industrie en kennisinstellingen.";
        Assert.Equal([true, true], Searchable(Unit(0, Pca), Unit(1, longer)));
        // Nor is a part of an earlier, longer paragraph: only near the same size is a paragraph a repeat.
        Assert.Equal([true, true], Searchable(Unit(0, longer), Unit(1, Pca)));
        // A few words more or fewer is the same paragraph.
        Assert.Equal([true, false], Searchable(Unit(0, Pca + " Zo is het."), Unit(1, PcaAgain)));
    }

    [Fact]
    public void Short_lines_questions_and_unsearched_units_are_left_alone()
    {
        Assert.Equal([true, true], Searchable(Unit(0, "Hoogachtend, de minister van Defensie"), Unit(1, "Hoogachtend, de minister van Defensie")));
        // A question is never hidden as a repeat (whether it is searched is the question-and-answer rule's business).
        Assert.Equal([true, true], Searchable(Unit(0, Pca), Unit(1, PcaAgain, PassageRole.Question)));
        // An unsearched earlier unit does not hide a later one.
        Assert.Equal([false, true], Searchable(Unit(0, Pca, searchable: false), Unit(1, PcaAgain)));
        Assert.Equal([true, true], Searchable(Unit(0, "Een geheel andere alinea over de begroting van Defensie voor het komende jaar en de jaren erna."), Unit(1, Pca)));
    }

    /// <summary>
    /// The quick skips (sizes, word masks) never skip a pair the rule would call a repeat: the same decisions as a plain
    /// reading of the rule, on seed paragraphs with random words dropped, swapped and added near the thresholds.
    /// </summary>
    [Fact]
    public void The_quick_skips_decide_as_the_plain_rule()
    {
        var texts = SeedCorpus.All.SelectMany(SearchPassages.Split).Where(u => u.Role == PassageRole.Paragraph).Select(u => u.Text).Distinct().ToList();
        var random = new Random(7);
        var hiddenSeen = 0;
        for (var round = 0; round < 300; round++)
        {
            var units = new List<SearchPassage>();
            for (var i = 0; i < 12; i++)
            {
                var text = i > 0 && random.Next(2) == 0 ? Edit(units[random.Next(i)].Text, random) : texts[random.Next(texts.Count)];
                units.Add(Unit(i, text, random.Next(5) == 0 ? PassageRole.Answer : PassageRole.Paragraph));
            }
            var expected = PlainRule(units);
            var actual = units.ToList();
            SearchPassages.HideRepeats(actual);
            Assert.Equal(expected, actual.Select(u => u.Searchable).ToList());
            hiddenSeen += expected.Count(s => !s);
        }
        Assert.True(hiddenSeen > 100, $"only {hiddenSeen} repeats: the edits should make many near the thresholds");
    }

    /// <summary>Drops, swaps or adds a few words (0-6 edits).</summary>
    private static string Edit(string text, Random random)
    {
        var words = text.Split(' ').ToList();
        for (var e = random.Next(7); e > 0 && words.Count > 1; e--)
        {
            switch (random.Next(3))
            {
                case 0: words.RemoveAt(random.Next(words.Count)); break;
                case 1: words[random.Next(words.Count)] = "woord" + random.Next(1000); break;
                default: words.Insert(random.Next(words.Count), "extra" + random.Next(1000)); break;
            }
        }
        return string.Join(' ', words);
    }

    /// <summary>The rule as written in <see cref="SearchPassages.HideRepeats"/>'s summary, with string sets and no skips.</summary>
    private static List<bool> PlainRule(List<SearchPassage> units)
    {
        var kept = new List<HashSet<string>>();
        var result = new List<bool>();
        foreach (var unit in units)
        {
            var words = System.Text.RegularExpressions.Regex.Split(unit.Text.ToLowerInvariant(), @"[^\p{L}\p{Nd}]+").Where(w => w.Length > 0).ToHashSet();
            if (!unit.Searchable || unit.Role is not (PassageRole.Paragraph or PassageRole.Answer) || words.Count < SearchPassages.MinRepeatWords)
            {
                result.Add(unit.Searchable);
                continue;
            }
            var repeat = kept.Any(before =>
            {
                var shared = words.Count(before.Contains);
                return shared >= 0.9 * words.Count && shared >= 0.8 * (words.Count + before.Count - shared);
            });
            result.Add(!repeat);
            if (!repeat)
            {
                kept.Add(words);
            }
        }
        return result;
    }

    [Fact]
    public void The_seed_letters_repeats_are_found()
    {
        var hidden = SeedCorpus.All.SelectMany(letter => SearchPassages.Split(letter).Where(u => !u.Searchable && u.Role is PassageRole.Paragraph or PassageRole.Answer)
            .Select(u => (letter.SourceFile, u.Text))).ToList();
        // The PCA answer of 004 (second copy) and the committee's introductions 001 reprints, among others.
        Assert.Contains(hidden, h => h.SourceFile.StartsWith("004", StringComparison.Ordinal) && h.Text.Contains("Priority Capability Areas", StringComparison.Ordinal));
        Assert.Contains(hidden, h => h.SourceFile.StartsWith("001", StringComparison.Ordinal) && h.Text.StartsWith("De leden van de D66-fractie", StringComparison.Ordinal));
        // Few: a repeat is the exception, not a way of dropping text.
        Assert.InRange(hidden.Count, 2, 20); // 8 today: four answers of 004, four introductions of 001
        var searchable = SeedCorpus.All.Sum(letter => SearchPassages.Split(letter).Count(u => u.Searchable));
        Assert.True(hidden.Count * 20 < searchable, $"{hidden.Count} hidden of {searchable}");
    }

    /// <summary>
    /// A sentence too long for one unit is cut at a space in the middle of what is left, so the last unit is never a
    /// word or two (a QA pass: "capaciteiten." was a unit of its own after a 598-character one).
    /// </summary>
    [Fact]
    public void A_long_sentence_is_cut_into_balanced_pieces()
    {
        var text = string.Join(' ', Enumerable.Range(0, 70).Select(i => $"woord{i:D3}x")) + " capaciteiten.";

        var pieces = SearchPassages.Pieces(text, 0, text.Length);

        Assert.Equal(2, pieces.Count);
        Assert.All(pieces, p => Assert.InRange(p.End - p.Start, 250, SearchPassages.MaxChars));
        Assert.Equal((0, text.Length), (pieces[0].Start, pieces[^1].End));
    }
}
