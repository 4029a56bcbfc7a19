using System.Text;
using PeerCommons.Bench.Corpus;

/// <summary>English-looking prose: sentences from templates over the word lists, with citations and xrefs.</summary>
internal sealed class Prose(Rng rng, CorpusBuilder corpus)
{
    private string Agent() => rng.Pick(Words.Agents);
    private string Agents() => Words.Plural(rng.Pick(Words.Agents));
    private string Adj() => rng.Pick(Words.Adjectives);

    private string Object() => rng.Int(3) switch
    {
        0 => $"{Adj()} {rng.Pick(Words.Concepts)}",
        1 => Article(rng.Chance(0.5), $"{Adj()} {rng.Pick(Words.Things)}"),
        _ => Words.Plural(rng.Pick(Words.Things)),
    };

    private static string Article(bool definite, string phrase) =>
        (definite ? "the " : "aeiou".Contains(phrase[0]) && !phrase.StartsWith("us", StringComparison.Ordinal) ? "an " : "a ") + phrase;

    private string Sentence()
    {
        var v = rng.Pick(Words.Verbs);
        var s = rng.Int(10) switch
        {
            0 => $"the {Adj()} {Agent()} {Words.ThirdPerson(v)} {Object()} {rng.Pick(Words.Prepositions)} {Agents()}",
            1 => $"{Agents()} {rng.Pick(Words.Adverbs)} {v} {Object()} {rng.Pick(Words.Prepositions)} {Object()}",
            2 => $"in {rng.Pick(Words.Places)}, {Agents()} {v} {Object()}, and the {Agent()} {Words.ThirdPerson(rng.Pick(Words.Verbs))} {Object()}",
            3 => $"when {Agents()} {v} {Object()}, the {Agent()} {Words.ThirdPerson(rng.Pick(Words.Verbs))} {Object()} {rng.Pick(Words.Adverbs)}",
            4 => $"this {rng.Pick(Words.Things)} {Words.ThirdPerson(v)} how {Agents()} {rng.Pick(Words.Verbs)} {Object()}",
            5 => $"many {Agents()} said that {rng.Pick(Words.Concepts)} {Words.ThirdPerson(v)} {Object()}",
            6 => $"it is {Adj()} to {v} {Object()} {rng.Pick(Words.Prepositions)} {Agents()}",
            7 => $"{Agents()} and {Agents()} {v} {Object()} together",
            8 => $"{rng.Pick(Words.Connectives)}, {Agents()} {v} {Object()} and {rng.Pick(Words.Verbs)} {Object()}",
            _ => $"without {rng.Pick(Words.Concepts)}, {Article(false, rng.Pick(Words.Things))} can {v} {Object()} {rng.Pick(Words.Adverbs)}",
        };
        return Words.Capitalise(s);
    }

    private string Citation()
    {
        var n = rng.Chance(0.8) ? 1 : 2;
        var parts = new List<string>();
        for (var i = 0; i < n; i++)
            parts.Add("@" + corpus.RandomSourceKey() + (rng.Chance(0.25) ? $", p. {rng.Int(1, 400)}" : ""));
        return "[" + string.Join("; ", parts) + "]";
    }

    private string Xref()
    {
        var t = corpus.RandomLinkable();
        var anchor = t.Anchors.Count > 0 && rng.Chance(0.4) ? "#" + rng.Pick(t.Anchors) : "";
        var text = rng.Chance(0.4) ? "" : rng.Chance(0.5) ? t.Title : $"{Adj()} {rng.Pick(Words.Concepts)}";
        return $"[{text}](xref:{t.Key}{anchor})";
    }

    private string Paragraph(ref int words, int sentences)
    {
        var b = new StringBuilder();
        for (var i = 0; i < sentences; i++)
        {
            var s = Sentence();
            words += s.Count(c => c == ' ') + 1;
            if (i > 0) b.Append(' ');
            b.Append(s);
            if (rng.Chance(0.3)) b.Append(' ').Append(Citation());
            if (rng.Chance(0.06)) b.Append(" (see ").Append(Xref()).Append(')');
            b.Append('.');
        }
        return b.ToString();
    }

    public string Summary(Entry e)
    {
        var s = Sentence() + ".";
        if (s.Length > 280) s = s[..279].TrimEnd() + ".";
        return s;
    }

    public string Body(Entry e)
    {
        var target = rng.Int(280, 540);
        if (e.Kind == "annotation") target = rng.Int(280, 420);
        var words = 0;
        var b = new StringBuilder();
        b.Append(Paragraph(ref words, rng.Int(2, 4))).Append("\n\n");
        var sections = e.Headings.Count;
        var perSection = Math.Max(1, (target - words) / Math.Max(1, sections + (sections == 0 ? 1 : 0)));
        for (var h = 0; h <= sections; h++)
        {
            if (h > 0)
            {
                var (text, id) = e.Headings[h - 1];
                b.Append("## ").Append(text).Append(id is null ? "" : $" {{#{id}}}").Append("\n\n");
            }
            else if (sections > 0) continue;
            var sectionEnd = words + perSection;
            while (words < sectionEnd && words < target + 40)
            {
                switch (rng.Int(12))
                {
                    case 0:
                        for (var i = rng.Int(2, 5); i > 0; i--)
                        {
                            var s = Sentence();
                            words += s.Count(c => c == ' ') + 1;
                            b.Append("- ").Append(rng.Chance(0.3) ? $"**{Words.Capitalise(rng.Pick(Words.Concepts))}.** " : "").Append(s).Append(rng.Chance(0.3) ? " " + Citation() : "").Append(".\n");
                        }
                        b.Append('\n');
                        break;
                    case 1 when e.Kind == "module":
                        b.Append(":::facilitator\n").Append(Paragraph(ref words, rng.Int(2, 3))).Append("\n:::\n\n");
                        break;
                    case 2 when rng.Chance(0.3):
                        b.Append("| Aspect | What people said |\n|---|---|\n");
                        for (var i = rng.Int(2, 4); i > 0; i--)
                        {
                            var s = Sentence();
                            words += s.Count(c => c == ' ') + 2;
                            b.Append("| ").Append(Words.Capitalise(rng.Pick(Words.Concepts))).Append(" | ").Append(s).Append(" |\n");
                        }
                        b.Append('\n');
                        break;
                    default:
                        var p = Paragraph(ref words, rng.Int(3, 6));
                        if (rng.Chance(0.15)) p = p.Replace(" together", " *together*");
                        b.Append(p).Append("\n\n");
                        break;
                }
            }
        }
        if (e.Kind != "annotation" && rng.Chance(0.5))
        {
            b.Append("## See also\n\n");
            for (var i = rng.Int(1, 3); i > 0; i--) b.Append("- ").Append(Xref()).Append('\n');
            b.Append('\n');
        }
        return b.ToString().TrimEnd('\n') + "\n";
    }
}
