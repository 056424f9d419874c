namespace ScalingLaws.Tests.Extrapolation;

public class ExtrapolationValidationTests
{
    [Fact]
    public void Holdout_ExactSyntheticData_PredictsHeldOutRowsExactly()
    {
        var x = Enumerable.Range(0, 20).Select(i => Math.Pow(10.0, 6.0 + (0.2 * i))).ToArray();
        var y = x.Select(v => 1.7 + (400.0 * Math.Pow(v, -0.35))).ToArray();
        var data = Observations.FromArrays("x", x, y);

        var validation = ExtrapolationValidation.Holdout(new SaturatingPowerLaw(), data, "x", 1e9, FitOptions.Default with { ResidualSpace = ResidualSpace.Log });

        validation.TrainingFit.Data.Count.Should().Be(15);
        validation.HeldOut.Count.Should().Be(5);
        // Exact data: the fit recovers the law to solver precision (~1e-10), so held-out errors vanish.
        validation.Summary.MaximumAbsoluteLogError.Should().BeLessThan(1e-8);
        validation.Summary.MaximumAbsoluteRelativeError.Should().BeLessThan(1e-8);
        validation.Predictions.Should().AllSatisfy(p => p.IsOutsideFittedRange.Should().BeTrue());
    }

    [Fact]
    public void Holdout_EpochChinchillaData_SmallModelsPredictLargeOnes()
    {
        // Epoch AI's 240 points (samples/Chinchilla): fit on the 188 models with N < 2e9, predict the 52 with N ≥ 2e9.
        // Measured here: mean |log error| 0.0085, largest 0.036, bias −0.2%. A law that extrapolates has mean |log error|
        // well below 0.05 (5% in loss); the errors must also be consistent with each other (ŷ/y − 1 = e^(log error) − 1).
        var validation = ExtrapolationValidation.Holdout(new ChinchillaLaw(), ExtrapolationTestData.Epoch, "N", 2e9, ExtrapolationTestData.EpochOptions);

        validation.TrainingFit.Data.Count.Should().Be(188);
        validation.HeldOut.Count.Should().Be(52);
        validation.TrainingFit.Converged.Should().BeTrue();
        validation.Summary.Count.Should().Be(52);
        validation.Summary.MeanAbsoluteLogError.Should().BeLessThan(0.05);
        validation.Summary.MaximumAbsoluteRelativeError.Should().BeLessThan(0.10);
        for (var i = 0; i < validation.HeldOut.Count; i++)
        {
            validation.RelativeErrors[i].Should().BeApproximately(Math.Exp(validation.LogErrors[i]) - 1.0, 1e-12);
            validation.LogErrors[i].Should().BeApproximately(Math.Log(validation.Predictions[i].Value / validation.Observed[i]), 1e-12);
        }

        validation.Summary.PredictionIntervalCoverage.Should().BeInRange(0.0, 1.0);
        validation.ToString().Should().Contain("52 held out");
    }

    [Fact]
    public void Holdout_ExplicitSplit_UsesGivenSets()
    {
        var x = Enumerable.Range(1, 12).Select(i => (double)i).ToArray();
        var y = x.Select(v => 2.0 + (3.0 * Math.Pow(v, -0.5))).ToArray();
        var training = Observations.FromArrays("x", x[..8], y[..8]);
        var heldOut = Observations.FromArrays("x", x[8..], y[8..].Select(v => v * 1.1).ToArray());

        var validation = ExtrapolationValidation.Holdout(new SaturatingPowerLaw(), training, heldOut);

        // Held-out targets are 10% above the law: every relative error is 1/1.1 − 1.
        validation.RelativeErrors.Should().AllSatisfy(e => e.Should().BeApproximately((1.0 / 1.1) - 1.0, 1e-8));
        validation.Summary.MeanRelativeError.Should().BeApproximately((1.0 / 1.1) - 1.0, 1e-8);
    }

    [Theory]
    [InlineData(1e3)]
    [InlineData(1e12)]
    public void Holdout_ThresholdLeavingOneSideEmpty_Throws(double threshold)
    {
        var x = Enumerable.Range(0, 10).Select(i => Math.Pow(10.0, 6.0 + (0.2 * i))).ToArray();
        var data = Observations.FromArrays("x", x, x.Select(v => 2.0 + Math.Pow(v, -0.3)).ToArray());

        var act = () => ExtrapolationValidation.Holdout(new SaturatingPowerLaw(), data, "x", threshold);

        act.Should().Throw<ArgumentException>().WithParameterName(nameof(threshold));
    }

    [Fact]
    public void Holdout_UnknownColumn_Throws()
    {
        var data = Observations.FromArrays("x", [1.0, 2.0, 3.0, 4.0], [3.0, 2.5, 2.2, 2.0]);

        var act = () => ExtrapolationValidation.Holdout(new SaturatingPowerLaw(), data, "N", 2.0);

        act.Should().Throw<ArgumentException>().WithParameterName("inputName").WithMessage("*no column 'N'*");
    }

    [Fact]
    public void LeaveOneGroupOut_ThreeGroups_OneFoldPerGroupCoveringEveryRow()
    {
        var x = Enumerable.Range(0, 18).Select(i => Math.Pow(10.0, 6.0 + (0.2 * i))).ToArray();
        var y = x.Select(v => 1.7 + (400.0 * Math.Pow(v, -0.35))).ToArray();
        var groups = Enumerable.Range(0, 18).Select(i => (i % 3) switch { 0 => "a", 1 => "b", _ => "c" }).ToArray();
        var data = new Observations(["x"], [x], y, groups: groups);

        var result = ExtrapolationValidation.LeaveOneGroupOut(new SaturatingPowerLaw(), data, FitOptions.Default with { ResidualSpace = ResidualSpace.Log });

        result.Groups.Should().Equal("a", "b", "c");
        result.Folds.Should().HaveCount(3);
        result.Folds.Should().AllSatisfy(f =>
        {
            f.HeldOut.Count.Should().Be(6);
            f.TrainingFit.Data.Count.Should().Be(12);
        });
        result.Summary.Count.Should().Be(18);
        // Exact data: every fold recovers the law.
        result.Summary.MaximumAbsoluteLogError.Should().BeLessThan(1e-8);
        result.ToString().Should().Contain("pooled");
    }

    [Fact]
    public void LeaveOneGroupOut_NoGroupLabels_Throws()
    {
        var data = Observations.FromArrays("x", [1.0, 2.0, 3.0, 4.0], [3.0, 2.5, 2.2, 2.0]);

        var act = () => ExtrapolationValidation.LeaveOneGroupOut(new SaturatingPowerLaw(), data);

        act.Should().Throw<ArgumentException>().WithParameterName("data").WithMessage("*no group labels*");
    }

    [Fact]
    public void LeaveOneGroupOut_SingleGroup_Throws()
    {
        var data = new Observations(["x"], [[1.0, 2.0, 3.0, 4.0]], [3.0, 2.5, 2.2, 2.0], groups: ["a", "a", "a", "a"]);

        var act = () => ExtrapolationValidation.LeaveOneGroupOut(new SaturatingPowerLaw(), data);

        act.Should().Throw<ArgumentException>().WithParameterName("data").WithMessage("*at least 2 groups*");
    }
}
