using System.Diagnostics;
using System.Text.Json;
using PeerCommons.Tests.Support;

namespace PeerCommons.Tests.Integration;

/// <summary>
/// The propose form tells a contributor what `check` would: each proposal below goes through the
/// form's own rules (theme/assets/propose-rules.js, run with node on the form model the build
/// wrote) and, as the file the form would send, through check. Both must find the same codes in
/// the same plain words, so the form's rules cannot drift from the validator's.
/// </summary>
public sealed class ProposeRulesParityTests
{
    private static readonly string Long = new('x', 301);

    /// <summary>Proposals to the fixture site (its keys: values/mutuality, communities/carers-network, curricula/peer-basics, ...).</summary>
    private static readonly (string Name, string Proposal)[] Cases =
    [
        ("valid value", """{"kind":"value","slug":"courage","fields":{"title":"Courage","summary":"Being brave together.","tags":["peer-support"],"related":["values/mutuality"],"sources":["smith-2010"],"as_of":"2020","updated":"2026-03-01"},"body":"## What it means\n\nText citing [@smith-2010]."}"""),
        ("text YAML would misread", """{"kind":"project","slug":"quoting","fields":{"title":"\"Quoted\": a #hash, a \\ and - [brackets] & *stars*","summary":"yes","country":"null","region":"true","sources":["smith-2010"]}}"""),
        ("nothing filled in", """{"kind":"value","slug":"empty-one","fields":{"title":"   "}}"""),
        ("summary missing", """{"kind":"project","slug":"no-summary","fields":{"title":"Only a title"}}"""),
        ("summary too long", $$$"""{"kind":"value","slug":"long-one","fields":{"title":"Long","summary":"{{{Long}}}"}}"""),
        ("project fields", """{"kind":"project","slug":"bad-project","fields":{"title":"P","summary":"S","status":"activ","started":"20x9","website":"ftp://example.org","roles":["paid","volunter"],"support_formats":["One To One"],"organisation_type":"charity"}}"""),
        ("date that does not exist", """{"kind":"value","slug":"bad-date","fields":{"title":"T","summary":"S","updated":"2026-02-30","as_of":"0999"}}"""),
        ("a day a month does not have", """{"kind":"project","slug":"november","fields":{"title":"T","summary":"S","sources":["smith-2010"],"updated":"2025-11-31"}}"""),
        ("day zero", """{"kind":"value","slug":"day-zero","fields":{"title":"T","summary":"S","sources":["smith-2010"],"updated":"2026-11-00"}}"""),
        ("a history day that does not exist", """{"kind":"history","slug":"leap","fields":{"title":"T","summary":"S","sources":["smith-2010"],"date":"1900-02-29"}}"""),
        ("placeholder in a field", """{"kind":"value","slug":"unfinished","fields":{"title":"Unfinished","summary":"TODO: say what it means","tags":["TODO"],"sources":["smith-2010"],"editor_notes":"TODO: check the year"},"body":"Our TODOs are words, and `TODO` in code is a mention."}"""),
        ("placeholder in the text", """{"kind":"history","slug":"half-written","fields":{"title":"T","summary":"S","sources":["smith-2010"],"date":"1990"},"body":"## Origins\n\nTODO write this\n\n```\nTODO in a code block\n```\n\nAlso (TODO) here, not `TODO`."}"""),
        ("no sources where the site requires them", """{"kind":"value","slug":"unsourced","fields":{"title":"T","summary":"S","sources":["  "]}}"""),
        ("control characters", """{"kind":"value","slug":"pasted","fields":{"title":"Peer \u0001support","summary":"\u0007 then a summary long enough to be cut short \u001b here","tags":["a\u001fb"],"sources":["smith-2010"]}}"""),
        ("history period backwards", """{"kind":"history","slug":"backwards","fields":{"title":"T","summary":"S","date":"1990/1980"}}"""),
        ("history month", """{"kind":"history","slug":"a-month","fields":{"title":"T","summary":"S","date":"1990-13"}}"""),
        ("module minutes", """{"kind":"module","curriculum":"peer-basics","order":"4","slug":"closing","fields":{"title":"T","summary":"S","duration_minutes":"ninety","objectives":["Listen","Reflect"]}}"""),
        ("module without curriculum", """{"kind":"module","curriculum":"no-such-course","order":"1","slug":"opening","fields":{"title":"T","summary":"S","duration_minutes":"90"}}"""),
        ("valid annotation", """{"kind":"annotation","community":"carers-network","slug":"a-note","fields":{"type":"experience","target":"values/mutuality#tensions","provenance":"community"},"body":"We do this too."}"""),
        ("annotation target missing", """{"kind":"annotation","community":"carers-network","slug":"lost-note","fields":{"type":"experience","target":"values/mutualty"}}"""),
        ("annotation section missing", """{"kind":"annotation","community":"carers-network","slug":"lost-section","fields":{"type":"cautoin","target":"values/mutuality#tension"}}"""),
        ("annotation without fields", """{"kind":"annotation","community":"carers-network","slug":"bare-note","fields":{}}"""),
        ("annotation from no community", """{"kind":"annotation","community":"nobody","slug":"orphan","fields":{"type":"question","target":"values/mutuality"}}"""),
        ("keys that do not exist", """{"kind":"curriculum","slug":"new-course","fields":{"title":"T","summary":"S","related":["values/mutualty"],"values":["projects/wish"],"sources":["smith-2011"],"delivery":"online","peer_led":true}}"""),
        ("file name not a slug", """{"kind":"value","slug":"Our_Group","fields":{"title":"T","summary":"S"}}"""),
        ("key already used", """{"kind":"module","curriculum":"peer-basics","order":"7","slug":"listening","fields":{"title":"T","summary":"S"}}"""),
        ("too many tags", $$$"""{"kind":"value","slug":"tagged","fields":{"title":"T","summary":"S","tags":[{{{string.Join(",", Enumerable.Range(1, 31).Select(i => $"\"t{i}\""))}}}]}}"""),
        ("citations", """{"kind":"history","slug":"cited","fields":{"title":"T","summary":"S","date":"1990-05"},"body":"As shown [@smith-2011, p. 4; @jones-brown-2015].\n\nNot a citation: `[@in-code]`, nor [@a link](https://example.org).\n\n```\n[@fenced]\n```\n\nAgain [@nobody-1999]."}"""),
        ("community", """{"kind":"community","slug":"new-group","fields":{"title":"T","summary":"S","maintainers":["@someone"],"compiled_from_research":true,"website":"https://example.org/"}}"""),
    ];

