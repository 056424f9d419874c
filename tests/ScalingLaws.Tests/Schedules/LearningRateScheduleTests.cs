using System.Globalization;

namespace ScalingLaws.Tests.Schedules;

public class LearningRateScheduleTests
{
    // Closed-form values computed in double precision; the factories evaluate the same formulas, so only rounding differs.
    private const double FormulaTolerance = 1e-15;

    // Acceptance (issue 5): library schedules equal the CSV lr column at every logged step to 1e-12 relative.
    private const double DataRateTolerance = 1e-12;

    public static TheoryData<int, string> DataFiles()
    {
        var data = new TheoryData<int, string>();
        foreach (var size in MplTestData.Sizes)
        {
            foreach (var name in MplTestData.TrainNames.Concat(MplTestData.TestNames))
            {
                data.Add(size, name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DataFiles))]
    public void Factories_MplDataFiles_EqualLoggedRates(int size, string name)
    {
        var logged = ObservationsCsv.Read(MplTestData.FilePath(size, name), new CsvReadOptions
        {
            TargetColumn = "lr",
            InputColumns = new Dictionary<string, string> { ["step"] = "step" },
        });
        var schedule = MplTestData.Schedule(name);

        logged.Count.Should().BeGreaterThan(90);
        for (var i = 0; i < logged.Count; i++)
        {
            var step = (int)logged.Column("step")[i];
            var expected = logged.Target[i];
            Math.Abs(schedule[step] - expected).Should().BeLessThanOrEqualTo(DataRateTolerance * expected,
                $"{name} ({size}M) at step {step}");
        }
    }

    [Fact]
    public void LinearWarmup_MplConvention_IsLinspaceFromZero()
    {
        // numpy.linspace(0, 3e-4, 2160): η_i = i·(3e-4/2159), last value exactly 3e-4.
        var schedule = LearningRateSchedule.Constant(3000, 3e-4, Warmup.Linear(2160));

        schedule[0].Should().Be(0.0);
        schedule[1].Should().Be(3e-4 / 2159);
        schedule[1000].Should().Be(1000 * (3e-4 / 2159));
        schedule[2159].Should().Be(3e-4);
        schedule[2160].Should().Be(3e-4);
        schedule.WarmupSteps.Should().Be(2160);
    }

    [Fact]
    public void LinearWarmup_InitialFractionOneOverSteps_GivesRateTimesStepPlusOneOverSteps()
    {
        var schedule = LearningRateSchedule.Constant(6, 2.0, Warmup.Linear(4, 0.25));

        schedule.Rates.Should().Equal([0.5, 1.0, 1.5, 2.0, 2.0, 2.0], (a, e) => Math.Abs(a - e) <= FormulaTolerance);
    }

    [Fact]
    public void Cosine_AfterWarmup_FollowsHalfCosineToFloor()
    {
        var schedule = LearningRateSchedule.Cosine(110, 1.0, 0.1, Warmup.Linear(10));

        schedule[10].Should().Be(1.0);
        schedule[60].Should().BeApproximately(0.55, FormulaTolerance);
        schedule[109].Should().BeApproximately(0.1 + (0.45 * (1.0 + Math.Cos(Math.PI * 99 / 100))), FormulaTolerance);
    }

    [Fact]
    public void LinearDecay_WithoutWarmup_InterpolatesToFinalRate()
    {
        var schedule = LearningRateSchedule.LinearDecay(4, 1.0, 0.2);

        schedule.Rates.Should().Equal([1.0, 0.8, 0.6, 0.4], (a, e) => Math.Abs(a - e) <= FormulaTolerance);
        schedule.WarmupSteps.Should().Be(0);
    }

    [Theory]
    [InlineData(DecayShape.Exponential, 0.5)]
    [InlineData(DecayShape.Linear, 0.625)]
    [InlineData(DecayShape.Cosine, 0.625)]
    public void WarmupStableDecay_Shapes_HaveExpectedMidpoint(DecayShape shape, double midpoint)
    {
        // Peak 1, final 0.25, decay over steps 10 … 19: p = 0.5 at step 15; geometric mean 0.5, arithmetic mean 0.625.
        var schedule = LearningRateSchedule.WarmupStableDecay(20, 1.0, 10, 0.25, shape);

        schedule[9].Should().Be(1.0);
        schedule[10].Should().BeApproximately(1.0, FormulaTolerance);
        schedule[15].Should().BeApproximately(midpoint, FormulaTolerance);
        schedule[19].Should().BeLessThan(schedule[15]);
    }

    [Fact]
    public void MultiStep_Milestones_SwitchRates()
    {
        var schedule = LearningRateSchedule.MultiStep(8, [4, 6], [1.0, 0.5, 0.1], Warmup.Linear(2));

        schedule.Rates.Should().Equal([0.0, 1.0, 1.0, 1.0, 0.5, 0.5, 0.1, 0.1]);
    }

    [Fact]
    public void InverseSquareRoot_TimescaleEqualToWarmup_IsPeakTimesSqrtWarmupOverStep()
    {
        var schedule = LearningRateSchedule.InverseSquareRoot(100, 2.0, 10, Warmup.Linear(10));

        schedule[10].Should().Be(2.0);
        schedule[40].Should().BeApproximately(2.0 * Math.Sqrt(10.0 / 40.0), FormulaTolerance);
    }

    [Fact]
    public void FromArray_CopiesInput_AndExposesReadOnlyRates()
    {
        double[] rates = [0.0, 1.0, 0.5];
        var schedule = LearningRateSchedule.FromArray(rates, warmupSteps: 2, name: "custom");
        rates[1] = 7.0;

        schedule[1].Should().Be(1.0);
        schedule.Name.Should().Be("custom");
        schedule.FinalRate.Should().Be(0.5);
        schedule.PeakRate.Should().Be(1.0);
        schedule.Rates.Should().NotBeAssignableTo<double[]>();
        schedule.AsSpan().ToArray().Should().Equal(0.0, 1.0, 0.5);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(-1e-9)]
    public void FromArray_InvalidRate_ThrowsNamingIndexAndValue(double bad)
    {
        var act = () => LearningRateSchedule.FromArray([1.0, bad, 1.0]);

        act.Should().Throw<ArgumentException>().WithParameterName("rates")
            .WithMessage($"*rates[1] = {bad.ToString(CultureInfo.InvariantCulture)}*");
    }

    [Fact]
    public void FromArray_Empty_Throws()
    {
        var act = () => LearningRateSchedule.FromArray([]);

        act.Should().Throw<ArgumentException>().WithParameterName("rates").WithMessage("*empty*");
    }

    [Fact]
    public void FromArray_ZeroAndNegativeZero_AreAccepted()
    {
        var schedule = LearningRateSchedule.FromArray([0.0, -0.0, 1.0]);

        schedule.StepCount.Should().Be(3);
    }

    [Fact]
    public void FromArray_WarmupLongerThanSchedule_Throws()
    {
        var act = () => LearningRateSchedule.FromArray([1.0, 1.0], warmupSteps: 3);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("warmupSteps");
    }

    [Fact]
    public void Indexer_StepOutsideSchedule_Throws()
    {
        var schedule = LearningRateSchedule.Constant(5, 1.0);

        var act = () => schedule[5];

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("step").WithMessage("*Step 5*0 … 4*");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(9)]
    public void Constant_StepCountBelowOneOrWarmup_Throws(int count)
    {
        var act = () => LearningRateSchedule.Constant(count, 1.0, Warmup.Linear(10));

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("stepCount");
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-0.5)]
    [InlineData(double.PositiveInfinity)]
    public void Cosine_InvalidPeak_ThrowsNamingPeak(double peak)
    {
        var act = () => LearningRateSchedule.Cosine(10, peak, 0.1);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("peakRate").WithMessage("*peakRate = *");
    }

