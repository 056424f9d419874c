using System.Globalization;
using FluentAssertions;
using Xunit;

namespace ScalingLaws.Tests.Core;

/// <summary>
/// The text forms and small value semantics of the fitting results (summaries, matrices, losses, intervals): what a user
/// reads or compares. The mutation run showed these were executed by the suite but not checked line by line.
/// </summary>
public class ResultTextAndValueTests
{
    private static FitResult SaturatingFitWithFixedE() => ScalingLawFitter.Fit(new SaturatingPowerLaw(), SyntheticData.Saturating(0.01),
        FitOptions.Default with { FixedParameters = new Dictionary<string, double> { ["E"] = 1.8 } });

    [Fact]
    public void FitResult_ToString_ListsEveryPartOfTheFit()
    {
        var fit = SaturatingFitWithFixedE();
        var lines = fit.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();

        lines[0].Should().Be($"{fit.Law.Name}: {fit.Law.Formula}");
        lines[1].Should().Be($"  loss least-squares on LINEAR residuals, 30 observations, {fit.DegreesOfFreedom} degrees of freedom");
        fit.DegreesOfFreedom.Should().Be(28, "two of the three parameters are free");
        lines[2].Should().StartWith("  E ").And.EndWith("(fixed)").And.Contain("1.8");
        lines[2].Should().NotContain("±");
        for (var k = 1; k < 3; k++)
        {
            var name = fit.ParameterNames[k];
            lines[k + 2].Should().StartWith($"  {name,-8} = ")
                .And.Contain(fit.Parameters[k].ToString("G8", CultureInfo.InvariantCulture))
                .And.Contain("± " + fit.StandardErrors[k].ToString("G4", CultureInfo.InvariantCulture))
                .And.EndWith(fit.ConfidenceIntervals[k].ToString());
        }

        lines[5].Should().StartWith("  objective ").And.Contain(", RSS ").And.Contain(", R² ")
            .And.Contain(", AIC " + fit.Aic!.Value.ToString("F3", CultureInfo.InvariantCulture))
            .And.Contain(", BIC " + fit.Bic!.Value.ToString("F3", CultureInfo.InvariantCulture));
        lines[6].Should().Be($"  {fit.Diagnostics}");
        lines[7].Should().Be($"  {fit.MultiStart}");
        lines.Should().HaveCount(8 + fit.Warnings.Count);
        fit.ToString().Should().NotEndWith("\n");
    }

    [Fact]
    public void FitResult_ToString_ListsWarningsAndAMissingCovariance()
    {
        // Three points, three parameters: no degrees of freedom, so no covariance, and the summary says why.
        var data = new Observations(["x"], [[10.0, 100.0, 1000.0]], [3.0, 2.2, 1.9]);
        var fit = ScalingLawFitter.Fit(new SaturatingPowerLaw(), data);
        var text = fit.ToString();

        fit.CovarianceUnavailableReason.Should().NotBeNull();
        text.Should().Contain($"  covariance unavailable: {fit.CovarianceUnavailableReason}");
        foreach (var warning in fit.Warnings)
        {
            text.Should().Contain($"  warning: {warning}");
        }

        // An unidentifiable fit (two distinct x for three parameters) carries warnings, each printed on its own line.
        var flat = ScalingLawFitter.Fit(new SaturatingPowerLaw(), new Observations(["x"], [[10.0, 10.0, 100.0, 100.0, 100.0]], [3.0, 3.1, 2.0, 2.1, 2.05]));
        flat.Warnings.Should().NotBeEmpty();
        foreach (var warning in flat.Warnings)
        {
            flat.ToString().Should().Contain($"  warning: {warning}");
        }
    }

    [Fact]
    public void ParameterMatrix_ToString_IsAnAlignedTableWithAHeaderAndOneRowPerParameter()
    {
        var fit = ScalingLawFitter.Fit(new SaturatingPowerLaw(), SyntheticData.Saturating(0.01));
        var covariance = fit.Covariance!;
        var lines = covariance.ToString().Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToArray();

        lines.Should().HaveCount(4);
        lines[0].Should().Be($"{string.Empty,10} {"E",12} {"A",12} {"alpha",12}");
        for (var i = 0; i < 3; i++)
        {
            var expected = $"{covariance.Names[i],10}" + string.Concat(Enumerable.Range(0, 3).Select(j =>
                string.Create(CultureInfo.InvariantCulture, $" {covariance[i, j],12:G5}")));
            lines[i + 1].Should().Be(expected);
        }
    }

    [Fact]
    public void MultiStartSummary_ToString_MentionsTheGridScanOnlyWhenOneRan()
    {
        var withGrid = ScalingLawFitter.Fit(new SaturatingPowerLaw(), SyntheticData.Saturating(0.01));
        var single = ScalingLawFitter.Fit(new SaturatingPowerLaw(), SyntheticData.Saturating(0.01),
            FitOptions.Default with { Starts = StartStrategy.FromPoints([[1.8, 400.0, 0.34]]) });

        var m = withGrid.MultiStart;
        m.GridPointsScanned.Should().BePositive("the default starts scan a variable-projection grid for this law");
        m.ToString().Should().Be($"{m.StartsRun} starts ({m.Strategy}, {m.GridPointsScanned} grid points scanned), {m.StartsConverged} converged, {m.StartsAtBest} reached the best objective (start {m.BestStartIndex} won)");

        var s = single.MultiStart;
        s.GridPointsScanned.Should().Be(0);
        s.ToString().Should().Be($"{s.StartsRun} starts ({s.Strategy}), {s.StartsConverged} converged, {s.StartsAtBest} reached the best objective (start {s.BestStartIndex} won)");
    }

