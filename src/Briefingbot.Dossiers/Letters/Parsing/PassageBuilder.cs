using System.Text.RegularExpressions;

namespace Briefingbot.Dossiers.Letters.Parsing;

/// <summary>How a question-and-answer document marks its questions.</summary>
internal enum QuestionAnswerStyle
{
    None,
    /// <summary>"Vraag 12" / "Antwoord" lines (schriftelijk overleg on a geannoteerde agenda).</summary>
    VraagAntwoord,
    /// <summary>Markdown: **bold** questions, "**Antwoord**" lines, ***party*** headings.</summary>
    BoldQuestions,
    /// <summary>Numbered questions per party section ("1.", "2 - ", sub-questions "a)"), answers following each question.</summary>
    Numbered,
}

/// <summary>
/// Groups classified lines into passages: paragraphs (unwrapped, headings attached) and, in Q&amp;A documents, one passage
/// per question with its answer. Every passage's [Start, End) covers exactly its source lines in the raw file.
/// </summary>
internal sealed partial class PassageBuilder
{
    private readonly List<SourceLine> _text;
    private readonly SourceText _source;
    private readonly bool _markdown;
    private readonly QuestionAnswerStyle _style;
    private readonly bool _indentStyle;
    private readonly double _medianLength;
    private readonly List<Passage> _passages = [];

    private string? _heading;
    private string? _section;
    private HashSet<string> _repeatedHeadings = new(StringComparer.OrdinalIgnoreCase);
    private string? _party;
    private List<SourceLine>? _paragraph;
    private QaItem? _item;
    private int _expectedNumber = 1;

    private PassageBuilder(List<SourceLine> lines, SourceText source, bool markdown, QuestionAnswerStyle style)
    {
        _text = lines.Where(l => l.Kind == LineKind.Text).ToList();
        _source = source;
        _markdown = markdown;
        _style = style;
        _indentStyle = _text.Count > 0 && _text.Count(l => l.Indent >= 4) > _text.Count * 0.3;
        var lengths = _text.Select(l => l.Clean.Length).Where(n => n > 20).Order().ToList();
        _medianLength = lengths.Count == 0 ? 80 : lengths[lengths.Count / 2];
    }

    public static QuestionAnswerStyle DetectStyle(List<SourceLine> lines, bool markdown)
    {
        var text = lines.Where(l => l.Kind == LineKind.Text).ToList();
        var vraag = text.Count(l => LinePatterns.VraagMarker().IsMatch(l.Clean));
        var antwoord = text.Count(l => LinePatterns.AntwoordMarker().IsMatch(l.Clean));
        if (vraag >= 2 && antwoord >= 1)
        {
            return QuestionAnswerStyle.VraagAntwoord;
        }
        if (markdown && antwoord >= 2 && text.Count(l => l.Trimmed.StartsWith("**", StringComparison.Ordinal) && l.Clean.Length > 40) >= 2)
        {
            return QuestionAnswerStyle.BoldQuestions;
        }
        var parties = text.Count(l => LinePatterns.PartyHeading().IsMatch(l.Clean));
        var numbered = text.Count(l => LinePatterns.NumberedItem().IsMatch(l.Content));
        return parties >= 1 && numbered >= 2 ? QuestionAnswerStyle.Numbered : QuestionAnswerStyle.None;
    }

    public static List<Passage> Build(List<SourceLine> lines, SourceText source, bool markdown, QuestionAnswerStyle style)
    {
        var builder = new PassageBuilder(lines, source, markdown, style);
        builder.MarkLines();
        builder.Walk();
        return builder._passages;
    }

    private void MarkLines()
    {
        for (var k = 0; k < _text.Count; k++)
        {
            var line = _text[k];
            var clean = line.Clean;
            if (clean.Length <= 200 && LinePatterns.PartyHeading().IsMatch(clean) && !LinePatterns.EndsQuestion().IsMatch(clean))
            {
                line.Marker = LineMarker.PartyHeading;
            }
            else if (_style == QuestionAnswerStyle.VraagAntwoord && LinePatterns.VraagMarker().Match(clean) is { Success: true } v)
            {
                line.Marker = LineMarker.Vraag;
                line.MarkerValue = v.Groups["n"].Value;
            }
            else if (_style != QuestionAnswerStyle.None && LinePatterns.AntwoordMarker().IsMatch(clean))
            {
                line.Marker = LineMarker.Antwoord;
            }
            else if (_style == QuestionAnswerStyle.BoldQuestions && line.Trimmed.StartsWith("**", StringComparison.Ordinal) && clean.Length > 40)
            {
                line.Marker = LineMarker.BoldQuestion;
            }
            else if (_style == QuestionAnswerStyle.Numbered && LinePatterns.NumberedItem().Match(line.Content) is { Success: true } n)
            {
                line.Marker = LineMarker.NumberedItem;
                line.MarkerValue = n.Groups["n"].Value;
            }
            else if (_style == QuestionAnswerStyle.Numbered && LinePatterns.SubItem().Match(line.Content) is { Success: true } s)
            {
                line.Marker = LineMarker.SubItem;
                line.MarkerValue = s.Groups["c"].Value;
            }
            else if (_style != QuestionAnswerStyle.None && LinePatterns.ClosingFormula().IsMatch(clean))
            {
                line.Marker = LineMarker.Closing;
            }
            else if (IsHeading(k))
            {
                line.Marker = LineMarker.Heading;
            }
        }
    }

