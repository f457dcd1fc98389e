using Briefingbot.Cli;
using Briefingbot.Kernel.Cli;

namespace Briefingbot.Tests.Cli;

/// <summary>Dates on the command line: ISO or the month in Dutch (read by DutchDates), never a guess between day and month.</summary>
public sealed class CliDatesTests
{
    [Theory]
    [InlineData("2025-02-01")]
    [InlineData("2025-2-1")]
    [InlineData("1 februari 2025")]
    [InlineData("1 feb 2025")]
    [InlineData("1 feb. 2025")]
    [InlineData(" 1 Februari 2025 ")]
    public void Iso_and_Dutch_written_dates_are_1_February(string text)
    {
        Assert.Equal(new DateOnly(2025, 2, 1), CliDates.Parse(text, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("01/02/2025", "'01/02/2025' is ambiguous: 2025-02-01 or 2025-01-02? Write year-month-day (2025-02-01) or the month in Dutch (1 februari 2025).")]
    [InlineData("1-2-2025", "'1-2-2025' is ambiguous: 2025-02-01 or 2025-01-02?")]
    [InlineData("13/02/2025", "'13/02/2025': write year-month-day (2025-02-13) or the month in Dutch (13 februari 2025)")]
    [InlineData("02/13/2025", "'02/13/2025': write year-month-day (2025-02-13) or the month in Dutch (13 februari 2025)")]
    [InlineData("2025-02-30", "'2025-02-30' is not a date; write year-month-day as 2025-02-01, or 1 februari 2025.")]
    [InlineData("maart", "'maart' is not a date")]
    [InlineData("1 maar 2025", "'1 maar 2025' is not a date")]
    [InlineData("1 januari 1850", "'1 januari 1850' is outside 1900-2199.")]
    public void Other_forms_are_refused_saying_what_to_write(string text, string message)
    {
        Assert.Null(CliDates.Parse(text, out var error));
        Assert.NotNull(error);
        Assert.StartsWith(message, error, StringComparison.Ordinal);
    }
}
