using System.Globalization;
using Briefingbot.Dossiers.Letters;
using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace Briefingbot.Dossiers.Index;

/// <summary>Turns a parsed letter into its Lucene documents (see <see cref="IndexFields"/> for the schema).</summary>
internal static class LetterDocuments
{
    /// <summary>The letter document followed by one document per passage.</summary>
    public static IEnumerable<Document> Create(Letter letter, string summary, DateTimeOffset ingestedAt)
    {
        yield return CreateLetterDocument(letter, summary, ingestedAt);
        var leadGiven = false;
        foreach (var unit in SearchPassages.Split(letter))
        {
            var document = CreatePassageDocument(letter, unit, ingestedAt);
            if (!leadGiven && unit.Searchable && !unit.IsFootnote && unit.Role is PassageRole.Paragraph or PassageRole.Answer)
            {
                // The passage that stands for the letter where only its title matches (IndexFields.Lead).
                document.Add(new StringField(IndexFields.Lead, IndexFields.LeadValue, Field.Store.NO));
                leadGiven = true;
            }
            yield return document;
        }
    }

    public static Document CreateLetterDocument(Letter letter, string summary, DateTimeOffset ingestedAt)
    {
        var doc = new Document
        {
            new StringField(IndexFields.DocKind, IndexFields.KindLetter, Field.Store.NO),
            new StringField(IndexFields.LetterId, letter.Id, Field.Store.YES),
            new StringField(IndexFields.SourceFile, letter.SourceFile, Field.Store.YES),
            new StoredField(IndexFields.ContentHash, letter.ContentHash),
            new StoredField(IndexFields.SchemaVersion, IndexFields.CurrentSchema),
            new StoredField(IndexFields.StoredIngestedAt, ingestedAt.UtcTicks),
            new StoredField(IndexFields.StoredSummary, summary),
            new StoredField(IndexFields.RawText, letter.RawText),
        };
        AddStoredIfPresent(doc, IndexFields.StoredTitle, letter.Title);
        AddStoredIfPresent(doc, IndexFields.StoredType, letter.DocumentType);
        AddStoredIfPresent(doc, IndexFields.StoredDate, letter.Date is { } d ? FilterValues.FormatDate(d) : null);
        AddStoredIfPresent(doc, IndexFields.StoredChamber, letter.Chamber);
        AddStoredIfPresent(doc, IndexFields.StoredDossier, letter.Dossier);
        AddStoredIfPresent(doc, IndexFields.StoredNumber, letter.DocumentNumber);
        AddStoredIfPresent(doc, IndexFields.StoredUrl, letter.SourceUrl);
        AddStoredIfPresent(doc, IndexFields.ExternalId, letter.ExternalId);
        AddStoredIfPresent(doc, IndexFields.StoredMeeting, letter.Meeting);
        AddStoredIfPresent(doc, IndexFields.StoredMeetingDate, letter.MeetingDate is { } md ? FilterValues.FormatDate(md) : null);
        if (FilterValues.DossierNumberKey(letter.Dossier, letter.DocumentNumber) is { } key)
        {
            doc.Add(new StringField(IndexFields.DossierNumberKey, key, Field.Store.NO));
        }
        if (letter.ExternalId is { } external)
        {
            doc.Add(new StringField(IndexFields.DossierNumberKey, external.ToUpperInvariant(), Field.Store.NO));
        }
        var abbreviations = new HashSet<string>(StringComparer.Ordinal);
        foreach (var passage in letter.Passages)
        {
            foreach (var (shortForm, longForm) in Abbreviations.Find(passage.Text))
            {
                var pair = Abbreviations.Key(shortForm, longForm);
                if (abbreviations.Add(pair))
                {
                    doc.Add(new StringField(IndexFields.Abbreviation, pair, Field.Store.NO));
                    doc.Add(new StringField(IndexFields.AbbreviationByLongForm, Abbreviations.LongFormKey(shortForm, longForm), Field.Store.NO));
                }
            }
        }
        return doc;
    }

