using System.Globalization;
using System.Text.RegularExpressions;

namespace ScalingLaws.Cli.Tests;

public sealed partial class OtherCommandsTests : IDisposable
{
    private readonly string _folder = Tool.TempFolder();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Run_Laws_ListsEveryRegisteredLawWithFormula()
    {
        var (code, output, _) = Tool.Run("laws");

        code.Should().Be(0);
        foreach (var name in LawRegistry.Names)
        {
            output.Should().Contain(name);
        }

        output.Should().Contain("L(N, D) = E + A/N^alpha + B/D^beta");
    }

    [Fact]
    public void Run_Help_ExitsZeroAndDescribesCommands()
    {
        var (code, output, _) = Tool.Run("--help");

        code.Should().Be(0);
        output.Should().Contain("fit").And.Contain("predict").And.Contain("optimal").And.Contain("schedule");
    }

    [Fact]
    public void Run_Predict_MatchesTheLibraryPrediction()
    {
        // The same fit done through the library: the tool must print its prediction (G6) for N = 7e10, D = 1.4e12.
        var data = ObservationsCsv.Read(Tool.ChinchillaCsv, new CsvReadOptions
        {
            TargetColumn = "loss",
            InputColumns = new Dictionary<string, string> { ["N"] = "Model Size", ["C"] = "Training FLOP" },
        })
            .DropLargestTargets(5)
            .WithDerivedColumn("D", r => r["C"] / (6.0 * r["N"]));
        var fit = ScalingLawFitter.Fit(new ChinchillaLaw(), data,
            FitOptions.Default with { Loss = LossFunction.Huber(1e-3), ResidualSpace = ResidualSpace.Log });
        var expected = fit.Predict(7e10, 1.4e12).ToString("G6", CultureInfo.InvariantCulture);

        var (code, output, error) = Tool.Run([.. Tool.ChinchillaFitArguments("predict"), "--at", "N=7e10,D=1.4e12"]);

        code.Should().Be(0, error);
        output.Should().Contain($"loss = {expected} CI [").And.Contain("outside fitted range");
    }

    [Fact]
    public void Run_PredictThroughDerivedInput_ComputesD()
    {
        var (code, output, error) = Tool.Run([.. Tool.ChinchillaFitArguments("predict"), "--at", "N=1e10,C=6e21"]);

        code.Should().Be(0, error);
        output.Should().Contain("D=1E+11");
    }

    [Fact]
    public void Run_OptimalWithHoffmannParameters_MatchesClosedForm()
    {
        var expected = ComputeOptimalAllocation.FromParameters(ChinchillaLaw.HoffmannParameters).Allocate(5.76e23);

        var (code, output, error) = Tool.Run("optimal", "--parameters", "E=1.69,A=406.4,alpha=0.34,B=410.7,beta=0.28", "--compute", "5.76e23");

        code.Should().Be(0, error);
        var match = NOptPattern().Match(output);
        match.Success.Should().BeTrue(output);
        var printed = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        printed.Should().BeApproximately(expected.ParameterCount, 1e-3 * expected.ParameterCount, "printed to 4 significant digits");
    }

    [Fact]
    public void Run_OptimalFromDataWithPlots_WritesBothPlots()
    {
        var frontier = Path.Combine(_folder, "frontier.svg");
        var isoflop = Path.Combine(_folder, "isoflop.png");

        var (code, output, error) = Tool.Run([.. Tool.ChinchillaFitArguments("optimal"), "--compute", "5.76e23", "--target-loss", "2.0",
            "--plot", frontier, "--isoflop-plot", isoflop]);

        code.Should().Be(0, error);
        output.Should().Contain("parameters N_opt").And.Contain("target loss 2");
        File.Exists(frontier).Should().BeTrue();
        File.Exists(isoflop).Should().BeTrue();
    }

    [Fact]
    public void Run_ScheduleWithAnnealingParameters_PrintsFeaturesAndPredictions()
    {
        var (code, output, error) = Tool.Run("schedule", "--schedule", "cosine:steps=1000,peak=3e-4,final=3e-5,warmup=100,name=cos",
            "--schedule", "constant:steps=1000,peak=3e-4,warmup=100,name=const", "--annealing", "L0=2.5,A=0.5,alpha=0.5,C=200", "--every", "250");

        code.Should().Be(0, error);
        output.Should().Contain("cos: 1000 steps, warmup 100").And.Contain("predicted loss").And.Contain("ranking by predicted final loss");
        var expectedS1 = ScheduleAreas.Compute(LearningRateSchedule.Cosine(1000, 3e-4, 3e-5, Warmup.Linear(100))).ForwardArea[^1];
        output.Should().Contain(FormattableString.Invariant($"S1 = {expectedS1:G6}"));
    }

    [Fact]
    public void Run_ScheduleTrainOnCurves_FitsAndWritesPlot()
    {
        var schedule = LearningRateSchedule.Cosine(2000, 3e-4, 3e-5, Warmup.Linear(100));
        var truth = LossCurvePredictor.ForAnnealingLaw([2.5, 0.5, 0.5, 200.0]);
        var steps = Enumerable.Range(0, 40).Select(i => 100 + (i * 47)).ToArray();
        var losses = truth.Predict(schedule, steps);
        var csv = Path.Combine(_folder, "run.csv");
        File.WriteAllLines(csv, ["step,lr,loss", .. steps.Select((s, i) => FormattableString.Invariant($"{s},{schedule[s]:R},{losses[i]:R}"))]);
        var plot = Path.Combine(_folder, "curves.png");

        var (code, output, error) = Tool.Run("schedule", "--train", $"{csv}@cosine:steps=2000,peak=3e-4,final=3e-5,warmup=100", "--law", "lr-annealing",
            "--schedule", "wsd:steps=2000,peak=3e-4,decay-start=1600,final=3e-5,warmup=100", "--plot", plot);

        code.Should().Be(0, error);
        output.Should().Contain("lr-annealing");
        File.Exists(plot).Should().BeTrue();
    }

    [GeneratedRegex(@"parameters N_opt\s+([0-9.E+\-]+)")]
    private static partial Regex NOptPattern();
}