    private bool IsHeading(int k)
    {
        var line = _text[k];
        var c = line.Clean;
        if (c.Length is < 2 or > 100 || c.Split(' ').Length > 12 || LinePatterns.EndsSentence().IsMatch(c) || c.EndsWith(',')
            || !LinePatterns.StartsCapital().IsMatch(c) || c[0] is '•' or '·' or '-' or '–' or '—' or '▪' or '●')
        {
            return false;
        }
        if (_markdown && (line.Trimmed.StartsWith('#') || (line.Trimmed.StartsWith("**", StringComparison.Ordinal) && line.Trimmed.EndsWith("**", StringComparison.Ordinal))))
        {
            return true;
        }
        var prev = k > 0 ? _text[k - 1] : null;
        var next = k + 1 < _text.Count ? _text[k + 1] : null;
        var startsBlock = prev is null || HardGapBefore(line) || LinePatterns.EndsSentence().IsMatch(prev.Clean) || prev.Marker != LineMarker.None;
        var endsBlock = next is null
            || (HardGapBefore(next) && !LinePatterns.StartsLower().IsMatch(next.Clean))
            || (_indentStyle && next.Indent <= 1 && LinePatterns.StartsCapital().IsMatch(next.Clean));
        return startsBlock && endsBlock;
    }

    private static bool HardGapBefore(SourceLine line) => line.BlankBefore > 0 && !line.SoftGapBefore;

    private void Walk()
    {
        _repeatedHeadings = _text.Where(l => l.Marker == LineMarker.Heading).GroupBy(l => l.Clean, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var line in _text)
        {
            if (line.StartsLetter)
            {
                // A second letter in the same file (the government's answer after the committee's questions).
                CloseAll();
                _heading = null;
                _section = null;
                _party = null;
            }
            switch (line.Marker)
            {
                case LineMarker.PartyHeading:
                    CloseAll();
                    _party = PartyOf(line.Clean) ?? _party;
                    _heading = line.Clean;
                    _expectedNumber = 1;
                    break;
                case LineMarker.Heading:
                    CloseAll();
                    if (_repeatedHeadings.Contains(line.Clean) && _section is not null)
                    {
                        // "Kabinetspositie" under each theme of a kabinetsappreciatie or BNC-fiche: a heading the
                        // letter repeats names a part of the section above it, so its paragraphs are found by both
                        // ("kabinetspositie partnerschappen"; a QA pass found none with every word).
                        _heading = $"{_section} › {line.Clean}";
                    }
                    else
                    {
                        _section = _repeatedHeadings.Contains(line.Clean) ? null : line.Clean;
                        _heading = line.Clean;
                    }
                    break;
                case LineMarker.Closing:
                    if (_paragraph is not { Count: > 0 } || _paragraph[^1].Marker != LineMarker.Closing)
                    {
                        CloseAll();
                    }
                    _heading = null;
                    _party = null;
                    AddToParagraph(line);
                    break;
                case LineMarker.Vraag:
                    CloseAll();
                    _item = new QaItem(line.MarkerValue!, _party, _heading);
                    _item.Add(line);
                    break;
                case LineMarker.Antwoord when _item is not null && !_item.InAnswer:
                    _item.StartAnswer(line);
                    break;
                case LineMarker.Antwoord:
                    CloseAll();
                    _item = new QaItem(null, _party, _heading);
                    _item.StartAnswer(line);
                    break;
                case LineMarker.BoldQuestion when _item is not null && !_item.InAnswer:
                    _item.Add(line);
                    break;
                case LineMarker.BoldQuestion:
                    CloseAll();
                    // No number: the letter prints none (a QA pass: a count over the whole letter was shown as "Vraag
                    // 13 van de leden van de GroenLinks-PvdA-fractie", a number the letter does not have, and "vraag
                    // 13" found it before the real question 13 of another letter).
                    _item = new QaItem(null, _party, _heading);
                    _item.Add(line);
                    break;
                case LineMarker.NumberedItem when _party is not null && line.MarkerValue == _expectedNumber.ToString(System.Globalization.CultureInfo.InvariantCulture):
                    CloseAll();
                    _expectedNumber++;
                    _item = new QaItem(line.MarkerValue, _party, _heading) { SplitBySentence = true };
                    _item.Add(line);
                    break;
                case LineMarker.SubItem when _item is { SplitBySentence: true } && line.MarkerValue![0] == _item.ExpectedSub:
                    StartSubItem(line);
                    break;
                default:
                    if (_item is { InAnswer: false } && _style == QuestionAnswerStyle.BoldQuestions)
                    {
                        // Not every answer is announced by "**Antwoord**": plain text after a bold question answers it.
                        _item.StartAnswer(null);
                    }
                    if (_item is not null)
                    {
                        _item.Add(line);
                    }
                    else
                    {
                        AddToParagraph(line);
                    }
                    break;
            }
        }
        CloseAll();
    }

