namespace Edge.Reporting.Tests.Support;

/// <summary>Tests that share the generated phantom series (generated once, run one class at a time).</summary>
[CollectionDefinition(Name)]
public sealed class PhantomCollection : ICollectionFixture<PhantomSeries>
{
    public const string Name = "phantom series";
}
