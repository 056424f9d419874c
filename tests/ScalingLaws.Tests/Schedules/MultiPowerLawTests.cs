namespace ScalingLaws.Tests.Schedules;

public class MultiPowerLawTests
{
    // The law sums the same terms as the direct O(t²) definition but takes S_k(t) as a difference of prefix sums and uses
    // SIMD log/exp (≤ 2 ulp); 1e-11 relative leaves room for both.
    private const double DirectSumTolerance = 1e-11;

    // Central differences with h = 1e-6·|θ|: truncation ~h², cancellation ~1e-16/h; 1e-6 of the column's scale covers both.
    private const double JacobianTolerance = 1e-6;

    // Parameters of the same order as the published 100M fit (SOURCE.md).
    private static readonly double[] Truth = [2.5, 0.6, 0.45, 400.0, 2.0, 0.6, 0.65];

    private static readonly LearningRateSchedule[] SmallSchedules =
    [
        LearningRateSchedule.Cosine(300, 3e-4, 3e-5, Warmup.Linear(40)),
        LearningRateSchedule.MultiStep(250, [150, 200], [3e-4, 1e-4, 2e-5], Warmup.Linear(30)),
        LearningRateSchedule.WarmupStableDecay(280, 3e-4, 200, 3e-5, DecayShape.Exponential, Warmup.Linear(20, 0.05)),
        LearningRateSchedule.FromArray([1e-4, 3e-4, 3e-4, 5e-4, 2e-4, 2e-4, 2e-4, 1e-4, 1e-4, 3e-4]),
    ];

    [Fact]
    public void Evaluate_SmallSchedules_MatchesDirectSum()
    {
        var law = new MultiPowerLaw(SmallSchedules);
        var curve = new List<double>();
        var step = new List<double>();
        for (var c = 0; c < SmallSchedules.Length; c++)
        {
            for (var t = 1; t < SmallSchedules[c].StepCount; t += 3)
            {
                curve.Add(c);
                step.Add(t);
            }
        }

        var values = new double[curve.Count];
        law.Evaluate(Truth, new LawInputs([curve.ToArray(), step.ToArray()]), values, []);

        for (var i = 0; i < values.Length; i++)
        {
            var expected = DirectSum(Truth, SmallSchedules[(int)curve[i]].Rates, (int)step[i]);
            values[i].Should().BeApproximately(expected, DirectSumTolerance * Math.Abs(expected), $"curve {curve[i]}, step {step[i]}");
        }
    }

    [Fact]
    public void Evaluate_RateDropsToZero_CountsWholeDrop()
    {
        // η = [1, 1, 0.5, 0]: LD(3) = (0.5 − 1)·[1 − (1 + C·0.5^(−γ)·0.5)^(−β)] + (0 − 0.5)·1.
        var law = new MultiPowerLaw([LearningRateSchedule.FromArray([1.0, 1.0, 0.5, 0.0])]);
        double[] p = [1.0, 0.5, 0.5, 2.0, 3.0, 0.7, 0.4];

        var value = law.Evaluate(p, [0.0, 3.0]);

        var drop = (-0.5 * (1.0 - Math.Pow(1.0 + (3.0 * Math.Pow(0.5, -0.4) * 0.5), -0.7))) - 0.5;
        value.Should().BeApproximately(1.0 + (0.5 * Math.Pow(2.5, -0.5)) + (2.0 * drop), 1e-14);
    }