    private sealed record FormFinding(string Code, string Message);
    private sealed record FormResult(string Name, string Path, string Text, List<FormFinding> Findings);
    private sealed record FormRun(List<FormResult> Results, List<string> Loaded);

    [Fact]
    public void The_form_finds_what_check_finds_with_the_same_codes_and_words()
    {
        using var temp = new TempFolder();
        var content = temp.Path("content");
        Build.CopyFolder(Build.ValidContent, content);
        RequireSources(content);
        var built = Build.Write(content, temp.Path("_site"));
        Assert.True(built.Succeeded && built.Written, Build.Describe(built.Diagnostics) + built.FatalError);

        var results = RunFormRules(temp, temp.Path("_site", "contribute", "propose", "propose-data.js"));
        foreach (var result in results) temp.Write(result.Path, result.Text);
        var check = Build.Check(content);
        var byFile = check.Diagnostics.ToLookup(d => Build.RelativePath(d, temp.Root));
        Assert.DoesNotContain(byFile, group => results.All(r => r.Path != group.Key)); // the fixture itself stays clean

        foreach (var result in results)
        {
            var fromCheck = byFile[result.Path].Select(d => (d.Code, d.Message)).Order().ToList();
            // A duplicate key names the other file, which the form does not know; its code is still the same.
            var fromForm = result.Findings.Select(f => (f.Code, f.Message)).Order().ToList();
            Assert.True(fromCheck.Select(f => f.Code).SequenceEqual(fromForm.Select(f => f.Code)),
                $"{result.Name}: check found [{string.Join(", ", fromCheck)}] but the form found [{string.Join(", ", fromForm)}]\n{result.Text}");
            Assert.Equal(fromCheck.Where(f => f.Code != "PC0201"), fromForm.Where(f => f.Code != "PC0201"));
        }
        // And what both find is what these cases are about (so agreeing on nothing cannot pass).
        string[] Codes(string name) => results.Single(r => r.Name == name).Findings.Select(f => f.Code).Order().ToArray();
        Assert.Empty(Codes("valid value"));
        Assert.Empty(Codes("valid annotation"));
        Assert.Empty(Codes("text YAML would misread"));
        Assert.Equal(["PC0113", "PC0303", "PC0303"], Codes("citations"));
        Assert.Equal(["PC0101"], Codes("annotation without fields")); // an empty front matter, once
        Assert.Equal(["PC0101"], Codes("nothing filled in")); // only spaces: left out, so the front matter is empty
        Assert.Equal(["PC0104", "PC0104", "PC0104", "PC0105", "PC0107", "PC0108", "PC0113"], Codes("project fields"));
        Assert.Equal(["PC0203", "PC0204", "PC0205"], Codes("keys that do not exist"));
        Assert.Equal(["PC0009"], Codes("file name not a slug"));
        Assert.Equal(["PC0101", "PC0113"], Codes("summary missing"));
        Assert.Equal(["PC0113", "PC0201"], Codes("key already used"));
        Assert.Equal(["PC0105"], Codes("a day a month does not have"));
        Assert.Equal(["PC0105"], Codes("a history day that does not exist"));
        Assert.Equal(["PC0105"], Codes("day zero"));
        Assert.Equal(["PC0108", "PC0112", "PC0112"], Codes("placeholder in a field")); // summary and tag (no slug either); not editor_notes, TODOs or code
        Assert.Equal(["PC0112", "PC0112"], Codes("placeholder in the text"));
        Assert.Equal(["PC0113"], Codes("no sources where the site requires them"));
        Assert.DoesNotContain("PC0113", Codes("community")); // a community may speak from its own experience
        Assert.Equal(["PC0108", "PC0110", "PC0110", "PC0110"], Codes("control characters")); // the tag, replaced, is no slug either
        Assert.Equal(["PC0104", "PC0207"], Codes("annotation section missing"));
        Assert.True(results.Sum(r => r.Findings.Count) >= 20, "the cases must exercise most rules");
    }

