using System.Globalization;

namespace ScalingLaws.Tests.Schedules;

public class LossCurvePredictorTests
{
    private static readonly double[] AnnealingParameters = [2.5, 0.6, 0.5, 0.4];
    private static readonly double[] MultiPowerParameters = [2.5, 0.6, 0.45, 400.0, 2.0, 0.6, 0.65];

    [Fact]
    public void PredictCurve_AnnealingLaw_IsFormulaAtEveryStep()
    {
        var schedule = LearningRateSchedule.Cosine(500, 1e-3, 1e-4, Warmup.Linear(50));
        var predictor = LossCurvePredictor.ForAnnealingLaw(AnnealingParameters);

        var curve = predictor.PredictCurve(schedule);

        var areas = ScheduleAreas.Compute(schedule);
        curve.Should().HaveCount(500);
        curve[0].Should().Be(double.PositiveInfinity, "S1(0) = 0 with a warmup from rate 0");
        for (var s = 1; s < 500; s++)
        {
            var expected = 2.5 + (0.6 * Math.Pow(areas.ForwardArea[s], -0.5)) - (0.4 * areas.AnnealingArea[s]);
            curve[s].Should().BeApproximately(expected, 1e-14 * expected);
        }
    }

    [Fact]
    public void Predict_MultiPowerLaw_MatchesLawEvaluate()
    {
        var schedule = LearningRateSchedule.Cosine(2000, 3e-4, 3e-5, Warmup.Linear(100));
        var predictor = LossCurvePredictor.ForMultiPowerLaw(MultiPowerParameters);
        var steps = Enumerable.Range(0, 300).Select(i => 1999 - (i * 6)).ToArray();

        var predicted = predictor.Predict(schedule, steps);

        var law = new MultiPowerLaw([schedule]);
        var expected = new double[steps.Length];
        law.Evaluate(MultiPowerParameters, new LawInputs([new double[steps.Length], steps.Select(s => (double)s).ToArray()]), expected, []);
        predicted.Should().Equal(expected);
        predictor.PredictFinalLoss(schedule).Should().Be(predicted[0]);
    }

    [Fact]
    public void PredictCurve_MultiPowerLaw_StepZeroIsInfinite()
    {
        var predictor = LossCurvePredictor.ForMultiPowerLaw(MultiPowerParameters);

        var curve = predictor.PredictCurve(LearningRateSchedule.Constant(50, 3e-4, Warmup.Linear(10)));

        curve[0].Should().Be(double.PositiveInfinity);
        curve.Skip(1).Should().OnlyContain(v => double.IsFinite(v));
    }

    [Theory]
    [InlineData(LossCurveLawKind.AnnealingLaw)]
    [InlineData(LossCurveLawKind.MultiPowerLaw)]
    public void RankSchedules_DecayBeatsConstant_BestFirst(LossCurveLawKind kind)
    {
        var predictor = kind == LossCurveLawKind.AnnealingLaw
            ? LossCurvePredictor.ForAnnealingLaw([2.5, 0.6, 0.5, 400.0])
            : LossCurvePredictor.ForMultiPowerLaw(MultiPowerParameters);
        var warmup = Warmup.Linear(100);
        LearningRateSchedule[] candidates =
        [
            LearningRateSchedule.Constant(2000, 3e-4, warmup).WithName("constant"),
            LearningRateSchedule.WarmupStableDecay(2000, 3e-4, 1600, 3e-5, DecayShape.Linear, warmup).WithName("wsd"),
            LearningRateSchedule.Constant(2000, 3e-4, warmup).WithName("constant again"),
        ];

        var ranking = predictor.RankSchedules(candidates);

        ranking.Select(r => r.Schedule.Name).Should().Equal("wsd", "constant", "constant again");
        ranking.Select(r => r.Rank).Should().Equal(1, 2, 3);
        ranking.Select(r => r.CandidateIndex).Should().Equal(1, 0, 2);
        ranking[0].PredictedFinalLoss.Should().Be(predictor.PredictFinalLoss(candidates[1]));
        ranking[0].ToString().Should().StartWith("#1 wsd: final loss ");
    }

    [Fact]
    public void RankSchedules_NoCandidates_Throws()
    {
        var act = () => LossCurvePredictor.ForAnnealingLaw(AnnealingParameters).RankSchedules([]);

        act.Should().Throw<ArgumentException>().WithParameterName("candidates");
    }

    [Fact]
    public void Predict_StepOutsideSchedule_ThrowsNamingIndex()
    {
        var predictor = LossCurvePredictor.ForAnnealingLaw(AnnealingParameters);

        var act = () => predictor.Predict(LearningRateSchedule.Constant(10, 1.0), [3, 10]);

        act.Should().Throw<ArgumentException>().WithParameterName("steps").WithMessage("*steps[1] = 10*");
    }

    [Fact]
    public void ForMultiPowerLaw_WrongParameterCount_Throws()
    {
        var act = () => LossCurvePredictor.ForMultiPowerLaw(AnnealingParameters);

        act.Should().Throw<ArgumentException>().WithParameterName("parameters").WithMessage("*7 parameters*4 values*");
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void ForAnnealingLaw_NonFiniteParameter_ThrowsNamingIt(double bad)
    {
        var act = () => LossCurvePredictor.ForAnnealingLaw([2.5, bad, 0.5, 0.4]);

        act.Should().Throw<ArgumentException>().WithParameterName("parameters").WithMessage("*parameters[1] (A)*");
    }

    [Fact]
    public void Indexer_ParameterName_ReturnsValue()
    {
        var predictor = LossCurvePredictor.ForMultiPowerLaw(MultiPowerParameters);

        predictor["gamma"].Should().Be(0.65);
        predictor.Kind.Should().Be(LossCurveLawKind.MultiPowerLaw);
        var act = () => predictor["delta"];
        act.Should().Throw<ArgumentException>().WithParameterName("parameterName");
    }

    [Fact]
    public void ToString_CommaDecimalCulture_UsesInvariantCulture()
    {
        using var scope = new Core.CultureScope("fr-FR");

        var text = LossCurvePredictor.ForAnnealingLaw(AnnealingParameters).ToString();

        text.Should().Be("AnnealingLaw: L0 = 2.5, A = 0.6, alpha = 0.5, C = 0.4");
        CultureInfo.CurrentCulture.Name.Should().Be("fr-FR");
    }
}
