using System.Text.RegularExpressions;
using PeerCommons.Model;

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
        // History dates own the calendar rule and its wording, so a full date reads the same in every field.
        return Shape().IsMatch(text) ? HistoryDate.Read(text).Problem : null;
    }
}