    [Fact]
    public void WarmupStableDecay_ExponentialToZero_Throws()
    {
        var act = () => LearningRateSchedule.WarmupStableDecay(10, 1.0, 5, 0.0, DecayShape.Exponential);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("finalRate").WithMessage("*exponential*");
    }

    [Theory]
    [InlineData(4)]
    [InlineData(11)]
    public void WarmupStableDecay_DecayStartOutsideRange_Throws(int decayStart)
    {
        var act = () => LearningRateSchedule.WarmupStableDecay(10, 1.0, decayStart, 0.1, DecayShape.Linear, Warmup.Linear(5));

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("decayStartStep");
    }

    [Fact]
    public void WarmupStableDecay_UnknownShape_Throws()
    {
        var act = () => LearningRateSchedule.WarmupStableDecay(10, 1.0, 5, 0.1, (DecayShape)7);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("shape");
    }

    [Fact]
    public void MultiStep_RateCountMismatch_Throws()
    {
        var act = () => LearningRateSchedule.MultiStep(10, [5], [1.0]);

        act.Should().Throw<ArgumentException>().WithParameterName("rates").WithMessage("*one more rate than milestones*");
    }

    [Theory]
    [InlineData(new[] { 6, 6 })]
    [InlineData(new[] { 7, 3 })]
    [InlineData(new[] { 2, 8 })]
    [InlineData(new[] { 5, 10 })]
    public void MultiStep_MilestonesOutOfOrderOrRange_Throws(int[] changes)
    {
        var act = () => LearningRateSchedule.MultiStep(10, changes, [1.0, 0.5, 0.1], Warmup.Linear(3));

        act.Should().Throw<ArgumentException>().WithParameterName("milestones").WithMessage("*milestones[*");
    }

    [Fact]
    public void MultiStep_NegativeRate_ThrowsNamingIndex()
    {
        var act = () => LearningRateSchedule.MultiStep(10, [5], [1.0, -0.1]);

        act.Should().Throw<ArgumentException>().WithParameterName("rates").WithMessage("*rates[1] = -0.1*");
    }