    [Theory]
    [InlineData(0.0005, 0.5 * 0.0005 * 0.0005)]
    [InlineData(-0.0005, 0.5 * 0.0005 * 0.0005)]
    [InlineData(0.001, 0.5 * 0.001 * 0.001)]
    [InlineData(0.004, 0.001 * (0.004 - 0.0005))]
    [InlineData(-0.004, 0.001 * (0.004 - 0.0005))]
    public void Huber_Evaluate_IsQuadraticInsideTheThresholdAndLinearOutside(double residual, double expected)
    {
        LossFunction.Huber(1e-3).Evaluate(residual).Should().BeApproximately(expected, 1e-18);
    }

    [Fact]
    public void LeastSquares_Evaluate_IsTheSquare()
    {
        LossFunction.LeastSquares.Evaluate(-3.0).Should().Be(9.0);
    }

    [Theory]
    [InlineData("least-squares")]
    [InlineData("LSQ")]
    [InlineData(" ls ")]
    [InlineData("L2")]
    public void Parse_AcceptsEveryLeastSquaresSpelling(string text)
    {
        LossFunction.Parse(text).Should().Be(LossFunction.LeastSquares);
    }

    [Fact]
    public void LossFunction_Equality_ComparesKindAndThreshold()
    {
        LossFunction.Huber(1e-3).Should().Be(LossFunction.Huber(1e-3));
        LossFunction.Huber(1e-3).Equals(LossFunction.Huber(2e-3)).Should().BeFalse();
        LossFunction.Parse("lsq").Equals(null).Should().BeFalse();
        LossFunction.Parse("l2").Equals((object)LossFunction.Parse("lsq")).Should().BeTrue();
        LossFunction.Huber(1e-3).Equals(LossFunction.Parse("ls")).Should().BeFalse();
        LossFunction.Huber(0.25).GetHashCode().Should().Be(LossFunction.Parse("huber:0.25").GetHashCode());
    }

    [Fact]
    public void LossFunction_ToString_RoundTripsThroughParse()
    {
        LossFunction.LeastSquares.ToString().Should().Be("least-squares");
        LossFunction.Huber(0.1).ToString().Should().Be("huber:0.1");
        LossFunction.Parse(LossFunction.Huber(1.0 / 3.0).ToString()).Should().Be(LossFunction.Huber(1.0 / 3.0));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1e-3)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NaN)]
    public void Huber_RejectsAThresholdThatIsNotPositiveAndFinite(double delta)
    {
        var act = () => LossFunction.Huber(delta);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(nameof(delta));
    }

    [Fact]
    public void ParameterInterval_ContainsItsEndsAndNothingOutside()
    {
        var interval = new ParameterInterval(1.0, 2.0, 0.95);
        interval.Contains(1.0).Should().BeTrue();
        interval.Contains(2.0).Should().BeTrue();
        interval.Contains(1.5).Should().BeTrue();
        interval.Contains(Math.BitDecrement(1.0)).Should().BeFalse();
        interval.Contains(Math.BitIncrement(2.0)).Should().BeFalse();
        interval.Contains(double.NaN).Should().BeFalse();
    }

    [Fact]
    public void ParameterInterval_IsFiniteOnlyWhenBothEndsAre()
    {
        new ParameterInterval(1.0, 2.0, 0.95).IsFinite.Should().BeTrue();
        new ParameterInterval(double.NegativeInfinity, 2.0, 0.95).IsFinite.Should().BeFalse();
        new ParameterInterval(1.0, double.PositiveInfinity, 0.95).IsFinite.Should().BeFalse();
        new ParameterInterval(double.NaN, double.NaN, 0.95).IsFinite.Should().BeFalse();
    }

    [Fact]
    public void FitOptions_AcceptZeroTolerancesAndDefaultToEveryCore()
    {
        FitOptions.Default.MaxDegreeOfParallelism.Should().Be(-1);
        var options = FitOptions.Default with { FunctionTolerance = 0.0, ParameterTolerance = 0.0, GradientTolerance = 0.0, MaxIterations = 50 };
        var fit = ScalingLawFitter.Fit(new PowerLaw(), SyntheticData.PowerLaw(0.01), options);
        fit.Parameters[1].Should().BeApproximately(0.3, 0.01);
    }

    [Fact]
    public void FitFailedException_CarriesTheResultAndItsDiagnostics()
    {
        var fit = ScalingLawFitter.Fit(new SaturatingPowerLaw(), SyntheticData.Saturating(0.01), FitOptions.Default with
        {
            MaxIterations = 1,
            Starts = StartStrategy.FromPoints([[0.5, 10.0, 1.5]]),
        });
        fit.Converged.Should().BeFalse();

        var act = () => fit.EnsureConverged();
        var thrown = act.Should().Throw<FitFailedException>().Which;
        thrown.Result.Should().BeSameAs(fit);
        thrown.Message.Should().Be($"The fit did not converge: {fit.Diagnostics}");
    }
}
