using System.Text;
using PeerCommons.Diagnostics;
using PeerCommons.Load;
using PeerCommons.Model;
using PeerCommons.Tests.Support;

namespace PeerCommons.Tests.Unit;

public sealed class YamlTreeReaderTests
{
    private static (YNode? Root, DiagnosticBag Bag) Read(string yaml, int lineOffset = 1)
    {
        var bag = new DiagnosticBag();
        return (YamlTreeReader.Read(yaml, "f.md", lineOffset, bag), bag);
    }

    [Fact]
    public void Keys_and_list_items_carry_file_lines_after_the_opening_fence()
    {
        // As front matter, YAML line 1 is file line 2 (line 1 is the '---').
        var (root, bag) = Read("title: Mutuality\ntags:\n  - one\n  - two\nrelated: [a, b]\n");
        Assert.False(bag.HasErrors);
        var map = Assert.IsType<YMapping>(root);
        Assert.Equal((2, 1), (map.Line, map.Column));
        var title = map.Find("title")!;
        Assert.Equal((2, 1), (title.Key.Line, title.Key.Column));
        Assert.Equal((2, 8), (title.Value.Line, title.Value.Column));
        var tags = Assert.IsType<YSequence>(map.Find("tags")!.Value);
        Assert.Equal((3, 1), (map.Find("tags")!.Key.Line, map.Find("tags")!.Key.Column));
        Assert.Equal([(4, 5), (5, 5)], tags.Items.Select(i => (i.Line, i.Column)));
        var related = Assert.IsType<YSequence>(map.Find("related")!.Value);
        Assert.Equal([(6, 11), (6, 14)], related.Items.Select(i => (i.Line, i.Column)));
        Assert.Equal(["a", "b"], related.Items.Cast<YScalar>().Select(s => s.Value));
    }

    [Fact]
    public void Without_an_offset_lines_are_the_yaml_file_lines()
    {
        var (root, _) = Read("a: 1\nb: 2\n", lineOffset: 0);
        Assert.Equal(2, ((YMapping)root!).Find("b")!.Key.Line);
    }

    [Fact]
    public void Quoting_and_nulls_are_kept_apart()
    {
        var (root, _) = Read("a: ~\nb: \"\"\nc:\nd: 'null'\ne: null\n");
        var map = (YMapping)root!;
        Assert.True(((YScalar)map.Find("a")!.Value).IsNull);
        Assert.False(((YScalar)map.Find("b")!.Value).IsNull);
        Assert.True(((YScalar)map.Find("c")!.Value).IsNull);
        Assert.False(((YScalar)map.Find("d")!.Value).IsNull);
        Assert.True(((YScalar)map.Find("e")!.Value).IsNull);
    }

    [Fact]
    public void Aliases_are_refused_at_their_position()
    {
        var (root, bag) = Read("a: &x hello\nb: *x\n");
        Assert.Null(root);
        var d = Assert.Single(bag.Sorted());
        Assert.Equal((Codes.YamlAlias, 3, 4), (d.Code, d.Line, d.Column));
    }

    [Fact]
    public void Duplicate_keys_are_reported_and_the_first_is_kept()
    {
        var (root, bag) = Read("title: One\ntitle: Two\n");
        var d = Assert.Single(bag.Sorted());
        Assert.Equal((Codes.DuplicateYamlKey, 3, 1), (d.Code, d.Line, d.Column));
        Assert.Equal("One", ((YScalar)((YMapping)root!).Find("title")!.Value).Value);
    }

    [Fact]
    public void Malformed_yaml_is_a_diagnostic_with_a_file_line()
    {
        var (root, bag) = Read("title: ok\n  bad: indentation\n: x\n");
        Assert.Null(root);
        var d = Assert.Single(bag.Sorted());
        Assert.Equal(Codes.MalformedYaml, d.Code);
        Assert.InRange(d.Line, 2, 4);
    }

    [Fact]
    public void Deep_nesting_is_refused()
    {
        var yaml = string.Concat(Enumerable.Repeat("[", 40)) + string.Concat(Enumerable.Repeat("]", 40));
        var (root, bag) = Read("a: " + yaml + "\n");
        Assert.Null(root);
        Assert.Equal(Codes.MalformedYaml, Assert.Single(bag.Sorted()).Code);
    }

    [Fact]
    public void An_empty_document_is_null()
    {
        var (root, bag) = Read("");
        Assert.Null(root);
        Assert.False(bag.HasErrors);
    }
}

public sealed class FrontMatterSplitterTests
{
    private static (ContentFile? File, DiagnosticBag Bag) Split(string text)
    {
        var bag = new DiagnosticBag();
        return (FrontMatterSplitter.Split(text, "/x/f.md", "f.md", bag)?.File, bag);
    }

