using System.Globalization;
using System.Text.RegularExpressions;

namespace PeerCommons.Validate;

/// <summary>
/// Why text in the shape YYYY-MM-DD is still not a date, in words a reader can act on
/// ("November has 30 days") rather than a format they already followed.
/// </summary>
public static partial class DateProblem
{
    [GeneratedRegex(@"^(\d{4})-(\d{2})-(\d{2})$")]
    private static partial Regex Shape();

    /// <summary>The reason a well-shaped date does not exist, or null when the text is not in the shape YYYY-MM-DD.</summary>
    public static string? NonExistent(string text)
    {
        var m = Shape().Match(text);
        if (!m.Success) return null;
        int year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture),
            month = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture),
            day = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        if (year == 0) return $"the date {text} does not exist (there is no year 0000)";
        if (month is < 1 or > 12) return $"the date {text} does not exist (months go from 01 to 12)";
        var days = DateTime.DaysInMonth(year, month);
        var name = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);
        if (day < 1) return $"the date {text} does not exist (days start at 01)";
        if (day > days)
            return month == 2 ? $"the date {text} does not exist (February {year} has {days} days)"
                : $"the date {text} does not exist ({name} has {days} days)";
        return null;
    }
}