    public static Document CreatePassageDocument(Letter letter, SearchPassage passage, DateTimeOffset ingestedAt)
    {
        var doc = new Document
        {
            new StringField(IndexFields.DocKind, IndexFields.KindPassage, Field.Store.NO),
            new StringField(IndexFields.LetterId, letter.Id, Field.Store.YES),
            // Doc values let the grouping collector bucket hits by letter without loading stored fields.
            new SortedDocValuesField(IndexFields.LetterId, new BytesRef(letter.Id)),
            new StoredField(IndexFields.PassageIndex, passage.Index),
            new StoredField(IndexFields.PassageStart, passage.Start),
            new StoredField(IndexFields.PassageEnd, passage.End),
            new StoredField(IndexFields.PassageKind, (passage.Role switch
            {
                PassageRole.Title => PassageKind.Heading,
                PassageRole.Question or PassageRole.Answer => PassageKind.QuestionAnswer,
                _ => PassageKind.Paragraph,
            }).ToString()),
            new StoredField(IndexFields.Role, passage.Role.ToString()),
            new Int64Field(IndexFields.IngestedAtTicks, ingestedAt.UtcTicks, Field.Store.NO),
        };
        // A question whose answer is indexed is stored, not searched: its answer is found by its words instead.
        // A footnote is subordinate text: its words count as if it were a long passage, so a short reference
        // ("Kamerstuk 22112, nr. 4103") does not outrank the paragraphs that discuss the same words; it still answers
        // what only it says.
        AddText(doc, IndexFields.Text, passage.Text, searched: passage.Searchable, stored: true, boost: passage.IsFootnote ? FootnoteBoost : 1f);
        if (passage.Searchable)
        {
            foreach (var capitals in Abbreviations.CapitalWords(passage.Text))
            {
                doc.Add(new StringField(IndexFields.Capitals, capitals, Field.Store.NO));
            }
        }
        // A title made from the metadata ("Brief regering 21 501-28, nr. 2103") would make every untitled letter a
        // title match for "brief" or "regering" (a review): shown, not searched.
        if (!string.IsNullOrWhiteSpace(letter.Title) && !letter.TitleIsDescription && passage.Searchable)
        {
            AddText(doc, IndexFields.Title, letter.Title, searched: true, stored: false);
        }
        if (!string.IsNullOrWhiteSpace(passage.Heading))
        {
            AddText(doc, IndexFields.Heading, passage.Heading, searched: passage.Searchable, stored: true);
        }
        if (passage.QuestionText is { Length: > 0 } question)
        {
            // A repeated answer (SearchPassages.HideRepeats) is not found by its question: its first copy is.
            AddText(doc, IndexFields.Context, question, searched: passage.Searchable, stored: false);
            doc.Add(new StoredField(IndexFields.QuestionText, question));
        }
        if (passage.RepeatedQuestions is { Length: > 0 } repeated && passage.Searchable)
        {
            AddText(doc, IndexFields.Context, repeated, searched: true, stored: false);
            foreach (var other in passage.RepeatedFrom)
            {
                doc.Add(new StoredField(IndexFields.RepeatedQuestion, string.Join(RepeatedSeparator, other.Party ?? "", other.Number ?? "", other.Text)));
            }
        }
        AddStoredIfPresent(doc, IndexFields.QuestionNumber, passage.QuestionNumber);
        if (passage.Searchable && passage.QuestionNumber is { Length: > 0 } number)
        {
            foreach (var value in QuestionNumberTerms(number))
            {
                doc.Add(new StringField(IndexFields.QuestionNumberTerm, value, Field.Store.NO));
            }
        }
        AddStoredIfPresent(doc, IndexFields.Party, passage.Party);
        if (letter.Dossier is { } dossier)
        {
            doc.Add(new StringField(IndexFields.Dossier, FilterValues.NormalizeDossier(dossier), Field.Store.NO));
        }
        if (letter.DocumentType is { } type)
        {
            doc.Add(new StringField(IndexFields.DocumentType, FilterValues.NormalizeLabel(type), Field.Store.NO));
        }
        if (letter.Chamber is { } chamber)
        {
            doc.Add(new StringField(IndexFields.Chamber, FilterValues.NormalizeLabel(chamber), Field.Store.NO));
        }
        // A letter without a date of its own that prepares a meeting ("Geannoteerde agenda … van 1 december 2025") is
        // filtered by the meeting's date: it is from shortly before it, and "sinds 2025" must not drop it.
        if ((letter.Date ?? letter.MeetingDate) is { } date)
        {
            doc.Add(new Int32Field(IndexFields.DateNumber, FilterValues.DateNumber(date), Field.Store.NO));
        }
        return doc;
    }

