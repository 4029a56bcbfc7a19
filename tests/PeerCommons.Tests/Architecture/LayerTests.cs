using System.Text.RegularExpressions;
using ArchUnitNET.Domain;
using ArchUnitNET.Fluent;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;
using Assembly = System.Reflection.Assembly;

namespace PeerCommons.Tests.Architecture;

/// <summary>
/// The folders of src/PeerCommons are layers: each may use the layers below it and none above it,
/// so the build's stages can be read, tested and replaced from the bottom up. The table is the one
/// in docs/architecture.md; change both together.
/// </summary>
public class LayerTests
{
    /// <summary>Bottom to top. A layer is the namespaces listed and everything under them.</summary>
    private static readonly (string Name, string[] Namespaces)[] Layers =
    [
        ("Diagnostics", ["PeerCommons.Diagnostics"]),
        ("Model", ["PeerCommons.Model"]),
        ("Markdown", ["PeerCommons.Markdown"]),
        ("Validate", ["PeerCommons.Validate"]),
        ("Load", ["PeerCommons.Load"]),
        ("Write", ["PeerCommons.Write"]),
        ("Render", ["PeerCommons.Render"]),
        ("Index", ["PeerCommons.Index"]),
        ("Content tools", ["PeerCommons.Ownership", "PeerCommons.Scaffold", "PeerCommons.Schema"]),
        ("Engine", ["PeerCommons.Engine", "PeerCommons.Pipeline"]),
        ("Serve", ["PeerCommons.Serve"]),
        // Program.cs, the entry point, is in the global namespace.
        ("Cli", ["PeerCommons.Cli", ""]),
    ];

    private static readonly Assembly Program = typeof(PeerCommons.Model.Entry).Assembly;

    // The search library is found through the program's references, so no test names one of its types.
    private static readonly Assembly SearchLibrary =
        Assembly.Load(Program.GetReferencedAssemblies().Single(name => name.Name == "PeerCommons.Search"));

    private static readonly ArchUnitNET.Domain.Architecture ProgramArchitecture =
        new ArchLoader().LoadAssemblies(Program).Build();

    /// <summary>Every layer but the top one, which has nothing above it.</summary>
    public static TheoryData<string> LayerNames() => new(Layers[..^1].Select(layer => layer.Name));

    [Theory]
    [MemberData(nameof(LayerNames))]
    public void A_layer_uses_no_layer_above_it(string name)
    {
        var index = Array.FindIndex(Layers, layer => layer.Name == name);
        var above = Layers[(index + 1)..];
        var upper = Types().That().ResideInNamespaceMatching(Pattern(above.SelectMany(layer => layer.Namespaces)))
            .As("the layers above it (" + string.Join(", ", above.Select(layer => layer.Name)) + ")");

        Types().That().ResideInNamespaceMatching(Pattern(Layers[index].Namespaces)).And().ResideInAssembly(Program)
            .Should().NotDependOnAny(upper)
            .Because($"{name} sits below them in docs/architecture.md; move the type to the layer it belongs to, or pass what it needs down as a delegate or interface")
            .Check(ProgramArchitecture);
    }

    [Fact]
    public void Every_namespace_of_the_program_belongs_to_a_layer()
    {
        var unassigned = ProgramArchitecture.Types
            .Where(type => !Layers.Any(layer => Regex.IsMatch(type.Namespace.FullName, Pattern(layer.Namespaces))))
            .Select(type => type.Namespace.FullName)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(unassigned.Count == 0,
            "These namespaces belong to no layer; add them to LayerTests.Layers and the table in docs/architecture.md: "
            + string.Join(", ", unassigned));
    }

    public static TheoryData<string> PeerFolders() =>
        new(Layers.Where(layer => layer.Name == "Content tools").SelectMany(layer => layer.Namespaces));

    /// <summary>Folders that share a layer are peers: none uses another, so no two of them can go round in a circle.</summary>
    [Theory]
    [MemberData(nameof(PeerFolders))]
    public void A_content_tool_uses_no_other(string folder)
    {
        var peers = Layers.Single(layer => layer.Name == "Content tools").Namespaces.Where(ns => ns != folder).ToArray();

        Types().That().ResideInNamespaceMatching(Pattern([folder]))
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(Pattern(peers)).As(string.Join(", ", peers)))
            .Because("the content tools are built side by side from the content model; what two of them share belongs in a layer below")
            .Check(ProgramArchitecture);
    }

    [Fact]
    public void The_search_library_uses_no_other_PeerCommons_code()
    {
        // A reference to the program itself would be circular, which the compiler refuses; this also
        // keeps out any code shared with it, so the library stays a tool of its own (bench/, the CLI's
        // search-index command) that depends on nothing but .NET.
        var architecture = new ArchLoader().LoadAssemblies(SearchLibrary).Build();

        Types().That().ResideInAssembly(SearchLibrary)
            .Should().NotDependOnAnyTypesThat().ResideInNamespaceMatching(@"^PeerCommons(?!\.Search(\.|$))")
            .Because("PeerCommons.Search is a library the program uses, never the other way round")
            .Check(architecture);
    }

    /// <summary>A regular expression for these namespaces and those under them ("" is the global namespace).</summary>
    private static string Pattern(IEnumerable<string> namespaces) =>
        "^(" + string.Join("|", namespaces.Select(ns => ns.Length == 0 ? "" : Regex.Escape(ns) + @"(\..+)?")) + ")$";
}
