using System.Text;

namespace PeerCommons.Search.Tests;

/// <summary>A small deterministic PRNG (xorshift64*), so corpora are the same on every machine and run.</summary>
internal sealed class Prng(ulong seed)
{
    private ulong _state = seed == 0 ? 0x9E3779B97F4A7C15UL : seed;

    public ulong Next()
    {
        _state ^= _state >> 12;
        _state ^= _state << 25;
        _state ^= _state >> 27;
        return _state * 2685821657736338717UL;
    }

    public int Next(int maxExclusive) => (int)(Next() % (ulong)maxExclusive);

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    public bool Chance(int percent) => Next(100) < percent;
}

/// <summary>Deterministic plain-English corpora for the conformance suite.</summary>
internal static class Corpus
{
    /// <summary>Vocabulary with the morphology the stemmer cares about (plurals, -ing, -ed, -ational, -ness,
    /// -ment, -ize, leading y, double consonants ...), plus stop words.</summary>
    public static readonly string[] Words =
    (
        "community garden gardens gardening gardener volunteer volunteers volunteering volunteered " +
        "library libraries librarian neighbour neighbourhood neighbourhoods neighbourly council councils " +
        "meeting meetings meet met organise organised organising organisation organisations organizational " +
        "rational relational conditional national nationality nationalism generalization generalize " +
        "happy happiness happily unhappy kindness goodness darkness awareness readiness " +
        "agreement agreed agree agreeing disagreement adjustment adjustable government governing governed " +
        "repair repairs repaired repairing tool tools toolkit bicycle bicycles cycling cyclist " +
        "food foods cooking cooked cook kitchen kitchens bread baking baked baker bakery " +
        "school schools teaching teacher teachers taught learn learning learned learner lesson lessons " +
        "housing house houses housed tenant tenants rent rents renting landlord landlords " +
        "energy energetic electricity electrical electric solar panel panels power powerful " +
        "water waters watering river rivers flood flooding flooded drainage " +
        "yesterday yellow yield yielding young youth yearly year years yard yards " +
        "crisis crises care caring careful carefully carefulness caregiver " +
        "market markets marketing trade trading traded trader traders fair fairly fairness " +
        "sharing shared share shares sharer commons common commonly " +
        "repairing hopping hopped hoping hoped filing filed filling filled falling fell " +
        "conflating conflated troubling troubled sized sizing failing failed " +
        "relate related relating relation relations relationship relativity relatively " +
        "sensitive sensitivity sensibility sensible sensibly formality formalize formalization " +
        "hopeful hopefulness usefulness useful uselessly effective effectiveness " +
        "electrical electricity electrician triplicate triplicating formative " +
        "adoption adopted adoptive revival allowance inference airliner gyroscopic " +
        "defensible irritant replacement adjustment dependent adoption homologous communism " +
        "activate angularity homologous effective bowdlerize probate rate cease controll roll " +
        "caresses ponies ties caress cats feed plastered bled motoring sing conflated " +
        "hissing fizzed failing filing happy sky bye try tries trying tried " +
        "analysis analyses analyse analysing analytic analytical analytically " +
        "story stories storytelling storyteller history historical historically " +
        "archive archives archived archiving archivist record records recorded recording " +
        "map maps mapping mapped street streets square squares park parks " +
        "city cities citizen citizens citizenship town towns village villages " +
        "cooperative cooperation cooperate cooperating cooperatives cooperatively " +
        "mutual mutually aid aids aided aiding support supports supported supporting supporter " +
        "network networks networking networked node nodes link links linked linking " +
        "open opened opening openness openly free freedom freely freeing " +
        "digital digitally digitize digitization data database databases " +
        "event events eventual eventually festival festivals celebration celebrate " +
        "music musical musician musicians song songs singing sang sung " +
        "art arts artist artists artistic artistically craft crafts crafting crafted " +
        "health healthy healthier healthiest hospital hospitals clinic clinics " +
        "transport transportation bus buses train trains walking walked walk walks " +
        "the a an and or but of to in on at for with by from as is are was were be been " +
        "this that these those it its their there they them we our you your he she his her " +
        "not no nor only own so than too very can will just should now also about after"
    ).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static readonly string[] Oddities =
    [
        "well-known", "long-term", "e.g.", "U.S.", "C++", "#tag", "email@example.com", "x_y", "_under_",
        "(see", "below)", "\"quoted\"", "it's", "don't", "neighbour's", "1984", "3.5", "42", "0", "007",
        "...", "&", "--", "-", "a/b", "http://example.org/path", "50%", "$100", "'tis", "yes!", "why?",
        "co-op", "re-use", "YELLING", "MixedCase", "x", "ok", "AND", "The", "Yesterday,",
    ];

