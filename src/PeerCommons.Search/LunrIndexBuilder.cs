using System.Text;

namespace PeerCommons.Search;

/// <summary>
/// Builds a search index in the serialized format of lunr.js 2.3.9, so that <c>lunr.Index.load</c> accepts it.
/// Mirrors <c>lunr.Builder</c> with the default pipeline (trimmer, English stop-word filter, Porter stemmer)
/// and the default search pipeline (stemmer).
/// </summary>
/// <remarks>
/// Declare the reference field, the fields (with optional boosts) and the metadata whitelist first, then add
/// documents, then call <see cref="Build"/> once. Not thread-safe.
/// </remarks>
public sealed class LunrIndexBuilder
{
    private readonly List<(string Name, double Boost)> _declaredFields = [];
    private readonly List<string> _metadataWhitelist = [];
    private string _ref = "id";
    private double _b = 0.75;
    private double _k1 = 1.2;
    private TrimmerMode _trimmer = TrimmerMode.Unicode;

    // --- state, created on the first Add ---
    private IndexData? _data;
    private bool _built;

    /// <summary>The document field used as the document reference (lunr's <c>ref</c>); default <c>"id"</c>.</summary>
    public string Ref
    {
        get => _ref;
        set { EnsureNotStarted(); _ref = value ?? throw new ArgumentNullException(nameof(value)); }
    }

    /// <summary>BM25 field-length normalisation, clamped to [0, 1] as lunr does; default 0.75.</summary>
    public double B
    {
        get => _b;
        set { EnsureNotStarted(); _b = value < 0 ? 0 : value > 1 ? 1 : value; }
    }

    /// <summary>BM25 term-frequency saturation; default 1.2.</summary>
    public double K1
    {
        get => _k1;
        set { EnsureNotStarted(); _k1 = value; }
    }

    /// <summary>How tokens are trimmed; <see cref="TrimmerMode.Unicode"/> by default (see README: the one
    /// deliberate difference from lunr.js).</summary>
    public TrimmerMode Trimmer
    {
        get => _trimmer;
        set { EnsureNotStarted(); _trimmer = value; }
    }

    /// <summary>Metadata keys stored in the index for each term occurrence (lunr's <c>metadataWhitelist</c>):
    /// <c>"position"</c> ([start, length] in the lower-cased field text), <c>"index"</c> (token number in the
    /// field) or <c>"fields"</c>. Empty by default, as in lunr.</summary>
    public IList<string> MetadataWhitelist => _data is null ? _metadataWhitelist : _metadataWhitelist.AsReadOnly();

    /// <summary>Adds a field to index (lunr's <c>field(name, { boost })</c>). All fields must be declared
    /// before the first document is added.</summary>
    /// <exception cref="ArgumentException">The name is empty, contains '/' or is "_index".</exception>
    public LunrIndexBuilder Field(string name, double boost = 1)
    {
        ArgumentNullException.ThrowIfNull(name);
        EnsureNotStarted();
        if (name.Contains('/')) throw new ArgumentException($"Field '{name}' contains illegal character '/'", nameof(name));
        if (name == "_index") throw new ArgumentException("Field name '_index' is reserved by the lunr index format", nameof(name));
        int existing = _declaredFields.FindIndex(f => f.Name == name);
        if (existing >= 0) _declaredFields[existing] = (name, boost);
        else _declaredFields.Add((name, boost));
        return this;
    }

