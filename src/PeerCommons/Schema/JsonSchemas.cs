using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PeerCommons.Model;
using PeerCommons.Validate;
using PeerCommons.Write;

namespace PeerCommons.Schema;

/// <summary>
/// One JSON Schema (draft 2020-12) per kind, describing the front matter as YAML reads it: written
/// from <see cref="ContentSchema"/> and <see cref="FieldHelp"/> so that editors and forms can check
/// an entry's fields without the generator. Rules that need the whole site (whether a key exists,
/// whether a date is real) are left to <c>peercommons check</c>.
/// </summary>
public static class JsonSchemas
{
    public const string Draft = "https://json-schema.org/draft/2020-12/schema";

    /// <summary>The file name of a kind's schema, such as project.schema.json.</summary>
    public static string FileName(EntryKind kind) => $"{kind.ToString().ToLowerInvariant()}.schema.json";

    /// <summary>Every kind's schema by file name, in the order of <see cref="EntryKind"/>.</summary>
    public static IEnumerable<(string FileName, string Json)> All() =>
        Enum.GetValues<EntryKind>().Select(kind => (FileName(kind), For(kind)));

    /// <summary>Writes every schema into the site under schema/, for editors and forms that check an entry before it is sent.</summary>
    public static void Publish(IOutputSink sink)
    {
        foreach (var (name, json) in All()) sink.Write("schema/" + name, Encoding.UTF8.GetBytes(json));
    }

    /// <summary>The schema of one kind, as indented JSON with '\n' line ends (byte-identical on every platform).</summary>
    public static string For(EntryKind kind)
    {
        var fields = ContentSchema.For(kind).Values.ToList();
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", Draft);
            json.WriteString("title", $"{kind.Label()} front matter");
            json.WriteString("description", $"The fields between the two '---' lines at the top of a {kind.Label().ToLowerInvariant()} file ({ContentModelText.Layout(kind)}).");
            json.WriteString("type", "object");
            json.WriteStartArray("required");
            foreach (var spec in fields.Where(f => f.Required)) json.WriteStringValue(spec.Name);
            json.WriteEndArray();
            json.WriteBoolean("additionalProperties", false);
            json.WriteStartObject("properties");
            foreach (var spec in fields)
            {
                json.WriteStartObject(spec.Name);
                json.WriteString("description", FieldHelp.Meaning(kind, spec.Name) ?? spec.Name);
                if (spec.Required) WriteValue(json, spec);
                else
                {
                    // An optional field may be left empty ("field:" with nothing after it).
                    json.WriteStartArray("anyOf");
                    json.WriteStartObject();
                    WriteValue(json, spec);
                    json.WriteEndObject();
                    json.WriteStartObject();
                    json.WriteString("type", "null");
                    json.WriteEndObject();
                    json.WriteEndArray();
                }
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteValue(Utf8JsonWriter json, FieldSpec spec)
    {
        switch (spec.Type)
        {
            case FieldType.Text:
                json.WriteString("type", "string");
                json.WriteNumber("minLength", 1);
                if (spec.MaxLength > 0) json.WriteNumber("maxLength", spec.MaxLength);
                break;
            case FieldType.Bool:
                json.WriteString("type", "boolean");
                break;
            case FieldType.Int:
                json.WriteString("type", "integer");
                json.WriteNumber("minimum", 1);
                json.WriteNumber("maximum", 99_999);
                break;
            case FieldType.Year:
                WriteYearOrText(json, 2999, "^[12][0-9]{3}$");
                break;
            case FieldType.Date:
                json.WriteString("type", "string");
                json.WriteString("format", "date");
                json.WriteString("pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
                break;
            case FieldType.HistoryDate:
                WriteYearOrText(json, 9999, "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$|^[0-9]{4}/[0-9]{4}$");
                break;
            case FieldType.Url:
                json.WriteString("type", "string");
                json.WriteString("format", "uri");
                json.WriteString("pattern", "^https?://");
                break;
            case FieldType.Enum:
                WriteEnum(json, spec.Allowed!);
                break;
            case FieldType.TextList or FieldType.SlugList or FieldType.KeyList or FieldType.EnumList:
                json.WriteString("type", "array");
                if (spec.Name == "tags") json.WriteNumber("maxItems", ContentSchema.MaxTags);
                json.WriteStartObject("items");
                WriteItem(json, spec);
                json.WriteEndObject();
                break;
            default:
                throw new InvalidOperationException($"no JSON Schema for field type {spec.Type}");
        }
    }

    /// <summary>YAML reads 2009 as a number and "2009" (or 2009-03) as text; check accepts both.</summary>
    private static void WriteYearOrText(Utf8JsonWriter json, int maximumYear, string textPattern)
    {
        json.WriteStartArray("anyOf");
        json.WriteStartObject();
        json.WriteString("type", "integer");
        json.WriteNumber("minimum", 1000);
        json.WriteNumber("maximum", maximumYear);
        json.WriteEndObject();
        json.WriteStartObject();
        json.WriteString("type", "string");
        json.WriteString("pattern", textPattern);
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WriteItem(Utf8JsonWriter json, FieldSpec spec)
    {
        switch (spec.Type)
        {
            case FieldType.SlugList:
                json.WriteString("type", "string");
                json.WriteString("pattern", Slugs.Pattern);
                json.WriteNumber("maxLength", Slugs.MaxLength);
                break;
            case FieldType.KeyList:
                json.WriteString("type", "string");
                json.WriteString("pattern", "^[a-z]+/[a-z0-9-]+(/[a-z0-9-]+)?$");
                break;
            case FieldType.EnumList:
                WriteEnum(json, spec.Allowed!);
                break;
            default:
                // YAML reads a bare number or true as such; any single value is text to the site.
                json.WriteStartArray("type");
                foreach (var type in new[] { "string", "number", "boolean" }) json.WriteStringValue(type);
                json.WriteEndArray();
                json.WriteNumber("minLength", 1);
                break;
        }
    }

    private static void WriteEnum(Utf8JsonWriter json, IEnumerable<string> allowed)
    {
        json.WriteString("type", "string");
        json.WriteStartArray("enum");
        foreach (var value in allowed) json.WriteStringValue(value);
        json.WriteEndArray();
    }
}