    private void StartSubItem(SourceLine line)
    {
        var item = _item!;
        var letter = line.MarkerValue!;
        var main = item.MainNumber;
        QaItem sub;
        if (item.SubLetter is null)
        {
            // The numbered preamble introduces the sub-questions: it goes with the first of them.
            sub = new QaItem(main + letter, item.Party, item.Heading) { SplitBySentence = true, MainNumber = main, SubLetter = letter };
            sub.AddPreamble(item.Lines);
            _item = null;
        }
        else
        {
            CloseAll();
            sub = new QaItem(main + letter, item.Party, item.Heading) { SplitBySentence = true, MainNumber = main, SubLetter = letter };
        }
        sub.ExpectedSub = (char)(letter[0] + 1);
        sub.Add(line);
        _item = sub;
    }

    private void AddToParagraph(SourceLine line)
    {
        if (_paragraph is { Count: > 0 } && StartsNewParagraph(_paragraph[^1], line))
        {
            CloseParagraph();
        }
        _paragraph ??= [];
        _paragraph.Add(line);
    }

    private bool StartsNewParagraph(SourceLine prev, SourceLine line)
    {
        var prevEnds = LinePatterns.EndsSentence().IsMatch(prev.Clean)
            && !(LinePatterns.EndsBeforeNumber().IsMatch(prev.Clean) && LinePatterns.StartsDigit().IsMatch(line.Clean));
        if (HardGapBefore(line))
        {
            // A page break can split a paragraph: "… roept op tot snelle" / "besluitvorming …".
            var continues = !prevEnds && (LinePatterns.StartsLower().IsMatch(line.Clean) || prev.Clean.Length >= 60);
            return !continues || (line.Marker == LineMarker.Closing && prev.Marker != LineMarker.Closing);
        }
        if (line.Marker == LineMarker.Closing)
        {
            return prev.Marker != LineMarker.Closing;
        }
        if (!prevEnds || !LinePatterns.StartsCapital().IsMatch(line.Clean))
        {
            return false;
        }
        if (_indentStyle)
        {
            // Indented continuation lines: a line at the margin after a finished sentence opens a paragraph.
            return line.Indent <= 1;
        }
        // Hard-wrapped text: a short line that ends a sentence ends its paragraph.
        return prev.Clean.Length < _medianLength * 0.75;
    }

    private void CloseAll()
    {
        CloseParagraph();
        CloseItem();
    }

    private void CloseParagraph()
    {
        if (_paragraph is { Count: > 0 })
        {
            var text = TextCleaner.Unwrap(_paragraph.Select(l => l.Clean));
            if (HasWords(text))
            {
                AddPassage(_paragraph, text, PassageKind.Paragraph, _heading, null, null, null, null);
            }
        }
        _paragraph = null;
    }

    private void CloseItem()
    {
        var item = _item;
        _item = null;
        if (item is null || item.Lines.Count == 0)
        {
            return;
        }
        string question;
        string? answer;
        if (item.SplitBySentence)
        {
            var full = TextCleaner.Unwrap(item.Lines.Select(l => l.Clean));
            (question, answer) = SplitQuestion(full);
        }
        else
        {
            question = TextCleaner.Unwrap(item.QuestionLines.Select(l => l.Clean));
            answer = item.InAnswer ? TextCleaner.Unwrap(item.AnswerLines.Select(l => l.Clean)) : null;
        }
        question = StripQuestionLabel().Replace(question, "").Trim();
        if (answer is { Length: 0 })
        {
            answer = null;
        }
        var party = PartyAtStart(question) ?? item.Party;
        var text = answer is null ? question : question.Length == 0 ? answer : question + " " + answer;
        if (!HasWords(text))
        {
            return;
        }
        var kind = question.Length > 0 ? PassageKind.QuestionAnswer : PassageKind.Paragraph;
        AddPassage(item.Lines, text, kind, item.Heading, kind == PassageKind.QuestionAnswer ? item.Number : null,
            kind == PassageKind.QuestionAnswer ? party : null, question.Length > 0 ? question : null, answer);
    }