    [Fact]
    public void Evaluate_Jacobian_MatchesCentralDifferences()
    {
        var schedules = new[]
        {
            LearningRateSchedule.Cosine(3000, 3e-4, 3e-5, Warmup.Linear(200)),
            LearningRateSchedule.MultiStep(2000, [1200], [3e-4, 9e-5], Warmup.Linear(200)),
        };
        var law = new MultiPowerLaw(schedules);
        var curve = new List<double>();
        var step = new List<double>();
        for (var c = 0; c < 2; c++)
        {
            for (var t = 200; t < schedules[c].StepCount; t += 97)
            {
                curve.Add(c);
                step.Add(t);
            }
        }

        var inputs = new LawInputs([curve.ToArray(), step.ToArray()]);
        var n = inputs.Count;
        var values = new double[n];
        var jacobian = new double[n * 7];
        law.Evaluate(Truth, inputs, values, jacobian);

        var plus = new double[n];
        var minus = new double[n];
        for (var k = 0; k < 7; k++)
        {
            var h = 1e-6 * Math.Abs(Truth[k]);
            var up = (double[])Truth.Clone();
            var down = (double[])Truth.Clone();
            up[k] += h;
            down[k] -= h;
            law.Evaluate(up, inputs, plus, []);
            law.Evaluate(down, inputs, minus, []);
            var scale = Enumerable.Range(0, n).Max(i => Math.Abs(jacobian[(i * 7) + k]));
            scale.Should().BePositive();
            for (var i = 0; i < n; i++)
            {
                var numeric = (plus[i] - minus[i]) / (2.0 * h);
                jacobian[(i * 7) + k].Should().BeApproximately(numeric, JacobianTolerance * scale, $"parameter {law.ParameterNames[k]}, row {i}");
            }
        }
    }

    [Fact]
    public void EvaluateBasis_LinearParameters_ReproduceValues()
    {
        var law = new MultiPowerLaw(SmallSchedules);
        var inputs = new LawInputs([[0.0, 1.0, 2.0, 3.0], [250.0, 240.0, 279.0, 9.0]]);
        var values = new double[4];
        var basis = new double[12];

        law.Evaluate(Truth, inputs, values, []);
        law.EvaluateBasis(Truth, inputs, basis);

        law.LinearParameterIndices.Should().Equal(0, 1, 3);
        for (var i = 0; i < 4; i++)
        {
            var combined = (Truth[0] * basis[i]) + (Truth[1] * basis[4 + i]) + (Truth[3] * basis[8 + i]);
            combined.Should().BeApproximately(values[i], 1e-14 * values[i]);
        }
    }

    [Theory]
    [InlineData(4.0, 10.0)]
    [InlineData(0.5, 10.0)]
    [InlineData(-1.0, 10.0)]
    [InlineData(0.0, 300.0)]
    [InlineData(0.0, 2.5)]
    [InlineData(double.NaN, 1.0)]
    public void Evaluate_RowNotInSchedules_GivesNaN(double curve, double step)
    {
        var law = new MultiPowerLaw(SmallSchedules);
        var values = new double[2];
        var jacobian = new double[14];

        law.Evaluate(Truth, new LawInputs([[0.0, curve], [10.0, step]]), values, jacobian);

        double.IsFinite(values[0]).Should().BeTrue();
        values[1].Should().Be(double.NaN);
        jacobian.Skip(7).Should().OnlyContain(v => double.IsNaN(v));
    }

    [Fact]
    public void GetDefaultStarts_RowNotInSchedules_ThrowsNamingRow()
    {
        var law = new MultiPowerLaw(SmallSchedules);

        var act = () => law.GetDefaultStarts(new LawInputs([[0.0, 7.0], [10.0, 10.0]]), [3.0, 3.0]);

        act.Should().Throw<ArgumentException>().WithParameterName("inputs").WithMessage("*Row 1: curve = 7, step = 10*");
    }

    [Fact]
    public void Fit_RowNotInSchedules_ThrowsBeforeSolving()
    {
        var law = new MultiPowerLaw(SmallSchedules);
        var data = new Observations(["curve", "step"], [[0, 0, 0, 0, 0, 0, 0, 9], [10, 20, 30, 40, 50, 60, 70, 80]],
            [4.0, 3.9, 3.8, 3.7, 3.6, 3.5, 3.4, 3.3]);

        var act = () => ScalingLawFitter.Fit(law, data);

        act.Should().Throw<ArgumentException>().WithMessage("*Row 7: curve = 9*");
    }

    [Fact]
    public void Constructor_NoSchedules_Throws()
    {
        var act = () => new MultiPowerLaw([]);

        act.Should().Throw<ArgumentException>().WithParameterName("schedules");
    }

    [Fact]
    public void Constructor_NullSchedule_ThrowsNamingIndex()
    {
        var act = () => new MultiPowerLaw([SmallSchedules[0], null!]);

        act.Should().Throw<ArgumentException>().WithParameterName("schedules").WithMessage("*schedules[1] is null*");
    }

