using System.Globalization;
using PeerCommons.Diagnostics;
using PeerCommons.Model;
using PeerCommons.Validate;

namespace PeerCommons.Load;

/// <summary>Reads site.yaml's crisis_lines: a list of {region, name, contact, url, note, checked}.</summary>
public static class CrisisLinesReader
{
    private static readonly string[] Known = ["region", "name", "contact", "url", "note", "checked"];
    private static readonly string[] Required = ["region", "name", "checked"];

    public static IReadOnlyList<CrisisLine> Read(YEntry entry, string path, DiagnosticBag diagnostics)
    {
        if (entry.Value is not YSequence list)
        {
            diagnostics.Error(path, entry.Key.Line, entry.Key.Column, Codes.WrongType,
                "'crisis_lines' must be a list: each line starts with '- region: ...' followed by name, contact and checked");
            return [];
        }
        var lines = new List<CrisisLine>();
        foreach (var item in list.Items)
        {
            if (item is not YMapping fields)
            {
                diagnostics.Error(path, item.Line, item.Column, Codes.WrongType,
                    "each crisis line must have indented fields: region, name, contact, checked (and url, note if useful)");
                continue;
            }
            if (Read(fields, path, diagnostics) is { } line) lines.Add(line);
        }
        return lines;
    }

    private static CrisisLine? Read(YMapping fields, string path, DiagnosticBag diagnostics)
    {
        var ok = true;
        foreach (var unknown in fields.Entries.Where(f => !Known.Contains(f.Key.Value)))
        {
            diagnostics.Error(path, unknown.Key.Line, unknown.Key.Column, Codes.UnknownField,
                $"unknown field '{unknown.Key.Value}' in a crisis line{Suggest.DidYouMean(unknown.Key.Value, Known)}");
            ok = false;
        }
        foreach (var missing in Required.Where(n => fields.Find(n) is null))
        {
            diagnostics.Error(path, fields.Line, fields.Column, Codes.MissingField,
                $"this crisis line has no '{missing}'; every line needs region, name, checked (the month you confirmed it, YYYY-MM) and a contact number or url");
            ok = false;
        }
        if (fields.Find("contact") is null && fields.Find("url") is null)
        {
            diagnostics.Error(path, fields.Line, fields.Column, Codes.MissingField,
                "this crisis line has neither 'contact' (the number to call or text) nor 'url' (a directory of lines); give at least one");
            ok = false;
        }
        string? Text(string field)
        {
            var node = fields.Find(field)?.Value;
            if (node is null) return null;
            if (node is YScalar { IsNull: false } s && s.Value.Trim().Length > 0) return s.Value.Trim();
            diagnostics.Error(path, node.Line, node.Column, Codes.WrongType, $"'{field}' of a crisis line must be a single non-empty value");
            ok = false;
            return null;
        }

        var contact = Text("contact");
        if (contact is not null && !contact.Any(char.IsAsciiDigit))
        {
            var node = fields.Find("contact")!.Value;
            diagnostics.Error(path, node.Line, node.Column, Codes.WrongType,
                $"'contact' of a crisis line must be the number to call or text, such as \"116 123\", not '{contact}'");
            ok = false;
        }
        var url = Text("url");
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == "https"))
        {
            var node = fields.Find("url")!.Value;
            diagnostics.Error(path, node.Line, node.Column, Codes.InvalidUrl, $"'url' of a crisis line must be a full address starting with https://, not '{url}'");
            ok = false;
        }
        var checkedMonth = Text("checked");
        if (checkedMonth is not null && !DateOnly.TryParseExact(checkedMonth + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            var node = fields.Find("checked")!.Value;
            diagnostics.Error(path, node.Line, node.Column, Codes.InvalidDate,
                $"'checked' must be the year and month you confirmed the number, written YYYY-MM such as 2026-11, not '{checkedMonth}'");
            ok = false;
        }
        var region = Text("region");
        var name = Text("name");
        var note = Text("note");
        return ok && region is not null && name is not null && checkedMonth is not null
            ? new CrisisLine(region, name, contact, url, note, checkedMonth)
            : null;
    }
}
