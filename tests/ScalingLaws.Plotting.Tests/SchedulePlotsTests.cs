namespace ScalingLaws.Plotting.Tests;

public sealed class SchedulePlotsTests : IDisposable
{
    // See FitPlotsTests: a rendered plot has far more colours than a blank one.
    private const int MinimumDistinctColors = 50;
    private readonly string _folder = Images.TempFolder();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void SaveLossCurves_WithFitAndCandidate_WritesPngOfRequestedSize()
    {
        var warmup = Warmup.Linear(100);
        var cosine = LearningRateSchedule.Cosine(2000, 3e-4, 3e-5, warmup).WithName("cosine");
        var constant = LearningRateSchedule.Constant(2000, 3e-4, warmup).WithName("constant");
        var truth = LossCurvePredictor.ForAnnealingLaw([2.5, 0.5, 0.5, 200.0]);
        var steps = Enumerable.Range(0, 40).Select(i => 100 + (i * 47)).ToArray();
        var curves = new[] { cosine, constant }.Select(s => new LossCurve(s.Name, s, steps, truth.Predict(s, steps))).ToArray();
        var fit = LossCurveFitter.FitAnnealingLaw(curves);
        var candidate = LearningRateSchedule.WarmupStableDecay(2000, 3e-4, 1600, 3e-5, DecayShape.Linear, warmup).WithName("wsd");
        var file = Path.Combine(_folder, "curves.png");

        SchedulePlots.SaveLossCurves(curves, file, fit, PlotOptions.Default with { Width = 900, Height = 700 }, [candidate]);

        Images.PngSize(file).Should().Be((900, 700));
        Images.DistinctColors(file).Should().BeGreaterThan(MinimumDistinctColors);
    }

    [Fact]
    public void CreateLossCurves_CandidatesWithoutFit_Throws()
    {
        var schedule = LearningRateSchedule.Constant(100, 1e-3);

        var act = () => SchedulePlots.CreateLossCurves([], null, null, [schedule]);

        act.Should().Throw<ArgumentException>().WithParameterName("predictedSchedules");
    }
}
