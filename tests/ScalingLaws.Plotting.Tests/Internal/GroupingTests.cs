using ScalingLaws.Plotting.Internal;

namespace ScalingLaws.Plotting.Tests.Internal;

public sealed class GroupingTests
{
    [Fact]
    public void Create_FewDistinctValues_OneGroupPerValue()
    {
        double[] values = [1e19, 1e20, 1e19, 1e21, 1e20];

        var groups = Grouping.Create("C", values, 10);

        groups.Select(g => g.Rows).Should().BeEquivalentTo(new[] { new[] { 0, 2 }, [1, 4], [3] }, o => o.WithStrictOrdering());
        groups[0].Value.Should().Be(1e19);
        groups[0].Label.Should().StartWith("C = ");
    }

    [Fact]
    public void Create_ManyValues_BinsWithinLimitAndKeepsEveryRow()
    {
        var values = Enumerable.Range(0, 200).Select(i => Math.Pow(10.0, 18.0 + (4.0 * i / 199.0))).ToArray();

        var groups = Grouping.Create("C", values, 8);

        groups.Length.Should().BeLessThanOrEqualTo(8).And.BeGreaterThan(1);
        groups.SelectMany(g => g.Rows).Order().Should().Equal(Enumerable.Range(0, 200));
        groups.Select(g => g.Value).Should().BeInAscendingOrder();
        groups[0].Label.Should().StartWith("C ≈ ");
    }
}
