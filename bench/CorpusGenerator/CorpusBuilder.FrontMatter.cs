using System.Globalization;
using PeerCommons.Bench.Corpus;

/// <summary>Each entry's front matter, by kind, as the content conventions ask for it.</summary>
internal sealed partial class CorpusBuilder
{
    private void FillFrontMatter(Entry e)
    {
        var fm = new List<(string, object)>();
        var target = e.FrontMatter.Count > 0 ? (Entry)e.FrontMatter[0].Value : null;
        var annotationWithoutTitle = e.Kind == "annotation" && _rng.Chance(0.1);
        if (!annotationWithoutTitle)
        {
            fm.Add(("title", e.Title));
            fm.Add(("summary", new Prose(_rng, this).Summary(e)));
        }
        if (e.Kind == "annotation")
        {
            var anchor = target!.Anchors.Count > 0 && _rng.Chance(0.5) ? "#" + _rng.Pick(target.Anchors) : "";
            fm.Add(("target", target.Key + anchor));
            fm.Add(("type", _rng.Pick(Words.AnnotationTypes)));
        }
        if (e.Kind != "annotation" || _rng.Chance(0.3)) fm.Add(("tags", _rng.Some(Words.Tags, 1, 6)));
        switch (e.Kind)
        {
            case "project":
                fm.Add(("region", _rng.Pick(Words.Regions)));
                fm.Add(("country", _rng.Pick(Words.Countries)));
                fm.Add(("status", _rng.Pick(Words.Status)));
                fm.Add(("organisation_type", _rng.Pick(Words.OrgTypes)));
                fm.Add(("populations", _rng.Some(Words.Populations, 1, 3)));
                fm.Add(("support_formats", _rng.Some(Words.Formats, 1, 3)));
                fm.Add(("roles", _rng.Some(Words.Roles, 1, 2)));
                if (_rng.Chance(0.7)) fm.Add(("started", new Raw(_rng.Int(1970, 2024).ToString(CultureInfo.InvariantCulture))));
                if (_rng.Chance(0.6)) fm.Add(("funding", _rng.Some(Words.Funders, 1, 3)));
                if (_rng.Chance(0.5)) fm.Add(("website", $"https://{e.Id}.example.org/"));
                fm.Add(("values", ValueKeys(e)));
                if (_rng.Chance(0.05)) fm.Add(("aliases", new List<string> { $"projects/old-{e.Id}" }));
                break;
            case "value":
                if (_rng.Chance(0.5)) fm.Add(("also_called", new List<string> { $"{_rng.Pick(Words.Adjectives)} {_rng.Pick(Words.Concepts)}" }));
                break;
            case "history":
                var year = int.Parse(e.Title[..4], CultureInfo.InvariantCulture);
                var date = _rng.Int(4) switch
                {
                    0 => $"{year}",
                    1 => $"{year}-{_rng.Int(1, 12):00}",
                    2 => $"{year}-{_rng.Int(1, 12):00}-{_rng.Int(1, 28):00}",
                    _ => $"{year}/{Math.Min(2025, year + _rng.Int(1, 15))}",
                };
                fm.Add(("date", new Raw(date)));
                fm.Add(("place", _rng.Pick(Words.Places)));
                break;
            case "curriculum":
                fm.Add(("audience", $"{Words.Plural(_rng.Pick(Words.Agents))} new to peer support"));
                fm.Add(("duration", $"{_rng.Int(1, 12)} days"));
                fm.Add(("delivery", _rng.Pick(Words.Delivery)));
                if (_rng.Chance(0.4)) fm.Add(("accreditation", $"Level {_rng.Int(2, 5)} certificate"));
                fm.Add(("provider", $"{_rng.Pick(Words.Places)} {_rng.Pick(Words.TitleNouns)}"));
                fm.Add(("peer_led", new Raw(_rng.Chance(0.7) ? "true" : "false")));
                fm.Add(("values", ValueKeys(e)));
                break;
            case "module":
                fm.Add(("duration_minutes", new Raw((_rng.Int(2, 16) * 15).ToString(CultureInfo.InvariantCulture))));
                fm.Add(("objectives", Enumerable.Range(0, _rng.Int(1, 4)).Select(_ => Words.Capitalise($"{_rng.Pick(Words.Verbs)} {_rng.Pick(Words.Concepts)} {_rng.Pick(Words.Prepositions)} {Words.Plural(_rng.Pick(Words.Agents))}")).ToList()));
                fm.Add(("values", ValueKeys(e)));
                break;
            case "community":
                fm.Add(("region", _rng.Pick(Words.Regions)));
                fm.Add(("country", _rng.Pick(Words.Countries)));
                if (_rng.Chance(0.5)) fm.Add(("website", $"https://{e.Id}.example.net/"));
                if (_rng.Chance(0.5)) fm.Add(("contact", $"Write to the {_rng.Pick(Words.Agents)} coordinator"));
                fm.Add(("maintainers", Enumerable.Range(0, _rng.Int(1, 3)).Select(_ => $"{_rng.Pick(Words.FirstNames)}-{_rng.Pick(Words.Surnames)}".ToLowerInvariant()).Distinct().ToList()));
                if (_rng.Chance(0.5)) fm.Add(("compiled_from_research", new Raw("true")));
                break;
        }
        if (e.Kind != "annotation" && _rng.Chance(0.7))
            fm.Add(("related", Enumerable.Range(0, _rng.Int(1, 4)).Select(_ => RandomLinkable()).Where(r => r != e).Select(r => r.Key).Distinct().ToList()));
        fm.Add(("sources", _rng.Some(_sourceKeys, 1, 4)));
        if (_rng.Chance(0.3)) fm.Add(("contributors", Enumerable.Range(0, _rng.Int(1, 3)).Select(_ => $"{_rng.Pick(Words.FirstNames)} {_rng.Pick(Words.Surnames)}").Distinct().ToList()));
        fm.Add(("updated", new Raw($"{_rng.Int(2018, 2026)}-{_rng.Int(1, 12):00}-{_rng.Int(1, 28):00}")));
        e.FrontMatter = fm;
    }

    private List<string> ValueKeys(Entry e) => _rng.Some(_values, 1, 4).Select(v => v.Key).ToList();
}