    public static string Sentence(Prng rng, int words)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < words; i++)
        {
            string w = rng.Chance(6) ? rng.Pick(Oddities) : rng.Pick(Words);
            if (i == 0 && w.Length > 0) w = char.ToUpperInvariant(w[0]) + w[1..];
            if (i > 0) sb.Append(rng.Chance(3) ? "  " : rng.Chance(2) ? "\n" : rng.Chance(2) ? "\t" : " ");
            sb.Append(w);
            if (i < words - 1 && rng.Chance(8)) sb.Append(rng.Chance(50) ? "," : ";");
        }
        sb.Append(rng.Chance(80) ? "." : rng.Chance(50) ? "!" : "?");
        return sb.ToString();
    }

    public static string Paragraphs(Prng rng, int sentences)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < sentences; i++)
        {
            if (i > 0) sb.Append(rng.Chance(20) ? "\n\n" : " ");
            sb.Append(Sentence(rng, 4 + rng.Next(14)));
        }
        return sb.ToString();
    }

    /// <summary>Documents with path-like refs, title/body/tags (+ a doc boost on some).</summary>
    public static List<Dictionary<string, object?>> PathRefDocuments(int count, ulong seed)
    {
        var rng = new Prng(seed);
        var docs = new List<Dictionary<string, object?>>();
        for (int i = 0; i < count; i++)
        {
            var doc = new Dictionary<string, object?>
            {
                ["id"] = $"entries/{rng.Pick(Words)}-{i}/",
                ["title"] = Sentence(rng, 2 + rng.Next(6)).TrimEnd('.', '!', '?'),
                ["body"] = Paragraphs(rng, 2 + rng.Next(12)),
                ["tags"] = string.Join(" ", Enumerable.Range(0, rng.Next(5)).Select(_ => rng.Pick(Words))),
            };
            if (i % 17 == 3) doc.Remove("tags");          // missing field
            if (i % 23 == 5) doc["body"] = "";            // empty field
            if (i % 7 == 2) doc["boost"] = 1 + rng.Next(4) * 0.5;
            docs.Add(doc);
        }
        return docs;
    }

    /// <summary>Documents with numeric-looking string refs added in shuffled order (JS enumerates such keys
    /// numerically), for the position-metadata corpus.</summary>
    public static List<Dictionary<string, object?>> NumericRefDocuments(int count, ulong seed)
    {
        var rng = new Prng(seed);
        var ids = Enumerable.Range(1, count).Select(i => i * 7 % 1000 + (i % 5 == 0 ? 100000 : 0)).ToList();
        for (int i = ids.Count - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (ids[i], ids[j]) = (ids[j], ids[i]);
        }
        var docs = new List<Dictionary<string, object?>>();
        for (int i = 0; i < count; i++)
        {
            docs.Add(new Dictionary<string, object?>
            {
                ["ref"] = i % 11 == 4 ? $"n{ids[i]}" : ids[i].ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["title"] = Sentence(rng, 3 + rng.Next(5)),
                ["body"] = Paragraphs(rng, 1 + rng.Next(8)),
            });
        }
        return docs;
    }
}