    private void AddPassage(List<SourceLine> lines, string text, PassageKind kind, string? heading, string? number, string? party, string? question, string? answer)
    {
        var first = lines[0];
        var last = lines[^1];
        if (last.ContentEnd <= first.ContentStart)
        {
            return;
        }
        var start = _source.RawStart(first.ContentStart);
        var end = _source.RawEnd(last.ContentEnd - 1);
        if (_passages.Count > 0 && start < _passages[^1].End)
        {
            return;
        }
        _passages.Add(new Passage(_passages.Count, start, end, text, kind, heading, number, party)
        {
            Question = kind == PassageKind.QuestionAnswer ? question : null,
            Answer = kind == PassageKind.QuestionAnswer ? answer : null,
        });
    }

    /// <summary>
    /// Splits "question? answer" when the document does not mark the answer: the question runs to its first '?',
    /// then on through further questions and the members' own remarks ("De leden ... vrezen ..."); the rest answers it.
    /// </summary>
    internal static (string Question, string? Answer) SplitQuestion(string text)
    {
        var sentences = SentenceBreak().Split(text).Where(s => s.Length > 0).ToList();
        var first = sentences.FindIndex(IsQuestionSentence);
        if (first < 0)
        {
            return (text, null);
        }
        var last = first;
        for (var j = first + 1; j < sentences.Count; j++)
        {
            if (IsQuestionSentence(sentences[j]) || MembersSpeaking().IsMatch(sentences[j]))
            {
                last = j;
                continue;
            }
            // A remark between two questions: look one or two sentences ahead for another question.
            var ahead = sentences.Skip(j + 1).Take(2).ToList();
            var nextQuestion = ahead.FindIndex(IsQuestionSentence);
            if (nextQuestion >= 0)
            {
                last = j + 1 + nextQuestion;
                j = last;
                continue;
            }
            break;
        }
        var question = string.Join(' ', sentences.Take(last + 1));
        var answer = string.Join(' ', sentences.Skip(last + 1));
        return (question, answer.Length == 0 ? null : answer);
    }

    private static bool IsQuestionSentence(string sentence) => LinePatterns.EndsQuestion().IsMatch(sentence);

    internal static string? PartyOf(string text)
    {
        var m = LinePatterns.PartyName().Match(text);
        if (m.Success)
        {
            return m.Groups["p"].Value;
        }
        var l = LinePatterns.PartyNameLong().Match(text);
        return l.Success ? l.Groups["p"].Value.Trim() : null;
    }

    private static string? PartyAtStart(string question)
    {
        var head = question.Length > 90 ? question[..90] : question;
        return head.Contains("leden van de", StringComparison.OrdinalIgnoreCase) || head.Contains("fractie", StringComparison.OrdinalIgnoreCase)
            ? PartyOf(head)
            : null;
    }

    private static bool HasWords(string text) => text.Count(char.IsLetter) >= 2;

    [GeneratedRegex(@"(?<=[.?!][”’""»)]?)\s+(?=[\p{Lu}“""‘(\d])")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"\b(?:de|deze) leden\b|-fractie\b|\bzo vragen\b", RegexOptions.IgnoreCase)]
    private static partial Regex MembersSpeaking();

    [GeneratedRegex(@"^(?:Vraag\s+\d{1,3}\s*[.:]?\s*|\d{1,2}(?:\.|\s+[-–])\s+)?(?:[a-h][.)]\s+)?")]
    private static partial Regex StripQuestionLabel();

    private sealed class QaItem(string? number, string? party, string? heading)
    {
        public string? Number { get; } = number;
        public string? Party { get; } = party;
        public string? Heading { get; } = heading;
        public bool SplitBySentence { get; init; }
        public string? MainNumber { get; init; } = number;
        public string? SubLetter { get; init; }
        public char ExpectedSub { get; set; } = 'a';
        public bool InAnswer { get; private set; }
        public List<SourceLine> Lines { get; } = [];
        public List<SourceLine> QuestionLines { get; } = [];
        public List<SourceLine> AnswerLines { get; } = [];
        private List<SourceLine> Preamble { get; } = [];

        public void AddPreamble(IEnumerable<SourceLine> lines)
        {
            foreach (var l in lines)
            {
                Preamble.Add(l);
                Lines.Add(l);
                QuestionLines.Add(l);
            }
        }

        public void Add(SourceLine line)
        {
            Lines.Add(line);
            (InAnswer ? AnswerLines : QuestionLines).Add(line);
        }

        public void StartAnswer(SourceLine? marker)
        {
            InAnswer = true;
            if (marker is not null)
            {
                Lines.Add(marker);
            }
        }
    }
}
