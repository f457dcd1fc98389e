namespace Briefingbot.Briefings.Rendering;

/// <summary>
/// The briefing cut into sections of small items, each rendered both as card elements and as Markdown lines.
/// Splitting happens between items, so nothing is ever cut off in the middle; every part repeats its section's title.
/// </summary>
internal sealed record BriefingSection(string Title, IReadOnlyList<BriefingItem> Items);

/// <summary>One listed thing (a meeting, a promise, a letter, a note) in card and Markdown form.</summary>
/// <param name="Markdown">A Markdown paragraph (no trailing newline).</param>
/// <param name="Lines">The card rendering: TextBlock texts (Markdown), the first is the item's headline.</param>
/// <param name="Subtle">Whether the lines after the first are shown subtle (sources, dates).</param>
internal sealed record BriefingItem(string Markdown, IReadOnlyList<string> Lines, bool Subtle = true);