    /// <summary>Adds a document: its reference is <c>document[Ref]</c>, each declared field is read from it
    /// (missing or null fields index nothing). <paramref name="boost"/> is lunr's document boost.</summary>
    public void Add(IReadOnlyDictionary<string, string?> document, double boost = 1)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!document.TryGetValue(_ref, out var reference) || reference is null)
            throw new ArgumentException($"Document has no value for the reference field '{_ref}'", nameof(document));
        Add(reference, document, boost);
    }

    /// <summary>Adds a document with an explicit reference; each declared field is read from
    /// <paramref name="fields"/>.</summary>
    public void Add(string reference, IReadOnlyDictionary<string, string?> fields, double boost = 1)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(fields);
        var data = Start();
        var inputs = data.FieldInputScratch;
        for (int i = 0; i < data.Fields.Length; i++)
        {
            inputs[i] = fields.TryGetValue(data.Fields[i].Name, out var v) ? new FieldInput(v) : default;
        }
        data.AddDocument(reference, inputs, boost);
    }

    /// <summary>Adds a document whose field texts are given in the order the fields were declared (missing
    /// trailing fields index nothing). For callers that index many documents: the texts may be slices of a
    /// buffer they reuse, since they are read only during this call (PeerCommons's site index joined each
    /// summary and body into a new string for the old overload, 153 MB at 10,000 entries).</summary>
    public void Add(string reference, ReadOnlySpan<ReadOnlyMemory<char>> fieldTexts, double boost = 1)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var data = Start();
        if (fieldTexts.Length > data.Fields.Length)
            throw new ArgumentException($"{fieldTexts.Length} field texts for {data.Fields.Length} declared fields", nameof(fieldTexts));
        var inputs = data.FieldInputScratch;
        for (int i = 0; i < data.Fields.Length; i++) inputs[i] = i < fieldTexts.Length ? new FieldInput(fieldTexts[i]) : default;
        data.AddDocument(reference, inputs, boost);
    }

    /// <summary>Used by the JSON reader: field values already converted the way lunr converts them.</summary>
    internal void AddInputs(string reference, ReadOnlySpan<FieldInput> inputs, double boost)
    {
        var data = Start();
        data.AddDocument(reference, inputs, boost);
    }

    /// <summary>The fields in the order lunr enumerates them (the order of <c>Object.keys</c>).</summary>
    internal IReadOnlyList<string> FieldOrder => Start().Fields.Select(f => f.Name).ToList();

    internal int FieldIndex(string name)
    {
        var fields = Start().Fields;
        for (int i = 0; i < fields.Length; i++) if (fields[i].Name == name) return i;
        return -1;
    }

    /// <summary>Number of documents added so far (duplicates counted, as lunr does).</summary>
    public int DocumentCount => _data?.DocumentCount ?? 0;

    /// <summary>Computes the field vectors and returns the index. Call once, after all documents are added.</summary>
    public LunrIndex Build()
    {
        if (_built) throw new InvalidOperationException("Build has already been called on this builder");
        var data = Start();
        _built = true;
        return data.Build();
    }

    private IndexData Start()
    {
        if (_built) throw new InvalidOperationException("The index has already been built");
        if (_data is not null) return _data;
        if (_declaredFields.Count == 0) throw new InvalidOperationException("Declare at least one field before adding documents");
        _data = new IndexData(_declaredFields, _metadataWhitelist, _b, _k1, _trimmer);
        return _data;
    }

    private void EnsureNotStarted()
    {
        if (_data is not null) throw new InvalidOperationException("The builder must be configured before the first document is added");
    }

    /// <summary>Reads a JSON array of documents (objects) and adds each, converting values as lunr does
    /// (<c>toString</c> for numbers and booleans, one token per element for arrays).</summary>
    /// <param name="utf8Json">The JSON text, UTF-8.</param>
    /// <param name="refField">The property holding each document's reference (string or number).</param>
    /// <param name="fields">Fields to index with their boosts.</param>
    /// <param name="boostField">Optional property holding a per-document boost (number).</param>
    /// <param name="configure">Optional extra configuration (metadata whitelist, trimmer) applied before adding.</param>
    /// <exception cref="InvalidDataException">The JSON is not an array of objects, or a document lacks its reference.</exception>
    /// <exception cref="System.Text.Json.JsonException">The text is not valid JSON.</exception>
    public static LunrIndexBuilder FromJsonDocuments(ReadOnlySpan<byte> utf8Json, string refField, IEnumerable<FieldSpec> fields,
        string? boostField = null, Action<LunrIndexBuilder>? configure = null)
    {
        var builder = new LunrIndexBuilder { Ref = refField };
        foreach (var f in fields) builder.Field(f.Name, f.Boost);
        configure?.Invoke(builder);
        JsonDocuments.AddAll(builder, utf8Json, refField, boostField);
        return builder;
    }

    /// <inheritdoc cref="FromJsonDocuments(ReadOnlySpan{byte}, string, IEnumerable{FieldSpec}, string?, Action{LunrIndexBuilder}?)"/>
    public static LunrIndexBuilder FromJsonDocuments(Stream utf8Json, string refField, IEnumerable<FieldSpec> fields,
        string? boostField = null, Action<LunrIndexBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        byte[] bytes;
        if (utf8Json is MemoryStream ms && ms.TryGetBuffer(out var seg))
        {
            return FromJsonDocuments(seg.AsSpan((int)ms.Position), refField, fields, boostField, configure);
        }
        using (var copy = new MemoryStream())
        {
            utf8Json.CopyTo(copy);
            bytes = copy.ToArray();
        }
        return FromJsonDocuments(bytes, refField, fields, boostField, configure);
    }
}

/// <summary>A field to index and its boost, e.g. parsed from <c>"title:10"</c>.</summary>
public readonly record struct FieldSpec(string Name, double Boost = 1)
{
    /// <summary>Parses <c>name</c> or <c>name:boost</c> (boost a positive number).</summary>
    /// <exception cref="FormatException">The spec is malformed.</exception>
    public static FieldSpec Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        int colon = spec.LastIndexOf(':');
        string name = colon < 0 ? spec : spec[..colon];
        double boost = 1;
        if (colon >= 0)
        {
            var text = spec[(colon + 1)..];
            if (!double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out boost)
                || !double.IsFinite(boost) || boost <= 0)
                throw new FormatException($"Invalid field boost '{text}' in '{spec}': expected a positive number, as in title:10");
        }
        if (name.Length == 0) throw new FormatException($"Invalid field '{spec}': the field name is empty");
        if (name.Contains('/')) throw new FormatException($"Invalid field '{spec}': a field name cannot contain '/'");
        if (name == "_index") throw new FormatException("Invalid field '_index': the name is reserved by the lunr index format");
        return new FieldSpec(name, boost);
    }
}

/// <summary>A field value as lunr sees it: a string (tokenized) or an array (one token per element).</summary>
internal readonly struct FieldInput
{
    /// <summary>The text to tokenize when there are no <see cref="Items"/>. A missing field is empty text:
    /// lunr's tokenizer gives no token for null as for "", and the field's length is 0 either way.</summary>
    public readonly ReadOnlyMemory<char> Text;
    public readonly string[]? Items;

    public FieldInput(string? text) { Text = text.AsMemory(); Items = null; }
    public FieldInput(ReadOnlyMemory<char> text) { Text = text; Items = null; }
    public FieldInput(string[] items) { Text = default; Items = items; }
}
