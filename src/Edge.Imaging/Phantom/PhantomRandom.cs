namespace Edge.Imaging.Phantom;

/// <summary>Seeded draws for anatomy parameters. A seeded <see cref="Random"/> gives the same sequence on every platform.</summary>
internal sealed class PhantomRandom(int seed)
{
    private readonly Random _random = new(seed);

    public double Uniform(double min, double max) => min + (_random.NextDouble() * (max - min));

    /// <summary>A value near <paramref name="centre"/>: uniform within ±<paramref name="spread"/>.</summary>
    public double Around(double centre, double spread) => Uniform(centre - spread, centre + spread);

    public int Int(int minInclusive, int maxExclusive) => _random.Next(minInclusive, maxExclusive);

    public bool Chance(double probability) => _random.NextDouble() < probability;

    public double Angle() => Uniform(0, 2 * Math.PI);

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
