using Briefingbot.Dossiers.Text;

namespace Briefingbot.Briefings.Rendering;

/// <summary>Dutch wording of dates and counts shared by the card and the text rendering.</summary>
internal static class DutchFormat
{
    /// <summary>"maandag 1 december 2025" (see <see cref="DutchDates"/>).</summary>
    public static string Date(DateOnly date) => DutchDates.FormatWithWeekday(date);

    /// <summary>"1 december 2025".</summary>
    public static string ShortDate(DateOnly date) => DutchDates.Format(date);

    public static string Range(DateOnly start, DateOnly end) =>
        start == end ? Date(start)
        : start.Month == end.Month && start.Year == end.Year
            ? $"{start.Day}–{DutchDates.Format(end)}"
            : $"{ShortDate(start)} – {ShortDate(end)}";

    public static string DaysAhead(int days) => days switch
    {
        // A meeting of several days that began before today is under way (a QA pass: "over -1 dagen").
        < 0 => "nu bezig",
        0 => "vandaag",
        1 => "morgen",
        _ => $"over {days} dagen",
    };

    /// <summary>Caps user-visible text so one item can never break the size limit; the cut is visible.</summary>
    public static string Cap(string text, int max = 1200) =>
        text.Length <= max ? text : string.Concat(text.AsSpan(0, max).TrimEnd(), " … (ingekort)");

    /// <summary>Escapes the Markdown the Teams subset would interpret in text shown inside Markdown (card TextBlocks and the text fallback); see <see cref="TeamsMarkdown"/>.</summary>
    public static string Md(string text) => TeamsMarkdown.Escape(text);

    /// <summary>A Markdown link when a URL is known, else the plain (escaped) title.</summary>
    public static string Link(string title, string? url) => TeamsMarkdown.Link(Cap(title, 300), url);
}
