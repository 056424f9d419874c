namespace ScalingLaws.Tests.Schedules;

public class LossCurveFitterTests
{
    [Fact]
    public void FitAnnealingLaw_Mpl100MTrainCurves_ReachesReferenceOptimum()
    {
        // Acceptance (issue 5): objective (Huber sum) ≤ 1.2889e-4 and L0 2.69336, A 0.55334, alpha 0.52452, C 0.4754 within 1%
        // (reference fit computed for SOURCE.md with L-BFGS-B from 192 starts, same objective).
        double[] reference = [2.69336, 0.55334, 0.52452, 0.4754];

        var fit = LossCurveFitter.FitAnnealingLaw(MplTestData.Train(100));

        fit.Result.Converged.Should().BeTrue();
        fit.Result.Objective.Should().BeLessThanOrEqualTo(1.2889e-4);
        for (var k = 0; k < 4; k++)
        {
            fit.Result.Parameters[k].Should().BeApproximately(reference[k], 0.01 * reference[k], fit.Result.ParameterNames[k]);
        }

        fit.Kind.Should().Be(LossCurveLawKind.AnnealingLaw);
        fit.Curves.Select(c => c.Name).Should().Equal(MplTestData.TrainNames);
        fit.Result.Options.Loss.Delta.Should().Be(1e-3);
        fit.Result.Options.ResidualSpace.Should().Be(ResidualSpace.Log);
    }

    [Fact]
    public void FitAnnealingLaw_ExactSyntheticCurves_RecoversParameters()
    {
        double[] truth = [2.5, 0.6, 0.5, 0.4];
        var predictor = LossCurvePredictor.ForAnnealingLaw(truth);
        var schedules = new[]
        {
            LearningRateSchedule.Cosine(5000, 3e-4, 3e-5, Warmup.Linear(200)).WithName("cosine"),
            LearningRateSchedule.WarmupStableDecay(5000, 3e-4, 4000, 3e-5, DecayShape.Linear, Warmup.Linear(200)).WithName("wsd"),
        };
        var curves = schedules.Select(s =>
        {
            var steps = Enumerable.Range(0, 48).Select(i => 200 + (i * 100)).ToArray();
            return new LossCurve(s.Name, s, steps, predictor.Predict(s, steps));
        }).ToArray();

        var fit = LossCurveFitter.FitAnnealingLaw(curves);

        fit.Result.Parameters.Should().Equal(truth, (a, e) => Math.Abs(a - e) <= 1e-7 * e);
    }

    [Fact]
    public void FitMultiPowerLawReferenceProtocol_Mpl100MTrainCurves_ReproducesPublishedFit()
    {
        // The reference code's procedure reproduces the published parameters (SOURCE.md) and, with them, the published test
        // PredE; acceptance (issue 5): mean PredE of the library's MPL fit within 10% of the published 0.00142.
        var published = MplTestData.PublishedParameters[100];

        var fit = LossCurveFitter.FitMultiPowerLawReferenceProtocol(MplTestData.Train(100));

        for (var k = 0; k < 7; k++)
        {
            // Measured: ≤ 2.4e-6 relative for all sizes (the reference code uses PyTorch; rounding differs).
            fit.Result.Parameters[k].Should().BeApproximately(published[k], 1e-4 * published[k], fit.Result.ParameterNames[k]);
        }

        fit.Result.Diagnostics.Status.Should().Be(FitStatus.MaxIterationsReached);
        fit.Result.Diagnostics.Message.Should().Contain("AdamW stopped after");
        var predE = LossCurveMetrics.Average(fit.Evaluate(MplTestData.Test(100))).MeanRelativeError;
        predE.Should().BeApproximately(0.00142, 0.10 * 0.00142);
    }

    [Fact]
    public void FitAnnealingLaw_NoCurves_Throws()
    {
        var act = () => LossCurveFitter.FitAnnealingLaw([]);

        act.Should().Throw<ArgumentException>().WithParameterName("curves");
    }

    [Fact]
    public void FitMultiPowerLaw_DuplicateCurveNames_Throws()
    {
        var schedule = LearningRateSchedule.Constant(100, 1e-3, Warmup.Linear(10));
        LossCurve[] curves = [new("a", schedule, [20, 30], [4.0, 3.9]), new("a", schedule, [40, 50], [3.8, 3.7])];

        var act = () => LossCurveFitter.FitMultiPowerLaw(curves);

        act.Should().Throw<ArgumentException>().WithParameterName("curves").WithMessage("*curves[1] is named 'a'*");
    }

    [Fact]
    public void FitAnnealingLaw_LoggedStepWithZeroForwardArea_ThrowsNamingRow()
    {
        // Step 0 of a warmup from rate 0 has S1 = 0, outside the law's domain.
        var schedule = LearningRateSchedule.Constant(100, 1e-3, Warmup.Linear(10));
        LossCurve[] curves = [new("a", schedule, [0, 20, 30, 40, 50], [9.0, 4.0, 3.9, 3.8, 3.7])];

        var act = () => LossCurveFitter.FitAnnealingLaw(curves);

        act.Should().Throw<ArgumentException>().WithMessage("*S1[0] = 0*");
    }

    [Fact]
    public void FitMultiPowerLawReferenceProtocol_NullCurve_Throws()
    {
        var act = () => LossCurveFitter.FitMultiPowerLawReferenceProtocol([null!]);

        act.Should().Throw<ArgumentException>().WithParameterName("curves").WithMessage("*curves[0] is null*");
    }
}
