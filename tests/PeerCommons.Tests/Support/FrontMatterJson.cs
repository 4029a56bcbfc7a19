using System.Globalization;
using System.Text.Json.Nodes;
using PeerCommons.Load;
using PeerCommons.Model;

namespace PeerCommons.Tests.Support;

/// <summary>
/// Front matter as JSON, the way a YAML 1.2 reader (core schema) types it: unquoted true/false are
/// booleans, unquoted integers numbers, empty or ~/null nulls, and everything else text. This is what
/// an editor or a form validating against the published JSON Schemas sees.
/// </summary>
public static class FrontMatterJson
{
    public static JsonNode? From(YNode node) => node switch
    {
        YMapping mapping => new JsonObject(mapping.Entries.Select(e => KeyValuePair.Create(e.Key.Value, From(e.Value)))),
        YSequence sequence => new JsonArray(sequence.Items.Select(From).ToArray()),
        YScalar scalar => Scalar(scalar),
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    private static JsonNode? Scalar(YScalar scalar)
    {
        if (scalar.Quoted) return JsonValue.Create(scalar.Value);
        if (scalar.IsNull) return null;
        if (scalar.Value is "true" or "false") return JsonValue.Create(scalar.Value == "true");
        if (long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)) return JsonValue.Create(number);
        return JsonValue.Create(scalar.Value);
    }
}