    /// <summary>
    /// On a large site an entry's headings are in one of many parts, named from its key: the form must
    /// name the same part the build wrote them to, or a note's target would be "unknown" on a big site
    /// while the small fixture (one part) passes.
    /// </summary>
    [Fact]
    public void The_form_looks_for_an_entrys_headings_in_the_part_the_build_put_them_in()
    {
        string[] keys = ["values/mutuality", "projects/a", "curricula/peer-basics/listening", "communities/café-ñ", "history/1990-ẞ-𝄞", ""];
        int[] groupCounts = [1, 7, 164, 1000];
        using var temp = new TempFolder();
        var runner = temp.Write("groups.js", """
            const [rulesScript, keys, counts] = [process.argv[2], JSON.parse(process.argv[3]), JSON.parse(process.argv[4])];
            const rules = require(rulesScript);
            console.log(JSON.stringify(counts.map(n => keys.map(k => rules.groupOf(k, n)))));
            """);
        var output = RunNode(runner, Repo.Path("theme", "assets", "propose-rules.js"), JsonSerializer.Serialize(keys), JsonSerializer.Serialize(groupCounts));
        var fromForm = JsonSerializer.Deserialize<int[][]>(output)!;
        var fromBuild = groupCounts.Select(n => keys.Select(k => PeerCommons.Render.Propose.ProposeParts.GroupOf(k, n)).ToArray()).ToArray();
        Assert.Equal(fromBuild, fromForm);
        Assert.True(fromBuild[2].Distinct().Count() > 1, "the keys must fall in different parts, or agreeing proves nothing");
    }

    /// <summary>
    /// The site requires sources, as the starter content does, so the form must know it; the fixture's
    /// own entries get a source so that only the proposals are unfinished.
    /// </summary>
    private static void RequireSources(string content)
    {
        File.AppendAllText(Path.Combine(content, "site.yaml"), "require_sources: true\n");
        string[] needSources = ["projects", "values", "history", "curricula"];
        foreach (var file in needSources.SelectMany(folder => Directory.EnumerateFiles(Path.Combine(content, folder), "*.md", SearchOption.AllDirectories)))
        {
            var text = File.ReadAllText(file);
            if (!text.Contains("\nsources:", StringComparison.Ordinal))
                File.WriteAllText(file, "---\nsources: [smith-2010]" + text[3..]);
        }
    }

    private static string RunNode(params string[] arguments)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in arguments) start.ArgumentList.Add(arg);
        using var node = Process.Start(start)!;
        var output = node.StandardOutput.ReadToEnd();
        var errors = node.StandardError.ReadToEnd();
        node.WaitForExit();
        Assert.True(node.ExitCode == 0, "node failed: " + errors);
        return output;
    }

    /// <summary>Runs every case through propose-rules.js with node, on the model the build wrote.</summary>
    private static List<FormResult> RunFormRules(TempFolder temp, string dataScript)
    {
        var cases = "[" + string.Join(",", Cases.Select(c => $"{{\"name\":{JsonSerializer.Serialize(c.Name)},\"proposal\":{c.Proposal}}}")) + "]";
        var runner = temp.Write("run-rules.js", """
            const [dataScript, rulesScript, casesFile] = process.argv.slice(2);
            global.window = {};
            require(dataScript);
            const path = require('path'), rules = require(rulesScript);
            // The parts the form loads on demand, read as the page would: each a script that registers itself.
            const loaded = [];
            const load = name => { loaded.push(name); require(path.join(path.dirname(dataScript), 'parts', name + '.js')); return window.PeerCommonsProposeParts[name]; };
            const data = rules.connect(window.PeerCommonsPropose, load);
            const cases = JSON.parse(require('fs').readFileSync(casesFile, 'utf8'));
            (async () => {
              const results = [];
              for (const c of cases) {
                const file = rules.fileFor(data, c.proposal);
                const findings = (await rules.validate(data, c.proposal)).map(f => ({ code: f.code, message: f.message }));
                results.push({ name: c.name, path: file.path, text: file.text, findings });
              }
              console.log(JSON.stringify({ results, loaded }));
            })();
            """);
        var casesFile = temp.Write("cases.json", cases);
        var output = RunNode(runner, dataScript, Repo.Path("theme", "assets", "propose-rules.js"), casesFile);
        var run = JsonSerializer.Deserialize<FormRun>(output, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
        // Parts are read only when a rule needs them, and each at most once.
        Assert.Equal(run.Loaded.Distinct().Count(), run.Loaded.Count);
        return run.Results;
    }
}