    [Fact]
    public void Splits_front_matter_and_body_and_knows_the_body_line()
    {
        var (file, bag) = Split("---\ntitle: T\nsummary: S\n---\nBody line\nmore\n");
        Assert.False(bag.HasErrors);
        Assert.NotNull(file);
        Assert.Equal("Body line\nmore\n", file.Body);
        Assert.Equal(5, file.BodyLine);
        Assert.Equal(2, file.FrontMatter.KeyOf("summary")!.Value.Line - 1);
        Assert.Equal("f.md", file.RelativePath);
    }

    [Fact]
    public void A_closing_fence_at_the_end_of_the_file_gives_an_empty_body()
    {
        var (file, _) = Split("---\ntitle: T\n---");
        Assert.NotNull(file);
        Assert.Equal("", file.Body);
    }

    [Fact]
    public void Trailing_spaces_on_fences_are_accepted()
    {
        var (file, bag) = Split("---  \ntitle: T\n---   \nB\n");
        Assert.False(bag.HasErrors);
        Assert.Equal("B\n", file!.Body);
    }

    [Fact]
    public void No_front_matter()
    {
        var (file, bag) = Split("# Heading\n");
        Assert.Null(file);
        Assert.Equal(Codes.NoFrontMatter, Assert.Single(bag.Sorted()).Code);
    }

    [Fact]
    public void Not_closed()
    {
        var (file, bag) = Split("---\ntitle: T\nbody\n");
        Assert.Null(file);
        var d = Assert.Single(bag.Sorted());
        Assert.Equal((Codes.FrontMatterNotClosed, 1, 1), (d.Code, d.Line, d.Column));
    }

    [Fact]
    public void Empty_front_matter_names_the_missing_fields()
    {
        var (file, bag) = Split("---\n---\nBody\n");
        Assert.Null(file);
        Assert.Equal(Codes.MissingField, Assert.Single(bag.Sorted()).Code);
    }

    [Fact]
    public void A_scalar_front_matter_is_not_a_mapping()
    {
        var (file, bag) = Split("---\njust text\n---\n");
        Assert.Null(file);
        var d = Assert.Single(bag.Sorted());
        Assert.Equal((Codes.FrontMatterNotMapping, 2, 1), (d.Code, d.Line, d.Column));
    }

    [Fact]
    public void Yaml_errors_point_at_file_lines()
    {
        var (file, bag) = Split("---\ntitle: T\nsummary: \"open\n---\n");
        Assert.Null(file);
        var d = Assert.Single(bag.Sorted());
        Assert.Equal(Codes.MalformedYaml, d.Code);
        Assert.Equal(3, d.Line);
    }
}

public sealed class TextFileReaderTests
{
    [Fact]
    public void Reads_utf8_strips_bom_and_normalises_crlf()
    {
        using var temp = new TempFolder();
        var path = temp.Path("a.md");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("---\r\ntitle: Māori\r\n---\r\n")]);
        var bag = new DiagnosticBag();
        Assert.Equal("---\ntitle: Māori\n---\n", TextFileReader.Read(path, "a.md", bag));
        Assert.False(bag.HasErrors);
    }

    [Fact]
    public void Lone_carriage_returns_end_lines_too_and_a_line_ending_in_two_counts_as_two_lines()
    {
        using var temp = new TempFolder();
        var path = temp.Path("a.md");
        File.WriteAllText(path, "---\rtitle: Old Mac\r\r\n---\r\nBody\r");
        var bag = new DiagnosticBag();
        Assert.Equal("---\ntitle: Old Mac\n\n---\nBody\n", TextFileReader.Read(path, "a.md", bag));
        using var pooled = TextFileReader.ReadPooled(path, "a.md", bag);
        Assert.Equal("---\ntitle: Old Mac\n\n---\nBody\n", pooled!.Span.ToString());
        Assert.False(bag.HasErrors);
    }

    [Fact]
    public void Invalid_utf8_is_reported_at_the_bad_byte()
    {
        using var temp = new TempFolder();
        var path = temp.Path("a.md");
        File.WriteAllBytes(path, [.. "ab\ncd"u8.ToArray(), 0xFF, .. "e\n"u8.ToArray()]);
        var bag = new DiagnosticBag();
        Assert.Null(TextFileReader.Read(path, "a.md", bag));
        var d = Assert.Single(bag.Sorted());
        Assert.Equal((Codes.NotUtf8, 2, 3), (d.Code, d.Line, d.Column));
    }

    [Fact]
    public void Whitespace_only_is_empty()
    {
        using var temp = new TempFolder();
        var path = temp.Write("a.md", " \n\n\t");
        var bag = new DiagnosticBag();
        Assert.Null(TextFileReader.Read(path, "a.md", bag));
        Assert.Equal(Codes.EmptyFile, Assert.Single(bag.Sorted()).Code);
    }
}
