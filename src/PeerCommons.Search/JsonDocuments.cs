using System.Text;
using System.Text.Json;

namespace PeerCommons.Search;

/// <summary>Reads a JSON array of documents and converts values the way lunr.js converts them.</summary>
internal static class JsonDocuments
{
    public static void AddAll(LunrIndexBuilder builder, ReadOnlySpan<byte> utf8Json, string refField, string? boostField)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            throw new InvalidDataException("The input must be a JSON array of documents (objects), e.g. [{\"id\": \"1\", \"title\": \"...\"}]");

        var fields = builder.FieldOrder;
        var inputs = new FieldInput[fields.Count];
        int index = 0;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndArray) break;
            if (reader.TokenType != JsonTokenType.StartObject)
                throw new InvalidDataException($"Document #{index} (0-based) is a JSON {Describe(reader.TokenType)}, not an object");
            using var doc = JsonDocument.ParseValue(ref reader);
            var root = doc.RootElement;

            if (!root.TryGetProperty(refField, out var refValue) || refValue.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
                throw new InvalidDataException($"Document #{index} (0-based) has no '{refField}' property to use as its reference");
            if (refValue.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                throw new InvalidDataException($"Document #{index} (0-based): the reference '{refField}' must be a string or a number");
            string reference = JsToString(refValue);

            for (int i = 0; i < fields.Count; i++)
            {
                if (!root.TryGetProperty(fields[i], out var v) || v.ValueKind == JsonValueKind.Null)
                {
                    inputs[i] = default;
                }
                else if (v.ValueKind == JsonValueKind.Array)
                {
                    var items = new string[v.GetArrayLength()];
                    int k = 0;
                    foreach (var item in v.EnumerateArray()) items[k++] = item.ValueKind == JsonValueKind.Null ? "" : JsToString(item);
                    inputs[i] = new FieldInput(items);
                }
                else
                {
                    inputs[i] = new FieldInput(JsToString(v));
                }
            }

            double boost = 1;
            if (boostField is not null && root.TryGetProperty(boostField, out var b) && b.ValueKind != JsonValueKind.Null)
            {
                if (b.ValueKind != JsonValueKind.Number)
                    throw new InvalidDataException($"Document #{index} (0-based): the boost '{boostField}' must be a number");
                boost = b.GetDouble();
            }
            builder.AddInputs(reference, inputs, boost);
            index++;
        }
    }

    /// <summary>JavaScript's <c>String(value)</c> for a JSON value.</summary>
    internal static string JsToString(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString()!,
        JsonValueKind.Number => JsMath.FormatNumber(e.GetDouble()),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        JsonValueKind.Object => "[object Object]",
        JsonValueKind.Array => string.Join(",", e.EnumerateArray().Select(x => x.ValueKind is JsonValueKind.Null ? "" : JsToString(x))),
        _ => "",
    };

    private static string Describe(JsonTokenType t) => t switch
    {
        JsonTokenType.StartArray => "array",
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True or JsonTokenType.False => "boolean",
        JsonTokenType.Null => "null",
        _ => t.ToString(),
    };
}