    [Fact]
    public void CreateObservations_Curves_HaveIndexAndStepColumns()
    {
        LossCurve[] curves =
        [
            new("a", SmallSchedules[0], [50, 299], [4.0, 3.0]),
            new("b", SmallSchedules[1], [100], [3.5]),
        ];

        var data = MultiPowerLaw.CreateObservations(curves);

        data.ColumnNames.Should().Equal("curve", "step");
        data.Column("curve").Should().Equal(0.0, 0.0, 1.0);
        data.Column("step").Should().Equal(50.0, 299.0, 100.0);
        data.Groups.Should().Equal("a", "a", "b");
        data.Target.Should().Equal(4.0, 3.0, 3.5);
    }

    [Theory]
    [InlineData(25)]
    [InlineData(100)]
    [InlineData(400)]
    public void PublishedParameters_MplTestCurves_ReproducePublishedMetrics(int size)
    {
        // Acceptance (issue 5): the published parameters reproduce the published test metrics to the printed digits.
        var predictor = LossCurvePredictor.ForMultiPowerLaw(MplTestData.PublishedParameters[size]);

        var mean = LossCurveMetrics.Average(predictor.Evaluate(MplTestData.Test(size)));

        var printed = MplTestData.PublishedTestMetrics[size];
        MplTestData.Fixed(mean.RSquared, 4).Should().Be(MplTestData.Fixed(printed[0], 4));
        MplTestData.Fixed(mean.MeanAbsoluteError, 5).Should().Be(MplTestData.Fixed(printed[1], 5));
        MplTestData.Fixed(mean.RootMeanSquareError, 5).Should().Be(MplTestData.Fixed(printed[2], 5));
        MplTestData.Fixed(mean.MeanRelativeError, 5).Should().Be(MplTestData.Fixed(printed[3], 5));
        MplTestData.Fixed(mean.MaxRelativeError, 5).Should().Be(MplTestData.Fixed(printed[4], 5));
    }

    [Fact]
    public void FitMultiPowerLaw_ExactSyntheticCurves_RecoversParameters()
    {
        // Noise-free curves generated from known parameters; the converged fit must return them.
        var schedules = new[]
        {
            LearningRateSchedule.Cosine(3000, 3e-4, 3e-5, Warmup.Linear(100)).WithName("cosine"),
            LearningRateSchedule.Constant(3000, 3e-4, Warmup.Linear(100)).WithName("constant"),
            LearningRateSchedule.MultiStep(2000, [1200], [3e-4, 9e-5], Warmup.Linear(100)).WithName("step"),
        };
        var truth = LossCurvePredictor.ForMultiPowerLaw(Truth);
        var curves = schedules.Select(s =>
        {
            var steps = Enumerable.Range(0, 100).Select(i => 100 + (i * 40)).Where(t => t < s.StepCount).ToArray();
            return new LossCurve(s.Name, s, steps, truth.Predict(s, steps));
        }).ToArray();

        var fit = LossCurveFitter.FitMultiPowerLaw(curves);

        fit.Result.Converged.Should().BeTrue(fit.Result.ToString());
        fit.Result.Objective.Should().BeLessThan(1e-16);
        for (var k = 0; k < 7; k++)
        {
            fit.Result.Parameters[k].Should().BeApproximately(Truth[k], 1e-3 * Truth[k], fit.Result.ParameterNames[k]);
        }
    }

    /// <summary>The definition, summed directly: O(t) per k, O(t²) per step.</summary>
    private static double DirectSum(double[] p, IReadOnlyList<double> eta, int t)
    {
        double s1 = 0;
        for (var tau = 0; tau <= t; tau++)
        {
            s1 += eta[tau];
        }

        double ld = 0;
        for (var k = 1; k <= t; k++)
        {
            double sk = 0;
            for (var tau = k; tau <= t; tau++)
            {
                sk += eta[tau];
            }

            ld += (eta[k] - eta[k - 1]) * (1.0 - Math.Pow(1.0 + (p[4] * Math.Pow(eta[k], -p[6]) * sk), -p[5]));
        }

        return p[0] + (p[1] * Math.Pow(s1, -p[2])) + (p[3] * ld);
    }
}
