/// <summary>SplitMix64: our own generator so that output never depends on System.Random's implementation.</summary>
internal sealed class Rng(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public int Int(int maxExclusive) => (int)(Next() % (ulong)maxExclusive);
    public int Int(int min, int maxInclusive) => min + Int(maxInclusive - min + 1);
    public bool Chance(double p) => (Next() >> 11) * (1.0 / (1UL << 53)) < p;
    public T Pick<T>(IReadOnlyList<T> list) => list[Int(list.Count)];

    public List<T> Some<T>(IReadOnlyList<T> list, int min, int max)
    {
        var count = Math.Min(Int(min, max), list.Count);
        var chosen = new List<T>(count);
        var guard = 0;
        while (chosen.Count < count && guard++ < count * 20)
        {
            var item = Pick(list);
            if (!chosen.Contains(item)) chosen.Add(item);
        }
        return chosen;
    }
}
