namespace ScalingLaws.Tests.Schedules;

public class LossCurveTests
{
    private static readonly LearningRateSchedule Schedule = LearningRateSchedule.Cosine(100, 1e-3, 1e-4, Warmup.Linear(10));

    [Fact]
    public void Constructor_ValidCurve_CopiesInputs()
    {
        int[] steps = [10, 50, 99];
        double[] losses = [4.0, 3.5, 3.2];
        var curve = new LossCurve("run", Schedule, steps, losses);
        steps[0] = 0;
        losses[0] = 9.0;

        curve.Steps.Should().Equal(10, 50, 99);
        curve.Losses.Should().Equal(4.0, 3.5, 3.2);
        curve.Count.Should().Be(3);
        curve.ToString().Should().StartWith("run: 3 logged steps");
    }

    [Fact]
    public void Constructor_NoSteps_Throws()
    {
        var act = () => new LossCurve("run", Schedule, [], []);

        act.Should().Throw<ArgumentException>().WithParameterName("steps").WithMessage("*no logged steps*");
    }

    [Fact]
    public void Constructor_LengthsDiffer_Throws()
    {
        var act = () => new LossCurve("run", Schedule, [10, 20], [3.0]);

        act.Should().Throw<ArgumentException>().WithParameterName("losses").WithMessage("*2 steps but 1 losses*");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100)]
    public void Constructor_StepOutsideSchedule_ThrowsNamingIndex(int step)
    {
        var act = () => new LossCurve("run", Schedule, [10, step], [3.0, 3.0]);

        act.Should().Throw<ArgumentException>().WithParameterName("steps").WithMessage($"*steps[1] = {step}*0 … 99*");
    }

    [Fact]
    public void Constructor_StepsNotIncreasing_Throws()
    {
        var act = () => new LossCurve("run", Schedule, [20, 20], [3.0, 3.0]);

        act.Should().Throw<ArgumentException>().WithParameterName("steps").WithMessage("*steps[1] = 20*must increase*");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Constructor_LossNotPositiveAndFinite_ThrowsNamingIndex(double loss)
    {
        var act = () => new LossCurve("run", Schedule, [10, 20], [3.0, loss]);

        act.Should().Throw<ArgumentException>().WithParameterName("losses").WithMessage("*losses[1] = *not positive and finite*");
    }

    [Fact]
    public void ReadCsv_WrongSchedule_ThrowsNamingRowAndRates()
    {
        var path = MplTestData.FilePath(100, "cosine_24000");

        var act = () => LossCurve.ReadCsv(path, MplTestData.Schedule("constant_24000"));

        act.Should().Throw<ArgumentException>().WithParameterName("schedule")
            .WithMessage("*data row 2 (step 2288): the logged learning rate 0.0002999771173709568 differs from schedule 'constant_24000' (0.0003)*");
    }

    [Fact]
    public void ReadCsv_MplFile_ReadsStepsAndLosses()
    {
        var curve = MplTestData.Curve(100, "wsdcon_9");

        curve.Name.Should().Be("wsdcon_9");
        curve.Count.Should().Be(109);
        curve.Steps[0].Should().Be(2176);
        curve.Steps[^1].Should().Be(15936);
        curve.Losses[^1].Should().Be(3.0588);
    }

    [Fact]
    public void ReadCsv_NoRateColumn_SkipsCheck()
    {
        var curve = LossCurve.ReadCsv(new StringReader("step,loss\n10,4.0\n20,3.9\n"), Schedule, "inline");

        curve.Steps.Should().Equal(10, 20);
    }

    [Theory]
    [InlineData("step,loss\n10.5,4.0\n", "*data row 1: step 10.5 is not an integer in 0 … 99*")]
    [InlineData("step,loss\n100,4.0\n", "*data row 1: step 100 is not an integer*")]
    [InlineData("step,loss\n10,-4.0\n", "*losses[0] = -4*")]
    [InlineData("step,value\n10,4.0\n", "*no column 'loss'*")]
    public void ReadCsv_BadInput_ThrowsWithClearMessage(string text, string message)
    {
        var act = () => LossCurve.ReadCsv(new StringReader(text), Schedule, "inline");

        act.Should().Throw<ArgumentException>().WithMessage(message);
    }

    [Fact]
    public void ToObservations_SeveralCurves_HaveAreasAndGroupLabels()
    {
        var other = LearningRateSchedule.Constant(50, 1e-3, Warmup.Linear(10));
        LossCurve[] curves = [new("a", Schedule, [10, 99], [4.0, 3.0]), new("b", other, [20], [3.5])];

        var data = LossCurve.ToObservations(curves, new AnnealingAreaOptions { Momentum = 0.99 });

        var areasA = ScheduleAreas.Compute(Schedule, new AnnealingAreaOptions { Momentum = 0.99 });
        var areasB = ScheduleAreas.Compute(other, new AnnealingAreaOptions { Momentum = 0.99 });
        data.ColumnNames.Should().Equal("step", "S1", "S2");
        data.Column("step").Should().Equal(10.0, 99.0, 20.0);
        data.Column("S1").Should().Equal(areasA.ForwardArea[10], areasA.ForwardArea[99], areasB.ForwardArea[20]);
        data.Column("S2").Should().Equal(areasA.AnnealingArea[10], areasA.AnnealingArea[99], areasB.AnnealingArea[20]);
        data.Target.Should().Equal(4.0, 3.0, 3.5);
        data.Groups.Should().Equal("a", "a", "b");
        data.TargetName.Should().Be("loss");
    }

    [Fact]
    public void ToObservations_DuplicateNames_Throws()
    {
        LossCurve[] curves = [new("a", Schedule, [10], [4.0]), new("a", Schedule, [20], [3.5])];

        var act = () => LossCurve.ToObservations(curves);

        act.Should().Throw<ArgumentException>().WithParameterName("curves").WithMessage("*curves[1] is named 'a'*");
    }

    [Fact]
    public void ToObservations_Empty_Throws()
    {
        var act = () => LossCurve.ToObservations([]);

        act.Should().Throw<ArgumentException>().WithParameterName("curves");
    }
}
