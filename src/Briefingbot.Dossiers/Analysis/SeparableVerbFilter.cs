using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Briefingbot.Dossiers.Analysis;

/// <summary>
/// Joins a Dutch separable verb written apart around "te" ("op te schalen", "af te bouwen", "op te kunnen schalen")
/// into the verb as one word ("opschalen", "afbouwen"), stacked on the verb (+0, spanning particle to verb). A user
/// types the infinitive ("krijgsmacht opschalen"); the letters write it apart whenever it follows "om" or a modal,
/// and the particle and "te" are stop words, so without the join the verb's root alone is left ("schalen"), which
/// means something else. Runs before the stop words are dropped, on lower-cased, folded words.
/// </summary>
/// <remarks>
/// Only particles that before "te" are nearly always part of the verb: not "om" ("om te investeren", in order to)
/// nor "door" ("door te investeren", by investing), which also start separable verbs but mostly are not here. The verb
/// is a word of letters ending in "-en" and not itself a modal or auxiliary ("uit te kunnen blijven voeren" joins
/// nothing). The finite forms ("schaalt … op") and participles ("opgeschaald") are left to the stemmer. The joined
/// token spans particle to verb, so its start offset lies before the verb's: fine for the fields here, which index
/// no offsets (Lucene refuses offsets going backwards only where they are indexed).
/// </remarks>
internal sealed class SeparableVerbFilter : TokenFilter
{
    /// <summary>Particles joined with a following "te" + verb.</summary>
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "aan", "af", "bij", "in", "los", "mee", "na", "neer", "op", "over", "samen", "terug", "toe", "tegen", "uit", "vast",
        "voor", "vrij", "weg",
    };

    /// <summary>Verbs between "te" and the verb that keep the particle with the verb ("op te kunnen schalen").</summary>
    private const string Modal = "kunnen";

    /// <summary>Verbs that are not joined: they carry another verb ("in te blijven zetten").</summary>
    private static readonly HashSet<string> Auxiliaries = new(StringComparer.Ordinal)
    {
        "kunnen", "worden", "blijven", "moeten", "willen", "zullen", "hebben", "zijn",
    };

    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _increment;

    /// <summary>The particle waiting for its verb and where it starts, and how far the pattern got (1: particle, 2: "te", 3: modal).</summary>
    private string? _particle;
    private int _particleStart;
    private int _step;
    private (string Text, int Start, int End)? _pending;

    public SeparableVerbFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_pending is { } joined)
        {
            _pending = null;
            _term.SetEmpty().Append(joined.Text);
            _offset.SetOffset(joined.Start, joined.End);
            _increment.PositionIncrement = 0;
            return true;
        }
        if (!m_input.IncrementToken())
        {
            return false;
        }
        if (_increment.PositionIncrement == 0)
        {
            return true; // a stacked token (a hyphenated word's whole) neither starts nor breaks the pattern
        }
        var word = _term.ToString();
        if (_step is 2 or 3 && IsVerb(word) && !(_step == 2 && word == Modal))
        {
            _pending = (_particle + word, _particleStart, _offset.EndOffset);
            _step = 0;
            return true;
        }
        (_step, _particle) = (_step, word) switch
        {
            (1, "te") => (2, _particle),
            (2, Modal) => (3, _particle),
            _ when Particles.Contains(word) => (1, word),
            _ => (0, null),
        };
        if (_step == 1)
        {
            _particleStart = _offset.StartOffset;
        }
        return true;
    }

    /// <summary>An infinitive: "-en" ("schalen"), or "-n" after a long vowel ("gaan", "staan", "zien"); not an
    /// auxiliary, and not a stop word ("doen": "er is niets aan te doen" is no "aandoen").</summary>
    private static bool IsVerb(string word) =>
        word.Length >= 4 && (word.EndsWith("en", StringComparison.Ordinal) || word.EndsWith("aan", StringComparison.Ordinal) || word.EndsWith("ien", StringComparison.Ordinal))
        && !Auxiliaries.Contains(word) && !DutchWordLists.StopWords.Contains(word) && word.All(char.IsLetter);

    public override void Reset()
    {
        base.Reset();
        _particle = null;
        _step = 0;
        _pending = null;
    }
}
