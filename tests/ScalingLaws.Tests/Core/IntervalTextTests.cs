using FluentAssertions;
using Xunit;

namespace ScalingLaws.Tests.Core;

/// <summary>The text forms of intervals state their confidence level without rounding it to a different level.</summary>
public class IntervalTextTests
{
    [Theory]
    [InlineData(0.95, "(95%)")]
    [InlineData(0.8, "(80%)")]
    [InlineData(0.999, "(99.9%)")]
    [InlineData(0.999999, "(99.9999%)")]
    public void ParameterInterval_ToString_StatesTheLevelUnrounded(double level, string expected)
    {
        new ParameterInterval(1.5, 2.5, level).ToString().Should().Be($"[1.5, 2.5] {expected}");
    }

    [Fact]
    public void Prediction_ToString_StatesAHighLevelUnrounded()
    {
        var fit = ScalingLawFitter.Fit(new PowerLaw(), SyntheticData.Generate(new PowerLaw(), [2.0, 0.3], ["x"],
            [SyntheticData.LogSpace(1e3, 1e6, 12)], relativeNoise: 0.01, seed: 3));

        fit.Extrapolate([1e7], 0.999999).ToString().Should().Contain("(99.9999%, delta method");
    }
}
