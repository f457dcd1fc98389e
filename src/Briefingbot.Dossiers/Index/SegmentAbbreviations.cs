using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using Briefingbot.Dossiers.Letters;
using Lucene.Net.Index;

namespace Briefingbot.Dossiers.Index;

/// <summary>
/// Per index segment, in memory: the abbreviations its letters define (<see cref="IndexFields.Abbreviation"/>), by
/// short form and by long form, each with how many letters define the pair. Read once per segment core from the two
/// fields' term dictionaries (a few hundred to a few thousand terms) and warmed with the letter tables
/// (<see cref="LetterIndex"/>), so a search looks a typed word up in a dictionary instead of seeking, and allocating a
/// term enumerator, in every segment for every word.
/// </summary>
internal sealed class SegmentAbbreviations
{
    private static readonly ConditionalWeakTable<object, SegmentAbbreviations> Cache = new();

    private SegmentAbbreviations(FrozenDictionary<string, (string Other, int Letters)[]> byShortForm, FrozenDictionary<string, (string Other, int Letters)[]> byLongForm)
    {
        ByShortForm = byShortForm;
        ByLongForm = byLongForm;
    }

    /// <summary>Folded short form → its long forms, each with the number of letters defining it.</summary>
    public FrozenDictionary<string, (string Other, int Letters)[]> ByShortForm { get; }

    /// <summary>Folded long form → its short forms.</summary>
    public FrozenDictionary<string, (string Other, int Letters)[]> ByLongForm { get; }

    public static SegmentAbbreviations For(AtomicReader reader) => Cache.GetValue(reader.CoreCacheKey, _ => Load(reader));

    private static SegmentAbbreviations Load(AtomicReader reader) =>
        new(Read(reader, IndexFields.Abbreviation), Read(reader, IndexFields.AbbreviationByLongForm));

    private static FrozenDictionary<string, (string Other, int Letters)[]> Read(AtomicReader reader, string field)
    {
        var pairs = new Dictionary<string, List<(string, int)>>(StringComparer.Ordinal);
        var terms = reader.GetTerms(field)?.GetEnumerator();
        while (terms is not null && terms.MoveNext())
        {
            var key = terms.Term.Utf8ToString();
            var separator = key.IndexOf(Abbreviations.Separator, StringComparison.Ordinal);
            if (separator <= 0 || separator == key.Length - 1)
            {
                continue;
            }
            var head = key[..separator];
            if (!pairs.TryGetValue(head, out var others))
            {
                pairs[head] = others = [];
            }
            others.Add((key[(separator + 1)..], terms.DocFreq));
        }
        return pairs.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }
}
