using System.Globalization;
using System.Text.RegularExpressions;

namespace PeerCommons.Model;

/// <summary>A history date: a year, a month, a day, or a period of years (<c>1790/1800</c>).</summary>
public sealed partial record HistoryDate(string Text, int Year, int Month, int Day, int? EndYear) : IComparable<HistoryDate>
{
    [GeneratedRegex(@"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$|^(\d{4})/(\d{4})$")]
    private static partial Regex Pattern();

    public static HistoryDate? Parse(string text) => Read(text).Date;

    /// <summary>The date, or why it is not one: null Problem and null Date when the text is not in a date's form at all.</summary>
    public static (HistoryDate? Date, string? Problem) Read(string text)
    {
        var m = Pattern().Match(text);
        if (!m.Success) return (null, null);
        static int Number(Group g) => int.Parse(g.Value, CultureInfo.InvariantCulture);
        var noYearZero = $"{text} does not exist: there is no year 0000, the years of the calendar start at 0001";
        if (m.Groups[4].Success)
        {
            int start = Number(m.Groups[4]), end = Number(m.Groups[5]);
            if (start == 0 || end == 0) return (null, noYearZero);
            return end > start ? (new HistoryDate(text, start, 0, 0, end), null)
                : (null, $"the period {text} does not run forward: write the earlier year first, such as {Math.Min(start, end):D4}/{Math.Max(start, end) + (start == end ? 1 : 0):D4}");
        }
        var year = Number(m.Groups[1]);
        var month = m.Groups[2].Success ? Number(m.Groups[2]) : 0;
        var day = m.Groups[3].Success ? Number(m.Groups[3]) : 0;
        if (year == 0) return (null, noYearZero);
        if (m.Groups[2].Success && month is < 1 or > 12)
            return (null, $"{text} does not exist: months run from 01 (January) to 12 (December)");
        if (m.Groups[3].Success)
        {
            var days = DateTime.DaysInMonth(year, month);
            var monthName = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);
            if (day < 1) return (null, $"{text} does not exist: the days of a month start at 01");
            if (day > days)
                return (null, $"{text} does not exist: {monthName} {(month == 2 ? $"{year:D4} " : "")}has {days} days");
        }
        return (new HistoryDate(text, year, month, day, null), null);
    }

    /// <summary>Readable form: "1796", "March 1796", "14 March 1796", "1790–1800".</summary>
    public string Display => EndYear is { } end ? $"{Year}–{end}"
        : Day > 0 ? new DateOnly(Year, Month, Day).ToString("d MMMM yyyy", CultureInfo.InvariantCulture)
        : Month > 0 ? new DateOnly(Year, Month, 1).ToString("MMMM yyyy", CultureInfo.InvariantCulture)
        : Year.ToString(CultureInfo.InvariantCulture);

    public int CompareTo(HistoryDate? other) =>
        other is null ? 1 : (Year, Month, Day, EndYear ?? Year).CompareTo((other.Year, other.Month, other.Day, other.EndYear ?? other.Year));
}