    /// <summary>
    /// Reads a passage back from its stored fields, with its role and, for an answer, its question. An answer comes
    /// back as a Q&amp;A passage whose <see cref="Passage.Answer"/> is its text; a question's <see cref="Passage.Question"/>
    /// is its text. (An index written before roles were stored holds question and answer in one passage.)
    /// </summary>
    public static Passage ReadPassage(Document doc) => ReadSearchPassage(doc).Passage;

    private const char RepeatedSeparator = '\u001f';

    /// <summary>The other questions a stored answer also answers (<see cref="SearchPassage.RepeatedFrom"/>), in order.</summary>
    public static IReadOnlyList<OtherQuestion> ReadRepeatedQuestions(Document doc) =>
        doc.GetValues(IndexFields.RepeatedQuestion)
            .Select(v => v.Split(RepeatedSeparator, 3))
            .Where(p => p.Length == 3 && p[2].Length > 0)
            .Select(p => new OtherQuestion(p[0].Length > 0 ? p[0] : null, p[1].Length > 0 ? p[1] : null, p[2]))
            .ToList();

    /// <summary>As <see cref="ReadPassage"/>, with the passage's role and, for an answer, the question's text.</summary>
    public static (Passage Passage, PassageRole Role, string? Question) ReadSearchPassage(Document doc)
    {
        var kind = Enum.TryParse<PassageKind>(doc.Get(IndexFields.PassageKind), out var k) ? k : PassageKind.Paragraph;
        var text = doc.Get(IndexFields.Text) ?? string.Empty;
        var passage = new Passage(
            ReadInt(doc, IndexFields.PassageIndex),
            ReadInt(doc, IndexFields.PassageStart),
            ReadInt(doc, IndexFields.PassageEnd),
            text,
            kind,
            doc.Get(IndexFields.Heading),
            doc.Get(IndexFields.QuestionNumber),
            doc.Get(IndexFields.Party));
        if (Enum.TryParse<PassageRole>(doc.Get(IndexFields.Role), out var role))
        {
            var question = doc.Get(IndexFields.QuestionText);
            return role switch
            {
                PassageRole.Answer => (passage with { Question = question, Answer = text }, role, question),
                PassageRole.Question => (passage with { Question = text }, role, null),
                _ => (passage, role, null),
            };
        }
        var legacyRole = kind == PassageKind.Heading ? PassageRole.Title : PassageRole.Paragraph;
        if (kind != PassageKind.QuestionAnswer || doc.GetField(IndexFields.QuestionLength)?.GetInt32Value() is not { } length
            || length <= 0 || length > text.Length)
        {
            return (passage, legacyRole, null);
        }
        var answer = text[length..].Trim();
        return (passage with { Question = text[..length], Answer = answer.Length > 0 ? answer : null }, PassageRole.Question, null);
    }

    private static int ReadInt(Document doc, string field) =>
        doc.GetField(field)?.GetInt32Value() ?? int.Parse(doc.Get(field) ?? "0", CultureInfo.InvariantCulture);

    /// <summary>
    /// A text field: searched (analysed, with its word-pair twin, so every searched field answers two-word phrases
    /// from <see cref="IndexFields.PairsOf"/>), stored, or both.
    /// </summary>
    /// <summary>
    /// The index-time boost of a footnote's text: BM25 reads it into the length norm, so a footnote's words weigh as in
    /// a passage a hundred times its length (a few hundred words), below the paragraphs of the letter's body.
    /// </summary>
    internal const float FootnoteBoost = 0.1f;

    private static void AddText(Document doc, string field, string value, bool searched, bool stored, float boost = 1f)
    {
        if (searched)
        {
            doc.Add(new TextField(field, value, stored ? Field.Store.YES : Field.Store.NO) { Boost = boost });
            doc.Add(new TextField(IndexFields.PairsOf(field), value, Field.Store.NO) { Boost = boost });
        }
        else if (stored)
        {
            doc.Add(new StoredField(field, value));
        }
    }

    private static void AddStoredIfPresent(Document doc, string field, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            doc.Add(new StoredField(field, value));
        }
    }

    /// <summary>The terms a question number is found by: itself in lower case, and a sub-question's main number ("2a": "2").</summary>
    internal static IEnumerable<string> QuestionNumberTerms(string number)
    {
        var value = number.Trim().ToLowerInvariant();
        yield return value;
        var digits = value.Length - value.TrimStart("0123456789".ToCharArray()).Length;
        if (digits > 0 && digits < value.Length)
        {
            yield return value[..digits];
        }
    }
}
