using System.Globalization;

internal sealed record Options(int Entries, ulong Seed, string Out, string? HugoOut)
{
    public static Options? Parse(string[] args)
    {
        int entries = 1000; ulong seed = 42; string? output = null, hugo = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--entries": entries = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--seed": seed = ulong.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--out": output = Next(); break;
                case "--hugo-out": hugo = Next(); break;
                default: return null;
            }
        }
        return output is null || entries < 10 ? null : new Options(entries, seed, output, hugo);
    }
}
