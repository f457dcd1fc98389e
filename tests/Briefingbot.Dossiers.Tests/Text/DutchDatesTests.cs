using Briefingbot.Dossiers.Text;

namespace Briefingbot.Dossiers.Tests.Text;

/// <summary>
/// Pins the one Dutch date module (issue 17, item 2). Three copies used to disagree: "mrt" was no month in one,
/// "maar" ("but") was March in another, and "24 nov 2025" was rejected by a third.
/// </summary>
public class DutchDatesTests
{
    [Theory]
    [InlineData("mrt", 3)]
    [InlineData("mrt.", 3)]
    [InlineData("maart", 3)]
    [InlineData("Maart", 3)]
    [InlineData("sept", 9)]
    [InlineData("sept.", 9)]
    [InlineData("sep", 9)]
    [InlineData("september", 9)]
    [InlineData("febr.", 2)]
    [InlineData("okt", 10)]
    [InlineData("mei", 5)]
    [InlineData("nov.", 11)]
    [InlineData("march", 3)]
    public void Full_and_abbreviated_month_names_are_months(string word, int month) =>
        Assert.Equal(month, DutchDates.Month(word));

    [Theory]
    [InlineData("maar")]
    [InlineData("maa")]
    [InlineData("me")]
    [InlineData("meie")]
    [InlineData("juno")]
    [InlineData("decor")]
    [InlineData("Jansen")]
    [InlineData("")]
    public void Words_that_only_start_like_a_month_are_not_months(string word)
    {
        Assert.Null(DutchDates.Month(word));
        Assert.Null(DutchDates.ParseMonth(word));
    }

    [Theory]
    [InlineData("24 nov 2025")]
    [InlineData("24 nov. 2025")]
    [InlineData("24 november 2025")]
    [InlineData("24 November 2025")]
    [InlineData("2025-11-24")]
    [InlineData("24-11-2025")]
    [InlineData("24/11/2025")]
    public void A_date_is_read_in_every_way_it_is_written(string text)
    {
        Assert.True(DutchDates.TryParse(text, out var date));
        Assert.Equal(new DateOnly(2025, 11, 24), date);
    }

    [Theory]
    [InlineData("24 maar 2025")]
    [InlineData("31 februari 2025")]
    [InlineData("24 foo 2025")]
    public void Not_a_date_is_rejected(string text) => Assert.False(DutchDates.TryParse(text, out _));

    [Theory]
    [InlineData("Den Haag, 3 mrt. 2025", 2025, 3, 3)]
    [InlineData("Datum 11 april 2025", 2025, 4, 11)]
    [InlineData("op 24 nov 2025 besproken", 2025, 11, 24)]
    [InlineData("in 1 sept. 2024", 2024, 9, 1)]
    public void A_date_is_found_in_a_line_of_a_letter(string text, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), DutchDates.ParseDayMonthYear(text));

    [Theory]
    [InlineData("3 maar 2025 is het te laat")]
    [InlineData("Jan 2025")]
    [InlineData("zie 12 jansen 2025")]
    public void A_but_or_a_name_is_not_a_date_in_a_letter(string text) => Assert.Null(DutchDates.ParseDayMonthYear(text));

    [Fact]
    public void Leading_date_with_abbreviated_month_leaves_the_rest()
    {
        Assert.True(DutchDates.TryParseLeading("1 dec. 2025 RBZ Defensie", out var date, out var rest));
        Assert.Equal(new DateOnly(2025, 12, 1), date);
        Assert.Equal("RBZ Defensie", rest);
    }

    [Fact]
    public void Formats_the_cards_use()
    {
        var monday = new DateOnly(2025, 12, 1);
        Assert.Equal("1 december 2025", DutchDates.Format(monday));
        Assert.Equal("maandag 1 december 2025", DutchDates.FormatWithWeekday(monday));
        Assert.Equal("ma 1 dec", DutchDates.FormatShort(monday));
        Assert.Equal("juli 2026", DutchDates.FormatMonth(new DateOnly(2026, 7, 1)));
        Assert.Equal("1–2 december 2025", DutchDates.FormatRange(monday, monday.AddDays(1)));
        Assert.Equal("30 november – 1 december 2025", DutchDates.FormatRange(monday.AddDays(-1), monday));
        Assert.Equal("31 december 2025 – 1 januari 2026", DutchDates.FormatRange(new DateOnly(2025, 12, 31), new DateOnly(2026, 1, 1)));
        Assert.Equal("datum onbekend", DutchDates.FormatOrUnknown(null));
        Assert.Equal("eind november 2025, vóór de RBZ Defensie van 1 december 2025", DutchDates.FormatOrBound(null, "RBZ Defensie", monday));
        Assert.Equal("24 november 2026 08:15", DutchDates.FormatMoment(new DateTimeOffset(2026, 11, 24, 8, 15, 0, TimeSpan.FromHours(1))));
    }

    [Fact]
    public void Formatting_ignores_the_server_culture()
    {
        var before = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("en-US");
            Assert.Equal("vrijdag 11 april 2025", DutchDates.FormatWithWeekday(new DateOnly(2025, 4, 11)));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = before;
        }
    }

    [Theory]
    [InlineData("ma", DayOfWeek.Monday)]
    [InlineData("maandag", DayOfWeek.Monday)]
    [InlineData("vr.", DayOfWeek.Friday)]
    [InlineData("sunday", DayOfWeek.Sunday)]
    public void Weekdays_are_read_in_dutch_and_english(string text, DayOfWeek day)
    {
        Assert.True(DutchDates.TryParseWeekday(text, out var parsed));
        Assert.Equal(day, parsed);
    }
}
