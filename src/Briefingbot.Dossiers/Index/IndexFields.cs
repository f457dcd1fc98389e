namespace Briefingbot.Dossiers.Index;

/// <summary>
/// The index schema. Two kinds of documents share one index:
/// <list type="bullet">
/// <item>passage documents (searched): the passage text, the letter title (for boosting) and the letter's filter
/// fields copied onto each passage, so filters are plain clauses with no join;</item>
/// <item>one letter document per letter (looked up, never matched by text): stored metadata, summary, raw text and
/// content hash.</item>
/// </list>
/// Both carry <see cref="LetterId"/>, so one delete-by-term removes a letter completely.
/// </summary>
internal static class IndexFields
{
    public const string DocKind = "kind";
    public const string KindPassage = "passage";
    public const string KindLetter = "letter";

    // Shared
    public const string LetterId = "letter_id";

    // Passage documents
    public const string Text = "text";
    public const string Title = "title";
    public const string Heading = "heading";
    /// <summary>
    /// The word-pair field of a searched text field (text, title, heading, context): the pairs of adjacent terms, so a
    /// two-word phrase is one term (<see cref="Analysis.AdjacentPairsFilter"/>).
    /// </summary>
    public static string PairsOf(string field) => Analysis.AdjacentPairsFilter.PairsFieldOf(field);
    public const string PassageIndex = "p_index";
    public const string PassageStart = "p_start";
    public const string PassageEnd = "p_end";
    public const string PassageKind = "p_kind";
    public const string QuestionNumber = "p_qnr";
    public const string Party = "p_party";
    /// <summary>
    /// Question and answer units, indexed (not stored): the number of the question, lower case ("13", "2a"), and for a
    /// sub-question also its main number ("2"), so "vraag 13" finds the answer to question 13.
    /// </summary>
    public const string QuestionNumberTerm = "f_qnr";
    /// <summary>Q&amp;A passages: length of the question at the start of the text (the answer follows after a space).</summary>
    public const string QuestionLength = "p_qlen";
    /// <summary>Answer passages: the words of the question they answer, searched with a lower weight.</summary>
    public const string Context = "context";
    /// <summary>Answer passages: the question's text (stored).</summary>
    public const string QuestionText = "p_question";
    /// <summary>Stored only: each other question an answer answers (a later copy, a pointer), with party and number.</summary>
    public const string RepeatedQuestion = "p_qrep";
    /// <summary>The passage's <see cref="Letters.PassageRole"/>.</summary>
    public const string Role = "p_role";

    // Filter fields (on passage documents; values normalised)
    public const string Dossier = "f_dossier";
    public const string DocumentType = "f_type";
    public const string Chamber = "f_chamber";
    public const string DateNumber = "f_date";
    public const string IngestedAtTicks = "f_ingested";

    // Letter documents (stored)
    public const string SourceFile = "source_file";
    public const string DossierNumberKey = "dossier_nr";
    public const string StoredTitle = "l_title";
    public const string StoredType = "l_type";
    public const string StoredDate = "l_date";
    public const string StoredChamber = "l_chamber";
    public const string StoredDossier = "l_dossier";
    public const string StoredNumber = "l_nr";
    public const string StoredUrl = "l_url";
    public const string StoredSummary = "l_summary";
    public const string StoredIngestedAt = "l_ingested";
    public const string ContentHash = "l_hash";
    public const string RawText = "l_raw";
    public const string ExternalId = "l_external";
    public const string StoredMeeting = "l_meeting";
    /// <summary>The document schema a letter was indexed with; letters of an older one are re-indexed on the next ingest.</summary>
    public const string SchemaVersion = "l_schema";
    /// <summary>2: passages split into question, answer and paragraph units with roles (passage ranking); 3: units of at most 600 characters; 4: Dutch stems mended (doubled and voiced final consonants); 5: word-pair fields; 6: a paragraph a letter repeats nearly word for word is searched once; 7: the abbreviations a letter defines; 8: a passage's words written in capitals, hyphenated short forms, punctuation folded in abbreviation keys; 9: separable verbs written apart also indexed as one word ("op te schalen": "opschalen"); 10: "%" indexed as "procent", a number's decimal comma kept in the number, each signatory's name under the letter a unit of its own, an answer that only points to other answers searched with them; 11: a number wrapped after "nr." onto the next line stays in its sentence (it was dropped); a letter without a date is filtered by the date of the meeting it prepares; a footnote's web address on a line of its own kept out of the text; compound parts "vlaggenschip", "vaartuig(en)"; each footnote line a unit of its own ("Voetnoot"), its text searched as subordinate (index-time boost 0.1); 12: the numeral "één" kept through the stop filter; 13: a committee chair's name a unit of its own; 14: an "'s" ending left out of a word, "R&amp;D" one word; 15: a question's number indexed on its units (<see cref="QuestionNumberTerm"/>).; 16: a stop word written in capitals ("ER") kept as an abbreviation; 17: a heading the letter repeats ("Kabinetspositie") carries the section heading above it, and a long sentence cut at a space is cut in the middle of what is left, so its last unit is never a word or two; 18: the other questions an answer answers stored with party and number (<see cref="RepeatedQuestion"/>); 19: footnotes written "&lt;sup&gt;1&lt;/sup&gt; …" are units too; 20: questions of a letter that prints no numbers (bold questions) get none, not a count; 21: a letter without a stated title is not named after its salutation ("Geachte voorzitter"), but after its stated type, dossier and number (shown, not searched as a title), and a stated five-digit dossier is written as letters write it ("21 501-28", not "21501-28"); 22: soft hyphens, zero-width spaces and direction marks inside a word are left out ("dro\u00ADnes" is "drones", it was "dro nes"), and a soft hyphen at a line end joins the word's halves; 23: each letter's first paragraph marked as its lead (<see cref="Lead"/>).</summary>
    public const string CurrentSchema = "23";
    public const string StoredMeetingDate = "l_meeting_date";
    /// <summary>
    /// On the letter document, indexed, not stored: each abbreviation the letter defines as one term, short and long
    /// form folded (<see cref="Letters.Abbreviations.Key"/>), so a search for "edf" can also look for "europees defensiefonds".
    /// </summary>
    public const string Abbreviation = "l_abbr";
    /// <summary>The same pairs long form first (<see cref="Letters.Abbreviations.LongFormKey"/>): "europees defensiefonds" typed also finds "EDF".</summary>
    public const string AbbreviationByLongForm = "l_abbr_long";
    /// <summary>
    /// On a passage, indexed, not stored: its words written as abbreviations ("EDF", folded: "edf";
    /// <see cref="Letters.Abbreviations.CapitalWords"/>). Typed words that spell an abbreviation out match its short form
    /// here, not in the text, where "RAS" and "ras" (a breed) are one term.
    /// </summary>
    public const string Capitals = "p_caps";
    /// <summary>
    /// On a passage, indexed, not stored: <see cref="LeadValue"/> on a letter's first searchable paragraph or answer.
    /// A partial match through the letter's title alone is shown by this passage only, not by every passage of the letter.
    /// </summary>
    public const string Lead = "p_lead";
    public const string LeadValue = "1";
}
