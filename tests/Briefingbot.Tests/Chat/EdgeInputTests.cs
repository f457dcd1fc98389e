using Briefingbot.Briefings.Commands;
using Briefingbot.Kernel.Replies;
using Briefingbot.Registers;

namespace Briefingbot.Tests.Chat;

/// <summary>Issue 16 item 3: out-of-range dates get a Dutch message, and a preview never cuts a surrogate pair.</summary>
public sealed class EdgeInputTests
{
    [Theory]
    [InlineData("--per 0001-01-01")]
    [InlineData("--per 9999-12-31")]
    public void Briefing_per_refuses_a_date_outside_1900_2199_and_says_so(string args)
    {
        Assert.False(BriefingCommand.TryParsePer(args, out _));
        Assert.True(BriefingCommand.IsOutOfRangePer(args));
        Assert.False(BriefingCommand.IsOutOfRangePer("--per gisteren"));
    }

    [Fact]
    public void Briefing_per_accepts_a_normal_date()
    {
        Assert.True(BriefingCommand.TryParsePer("--per 2025-11-24", out var date));
        Assert.Equal(new DateOnly(2025, 11, 24), date);
    }

    [Theory]
    [InlineData("toezeggingen --per 0001-01-01")]
    [InlineData("vergaderingen --per 9999-12-31")]
    public void Register_views_say_the_range_in_dutch(string text)
    {
        Assert.False(AsOfArgument.TryExtract(text, out var asOf, out _, out var problem));
        Assert.Null(asOf);
        Assert.Contains("tussen 1900 en 2199", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void First_line_does_not_cut_a_surrogate_pair()
    {
        var line = new string('a', 119) + "😀" + new string('b', 10);

        var preview = ReplySender.FirstLine(line);

        Assert.Equal(119, preview.Length);
        Assert.False(char.IsHighSurrogate(preview[^1]));
    }
}
