using System.Text.Json;
using Json.Schema;
using PeerCommons.Cli;
using PeerCommons.Diagnostics;
using PeerCommons.Load;
using PeerCommons.Model;
using PeerCommons.Schema;
using PeerCommons.Tests.Support;

namespace PeerCommons.Tests.Content;

/// <summary>
/// The content model the project owns: docs/content-model.md is what `peercommons schema` writes, the
/// JSON Schemas accept every starter entry and refuse what check refuses, and the site publishes them.
/// </summary>
public sealed class ContentModelTests
{
    private static readonly string Docs = Repo.Path("docs", "content-model.md");

    private static JsonSchema SchemaOf(EntryKind kind) =>
        JsonSchema.FromText(JsonSchemas.For(kind), new BuildOptions { SchemaRegistry = new SchemaRegistry() },
            new Uri($"https://peercommons.test/schema/{JsonSchemas.FileName(kind)}"));

    private static EvaluationResults Evaluate(EntryKind kind, YMapping frontMatter)
    {
        var json = FrontMatterJson.From(frontMatter)!.ToJsonString();
        using var document = JsonDocument.Parse(json);
        return SchemaOf(kind).Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = Json.Schema.OutputFormat.List, RequireFormatValidation = true });
    }

    private static string Describe(EvaluationResults results) =>
        string.Join("; ", (results.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));

    [Fact]
    public void The_committed_content_model_document_is_what_the_schema_command_writes()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = SchemaCommand.Run(Docs, null, checkOnly: true, output, error);
        Assert.True(exit == ExitCodes.Success,
            $"docs/content-model.md is out of date: run 'dotnet run --project src/PeerCommons -- schema --docs docs/content-model.md' and commit it. {error}");
        Assert.Equal(ContentModelDocument.Write(), File.ReadAllText(Docs).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void The_schema_check_fails_on_a_document_that_differs()
    {
        using var temp = new TempFolder();
        var stale = temp.Write("content-model.md", File.ReadAllText(Docs).Replace("| `summary` | yes |", "| `summary` | no |"));
        Assert.Equal(ExitCodes.ContentErrors, SchemaCommand.Run(stale, null, checkOnly: true, new StringWriter(), new StringWriter()));
        Assert.Equal(ExitCodes.Success, SchemaCommand.Run(stale, temp.Path("schema"), checkOnly: false, new StringWriter(), new StringWriter()));
        Assert.Equal(ContentModelDocument.Write(), File.ReadAllText(stale));
        Assert.Equal(JsonSchemas.For(EntryKind.Project), File.ReadAllText(temp.Path("schema", "project.schema.json")));
    }

    [Fact]
    public void The_document_names_every_kind_field_and_allowed_value()
    {
        var text = ContentModelDocument.Write();
        Assert.DoesNotContain(string.Join('/', "..", "shared"), text); // the old contract, outside the repository
        foreach (var kind in Enum.GetValues<EntryKind>())
        {
            Assert.Contains($"\n## {kind.Label()}\n", text);
            foreach (var spec in Validate.ContentSchema.For(kind).Values)
            {
                Assert.Contains($"| `{spec.Name}` | {(spec.Required ? "yes" : "no")} |", text);
                foreach (var allowed in spec.Allowed ?? []) Assert.Contains($"`{allowed}`", text);
            }
        }
    }

    [Fact]
    public void Every_starter_entry_is_valid_against_its_kinds_json_schema()
    {
        var root = Repo.Path("content");
        var checkedFiles = 0;
        foreach (var full in Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, full).Replace('\\', '/');
            var (location, _) = ContentLayout.Locate(relative);
            if (location is null) continue;
            var bag = new DiagnosticBag();
            var file = FrontMatterSplitter.Split(File.ReadAllText(full), full, relative, bag);
            Assert.True(file is not null, relative + ": " + string.Join("\n", bag.Sorted()));
            var results = Evaluate(location.Kind, file.FrontMatter);
            Assert.True(results.IsValid, $"{relative} does not match schema/{JsonSchemas.FileName(location.Kind)}: {Describe(results)}");
            checkedFiles++;
        }
        Assert.True(checkedFiles > 200, $"only {checkedFiles} starter files were checked");
    }

    [Theory]
    [InlineData(EntryKind.Value, "summary: \"No title.\"\n", "title")]                              // required field missing
    [InlineData(EntryKind.Value, "title: T\nsummry: \"Typo.\"\n", "summry")]                          // unknown field
    [InlineData(EntryKind.Project, "title: T\nsummary: S\nstatus: activ\n", "status")]               // not one of the allowed values
    [InlineData(EntryKind.Value, "title: T\nsummary: S\ntags: [Peer Support]\n", "tags")]            // not a slug
    [InlineData(EntryKind.Project, "title: T\nsummary: S\nwebsite: \"javascript:alert(1)\"\n", "website")]
    [InlineData(EntryKind.Module, "title: T\nsummary: S\nduration_minutes: \"90\"\n", "duration_minutes")] // a number written as text
    [InlineData(EntryKind.Value, "title: T\nsummary: S\ndraft: \"yes\"\n", "draft")]
    [InlineData(EntryKind.Annotation, "target: values/x\ntype: rant\n", "type")]
    [InlineData(EntryKind.Value, "title: T\nsummary: S\nupdated: 1 March 2026\n", "updated")]
    public void Front_matter_that_check_refuses_fails_the_json_schema_too(EntryKind kind, string yaml, string field)
    {
        var bag = new DiagnosticBag();
        var frontMatter = (YMapping)YamlTreeReader.Read(yaml, "x.md", 1, bag)!;
        var results = Evaluate(kind, frontMatter);
        Assert.False(results.IsValid, $"the {kind} schema accepted:\n{yaml}");
        Assert.Contains(field, Describe(results) + string.Join(" ", (results.Details ?? []).Where(d => !d.IsValid).Select(d => d.InstanceLocation.ToString())));

        // check refuses the same front matter, so the schema and check agree on it.
        Validate.FieldBinder.Bind(frontMatter, Validate.ContentSchema.For(kind), "x.md", bag);
        Assert.True(bag.HasErrors, $"check accepted:\n{yaml}");
    }

    [Fact]
    public void The_site_publishes_each_kinds_schema_under_schema()
    {
        using var temp = new TempFolder();
        var result = Build.Write(Build.ValidContent, temp.Path("_site"));
        Assert.True(result.Succeeded, Build.Describe(result.Diagnostics) + result.FatalError);
        foreach (var kind in Enum.GetValues<EntryKind>())
        {
            var published = File.ReadAllText(temp.Path("_site", "schema", JsonSchemas.FileName(kind)));
            Assert.Equal(JsonSchemas.For(kind), published);
            using var document = JsonDocument.Parse(published);
            Assert.Equal(JsonSchemas.Draft, document.RootElement.GetProperty("$schema").GetString());
        }
    }
}
