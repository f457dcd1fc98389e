using Briefingbot.Dossiers.Text;
using System.Text.RegularExpressions;

namespace Briefingbot.Registers;

/// <summary>
/// The "as it stood on" option of the register views: <c>--per 2025-11-24</c> or Dutch <c>per 24 november 2025</c>.
/// </summary>
public static partial class AsOfArgument
{
    /// <summary>Removes the option from <paramref name="arguments"/>; <paramref name="asOf"/> is null when absent.</summary>
    /// <returns>False when the option is present but its date is not understood (<paramref name="problem"/> says so).</returns>
    public static bool TryExtract(string arguments, out DateOnly? asOf, out string rest, out string problem)
    {
        asOf = null;
        problem = "";
        var m = Option().Match(arguments);
        if (!m.Success)
        {
            rest = arguments.Trim();
            if (BareOption().IsMatch(arguments))
            {
                // "toezeggingen --per" without a date was searched as the topic "--per" (a QA pass).
                problem = "Na `--per` hoort een datum, bijvoorbeeld `--per 2025-11-26` of `per 26 november 2025`.";
                return false;
            }
            return true;
        }
        var value = m.Groups["date"].Value;
        if (!DutchDates.TryParse(value, out var date))
        {
            rest = arguments.Trim();
            problem = DutchDates.IsOutOfRange(value)
                ? $"‘{value}’ valt buiten het bereik: {DutchDates.RangeHint}, bijvoorbeeld `--per 2025-11-26`."
                : $"‘{value}’ is geen datum; gebruik bijvoorbeeld `--per 2025-11-26` of `per 26 november 2025`.";
            return false;
        }
        asOf = date;
        rest = (arguments[..m.Index] + " " + arguments[(m.Index + m.Length)..]).Trim();
        return true;
    }

    [GeneratedRegex(@"(?:^|\s)--per=?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex BareOption();

    [GeneratedRegex(@"(?:^|\s)(?:--per|per)(?:=|\s+)(?<date>\d{1,2}\s+[A-Za-z]+\s+\d{4}|\S+)", RegexOptions.IgnoreCase)]
    private static partial Regex Option();
}