    [Fact]
    public void InverseSquareRoot_TimescaleBelowOne_Throws()
    {
        var act = () => LearningRateSchedule.InverseSquareRoot(10, 1.0, 0);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("timescale");
    }

    [Theory]
    [InlineData(1, 0.0)]
    [InlineData(0, 0.0)]
    [InlineData(5, -0.1)]
    [InlineData(5, 1.5)]
    [InlineData(5, double.NaN)]
    public void WarmupLinear_InvalidArguments_Throw(int steps, double fraction)
    {
        var act = () => Warmup.Linear(steps, fraction);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void ReadCsv_EveryStepListed_ReadsRates()
    {
        var schedule = LearningRateSchedule.ReadCsv(new StringReader("step,lr\n0,0.0\n1,0.5\n2,1.0\n"), sourceName: "inline");

        schedule.Rates.Should().Equal(0.0, 0.5, 1.0);
        schedule.Name.Should().Be("inline");
    }

    [Fact]
    public void ReadCsv_GapWithDefaultOptions_ThrowsNamingRowAndStep()
    {
        var act = () => LearningRateSchedule.ReadCsv(new StringReader("step,lr\n0,1.0\n3,0.5\n"), sourceName: "gappy");

        act.Should().Throw<ArgumentException>().WithMessage("*'gappy', data row 2: expected step 1 but found 3*");
    }

    [Theory]
    [InlineData(ScheduleGapFill.HoldPrevious, new[] { 1.0, 1.0, 1.0, 1.0, 0.4 })]
    [InlineData(ScheduleGapFill.Linear, new[] { 1.0, 1.0, 0.8, 0.6, 0.4 })]
    public void ReadCsv_GapFill_FillsMissingSteps(ScheduleGapFill gaps, double[] expected)
    {
        var options = ScheduleCsvOptions.Default with { Gaps = gaps, WarmupSteps = 1 };

        var schedule = LearningRateSchedule.ReadCsv(new StringReader("step,lr\n1,1.0\n4,0.4\n"), options);

        schedule.Rates.Should().Equal(expected, (a, e) => Math.Abs(a - e) <= FormulaTolerance);
        schedule.WarmupSteps.Should().Be(1);
    }

    [Theory]
    [InlineData("step,lr\n0,1.0\n0,0.5\n", "*data row 2: step 0 does not exceed the previous step 0*")]
    [InlineData("step,lr\n0,1.0\n1.5,0.5\n", "*data row 2: step 1.5 is not a non-negative integer*")]
    [InlineData("step,lr\n-1,1.0\n", "*data row 1: step -1 is not a non-negative integer*")]
    [InlineData("step,lr\n0,1.0\n1,-2\n", "*data row 2 (step 1): lr = -2 is not finite and non-negative*")]
    [InlineData("step,lr\n0,1.0\n1,NaN\n", "*data row 2 (step 1): lr = NaN*")]
    [InlineData("step,rate\n0,1.0\n", "*no column 'lr'*")]
    [InlineData("step,lr\n0,abc\n", "*line 2, column 'lr': 'abc' is not a number*")]
    public void ReadCsv_BadInput_ThrowsWithClearMessage(string text, string message)
    {
        var act = () => LearningRateSchedule.ReadCsv(new StringReader(text), sourceName: "bad.csv");

        act.Should().Throw<ArgumentException>().WithMessage(message);
    }

    [Fact]
    public void ReadCsv_MissingFile_ThrowsFileNotFound()
    {
        var act = () => LearningRateSchedule.ReadCsv(Path.Combine(Path.GetTempPath(), "no-such-schedule.csv"));

        act.Should().Throw<FileNotFoundException>();
    }

    [Fact]
    public void ReadCsv_File_IsNamedAfterFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"schedule-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "step,lr\n0,1\n1,2\n");
        try
        {
            var schedule = LearningRateSchedule.ReadCsv(path);

            schedule.Name.Should().Be(Path.GetFileNameWithoutExtension(path));
            schedule.Rates.Should().Equal(1.0, 2.0);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ScheduleCsvOptions_NegativeWarmup_Throws()
    {
        var act = () => LearningRateSchedule.ReadCsv(new StringReader("step,lr\n0,1\n"), ScheduleCsvOptions.Default with { WarmupSteps = -1 });

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("options");
    }

    [Fact]
    public void ToString_CommaDecimalCulture_UsesInvariantCulture()
    {
        using var scope = new Core.CultureScope("de-DE");

        var schedule = LearningRateSchedule.Cosine(100, 3e-4, 3e-5, Warmup.Linear(10));

        schedule.Name.Should().Contain("peak=0.0003").And.Contain("floor=3E-05");
        schedule.ToString().Should().EndWith("(100 steps)");
    }
}
