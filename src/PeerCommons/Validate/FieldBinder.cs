using System.Globalization;
using PeerCommons.Diagnostics;
using PeerCommons.Model;

namespace PeerCommons.Validate;

/// <summary>
/// Checks a front-matter mapping against <see cref="ContentSchema"/> and converts each field to
/// its typed value. Reports every problem found (not just the first) with the key's position.
/// </summary>
public static class FieldBinder
{
    public static Dictionary<string, object> Bind(YMapping frontMatter, IReadOnlyDictionary<string, FieldSpec> schema,
        string path, DiagnosticBag diagnostics)
    {
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, node) in frontMatter.Entries.Select(e => (e.Key, e.Value)))
        {
            if (!schema.TryGetValue(key.Value, out var spec))
            {
                diagnostics.Error(path, key.Line, key.Column, Codes.UnknownField,
                    $"unknown field '{key.Value}'{Suggest.DidYouMean(key.Value, schema.Keys)}");
                continue;
            }
            if (node is YScalar { IsNull: true })
            {
                if (spec.Required)
                    diagnostics.Error(path, key.Line, key.Column, Codes.EmptyValue, $"'{spec.Name}' is empty; give it a value");
                continue;
            }
            var value = Convert(spec, key, node, path, diagnostics);
            if (value is not null) values[spec.Name] = value;
        }

        foreach (var spec in schema.Values.Where(s => s.Required))
        {
            if (frontMatter.Find(spec.Name) is null)
                diagnostics.Error(path, frontMatter.Line, 1, Codes.MissingField,
                    $"missing required field '{spec.Name}'; add a line '{spec.Name}: ...' to the front matter");
        }
        return values;
    }

    private static object? Convert(FieldSpec spec, YScalar key, YNode node, string path, DiagnosticBag diagnostics)
    {
        switch (spec.Type)
        {
            case FieldType.TextList:
            case FieldType.SlugList:
            case FieldType.KeyList:
            case FieldType.EnumList:
                return ConvertList(spec, key, node, path, diagnostics);
        }

        if (node is not YScalar scalar)
        {
            diagnostics.Error(path, node.Line, node.Column, Codes.WrongType,
                $"'{spec.Name}' must be a single value, not a {(node is YSequence ? "list" : "mapping")}");
            return null;
        }
        var text = scalar.Value.Trim();
        switch (spec.Type)
        {
            case FieldType.Text:
                if (text.Length == 0)
                {
                    diagnostics.Error(path, scalar.Line, scalar.Column, Codes.EmptyValue, $"'{spec.Name}' is empty; give it a value");
                    return null;
                }
                if (spec.MaxLength > 0 && text.Length > spec.MaxLength)
                    diagnostics.Error(path, scalar.Line, scalar.Column, Codes.TooLong,
                        $"'{spec.Name}' is {text.Length} characters long; shorten it to at most {spec.MaxLength}");
                return text;
            case FieldType.Bool:
                if (!scalar.Quoted && text is "true" or "false") return text == "true";
                diagnostics.Error(path, scalar.Line, scalar.Column, Codes.WrongType, $"'{spec.Name}' must be true or false, not '{Short(text)}'");
                return null;
            case FieldType.Int:
                if (!scalar.Quoted && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 && number < 100_000) return number;
                diagnostics.Error(path, scalar.Line, scalar.Column, Codes.WrongType, $"'{spec.Name}' must be a whole number such as 90, not '{Short(text)}'");
                return null;
            case FieldType.Year:
                if (text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1000 and <= 2999) return year;
                diagnostics.Error(path, scalar.Line, scalar.Column, Codes.InvalidDate, $"'{spec.Name}' must be a year such as 2009, not '{Short(text)}'");
                return null;
            case FieldType.Date:
                if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
                diagnostics.Error(path, scalar.Line, scalar.Column, Codes.InvalidDate, DateProblem.NonExistent(text) is { } reason
                    ? $"'{spec.Name}': {reason}" : $"'{spec.Name}' must be a date written YYYY-MM-DD, such as 2026-03-01, not '{Short(text)}'");
                return null;
            case FieldType.HistoryDate:
                var (historyDate, problem) = HistoryDate.Read(text);
                if (historyDate is not null) return historyDate;
                diagnostics.Error(path, scalar.Line, scalar.Column, Codes.InvalidDate, problem is not null
                    ? $"'{spec.Name}': {problem}"
                    : $"'{spec.Name}' must be YYYY, YYYY-MM, YYYY-MM-DD or a period YYYY/YYYY, not '{Short(text)}'");
                return null;
            case FieldType.Url:
                if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https") return text;
                diagnostics.Error(path, scalar.Line, scalar.Column, Codes.InvalidUrl, $"'{spec.Name}' must be a full web address starting with https://, not '{Short(text)}'");
                return null;
            case FieldType.Enum:
                if (spec.Allowed!.Contains(text)) return SharedStrings.Get(text);
                diagnostics.Error(path, scalar.Line, scalar.Column, Codes.NotInEnum,
                    $"'{spec.Name}' must be one of {string.Join(", ", spec.Allowed!)}, not '{Short(text)}'{Suggest.DidYouMean(text, spec.Allowed!)}");
                return null;
            default:
                throw new InvalidOperationException($"unhandled field type {spec.Type}");
        }
    }

    private static IReadOnlyList<string>? ConvertList(FieldSpec spec, YScalar key, YNode node, string path, DiagnosticBag diagnostics)
    {
        // A single value where a list is expected is a common slip; accept it as a one-item list.
        var items = node switch
        {
            YSequence sequence => sequence.Items,
            YScalar scalar => [scalar],
            _ => null,
        };
        if (items is null)
        {
            diagnostics.Error(path, node.Line, node.Column, Codes.WrongType, $"'{spec.Name}' must be a list such as [a, b]");
            return null;
        }
        if (spec.Name == "tags" && items.Count > ContentSchema.MaxTags)
        {
            diagnostics.Error(path, key.Line, key.Column, Codes.TooLong,
                $"'{spec.Name}' has {items.Count} items; keep it to at most {ContentSchema.MaxTags}");
            return null;
        }

        // An array, not a list: the entry keeps it for the whole build (eight list fields a project).
        // Its items are the few words thousands of entries share (tags, values, sources, formats).
        var result = new string[items.Count];
        var count = 0;
        foreach (var item in items)
        {
            if (item is not YScalar scalar || scalar.IsNull || scalar.Value.Trim().Length == 0)
            {
                diagnostics.Error(path, item.Line, item.Column, Codes.WrongType, $"each item of '{spec.Name}' must be a single non-empty value");
                continue;
            }
            var text = scalar.Value.Trim();
            switch (spec.Type)
            {
                case FieldType.SlugList when !Slugs.IsValid(text):
                    diagnostics.Error(path, scalar.Line, scalar.Column, Codes.InvalidSlug,
                        $"'{Short(text)}' in '{spec.Name}' must be lower-case words joined by hyphens, such as '{SuggestSlug(text)}'");
                    continue;
                case FieldType.EnumList when !spec.Allowed!.Contains(text):
                    diagnostics.Error(path, scalar.Line, scalar.Column, Codes.NotInEnum,
                        $"'{Short(text)}' in '{spec.Name}' must be one of {string.Join(", ", spec.Allowed!)}{Suggest.DidYouMean(text, spec.Allowed!)}");
                    continue;
            }
            result[count++] = SharedStrings.Get(text);
        }
        return count == result.Length ? result : result[..count];
    }

    private static string SuggestSlug(string text)
    {
        var chars = text.ToLowerInvariant().Select(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : '-').ToArray();
        var slug = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length == 0 ? "peer-support" : slug;
    }

    private static string Short(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
