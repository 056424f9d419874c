using ScalingLaws.Tests.Core;

namespace ScalingLaws.Tests.Reliability;

/// <summary>
/// Issue 8, part 5: laws, observations, fits and bootstrap results are immutable and shared between threads. Concurrent fits,
/// bootstraps, intervals, profiles and predictions on shared instances give results bit-identical to serial runs.
/// </summary>
/// <remarks>No timing is asserted. Each test starts its workers together behind a barrier so that they overlap.</remarks>
public class ConcurrencyTests
{
    private const int Workers = 6;

    [Fact]
    public void Fit_ConcurrentFitsSharingLawAndData_BitIdenticalToSerial()
    {
        var law = new ChinchillaLaw();
        var datasets = Enumerable.Range(0, 3).Select(seed => SyntheticData.Chinchilla(0.02, seed)).ToArray();
        var options = FitOptions.Default with { Loss = LossFunction.Huber(1e-3), ResidualSpace = ResidualSpace.Log };
        var serial = datasets.Select(d => ScalingLawFitter.Fit(law, d, options with { MaxDegreeOfParallelism = 1 })).ToArray();

        var concurrent = RunTogether(Workers * datasets.Length, i => ScalingLawFitter.Fit(law, datasets[i % datasets.Length], options));

        for (var i = 0; i < concurrent.Length; i++)
        {
            AssertIdentical(concurrent[i], serial[i % datasets.Length]);
        }
    }

    [Fact]
    public void Fit_ConcurrentFitsOfEveryCoreLawSharingInstances_BitIdenticalToSerial()
    {
        (ScalingLaw Law, Observations Data)[] problems =
        [
            (new PowerLaw(), SyntheticData.PowerLaw(0.01)),
            (new SaturatingPowerLaw(), SyntheticData.Saturating(0.01)),
            (new ChinchillaLaw(), SyntheticData.Chinchilla(0.01)),
            (new AnnealingLaw(), SyntheticData.Annealing(0.01)),
            (CustomSaturating(), SyntheticData.Saturating(0.01)),
        ];
        var serial = problems.Select(p => ScalingLawFitter.Fit(p.Law, p.Data, FitOptions.Default with { MaxDegreeOfParallelism = 1 })).ToArray();

        var concurrent = RunTogether(Workers * problems.Length, i => ScalingLawFitter.Fit(problems[i % problems.Length].Law, problems[i % problems.Length].Data));

        for (var i = 0; i < concurrent.Length; i++)
        {
            AssertIdentical(concurrent[i], serial[i % problems.Length]);
        }
    }

    [Fact]
    public void Bootstrap_ConcurrentRunsSharingOneFit_BitIdenticalToSerial()
    {
        var fit = ReliabilityFixtures.ChinchillaFit;
        var options = new BootstrapOptions { Resamples = 40, Seed = 2024 };
        var serial = Bootstrap.Run(fit, options with { MaxDegreeOfParallelism = 1 });

        var concurrent = RunTogether(4, i => Bootstrap.Run(fit, options with { MaxDegreeOfParallelism = i % 2 == 0 ? -1 : 2 }));

        foreach (var boot in concurrent)
        {
            boot.Samples.Should().HaveCount(serial.Samples.Count);
            for (var b = 0; b < serial.Samples.Count; b++)
            {
                Bits(boot.Samples[b]).Should().Equal(Bits(serial.Samples[b]), $"resample {b}");
            }

            Bits(boot.StandardErrors).Should().Equal(Bits(serial.StandardErrors));
            boot.FailedResamples.Should().Be(serial.FailedResamples);
        }
    }

    [Fact]
    public void BootstrapResult_ConcurrentBcaIntervalsOnOneResult_BitIdenticalToSerial()
    {
        // The jackknife behind BCa is computed lazily on first use; racing first uses must agree.
        var fit = ScalingLawFitter.Fit(new SaturatingPowerLaw(), SyntheticData.Saturating(0.02));
        var options = new BootstrapOptions { Resamples = 60, Seed = 7 };
        var reference = Bootstrap.Run(fit, options).Intervals(0.9, BootstrapIntervalMethod.BCa);
        var shared = Bootstrap.Run(fit, options);

        var concurrent = RunTogether(Workers, _ => shared.Intervals(0.9, BootstrapIntervalMethod.BCa));

        foreach (var intervals in concurrent)
        {
            Bits(intervals.Select(i => i.Lower)).Should().Equal(Bits(reference.Select(i => i.Lower)));
            Bits(intervals.Select(i => i.Upper)).Should().Equal(Bits(reference.Select(i => i.Upper)));
        }
    }

    [Fact]
    public void UncertaintyAndExtrapolation_ConcurrentCallsOnOneFit_BitIdenticalToSerial()
    {
        var fit = ReliabilityFixtures.ChinchillaFit;
        double[] Run()
        {
            var profile = ProfileLikelihood.Interval(fit, "alpha", 0.9, 12);
            var delta = DeltaMethod.Estimate(fit, p => p[4] / (p[2] + p[4]));
            var prediction = fit.Extrapolate(1e12, 1e13);
            var allocation = ComputeOptimalAllocation.FromFit(fit).Estimate(1e24);
            return [profile.Interval.Lower, profile.Interval.Upper, delta.Value, delta.StandardError, prediction.Value, prediction.ConfidenceLower,
                prediction.PredictionUpper, allocation.Point.ParameterCount, allocation.Point.TokenCount];
        }

        var serial = Run();

        var concurrent = RunTogether(Workers, _ => Run());

        foreach (var values in concurrent)
        {
            Bits(values).Should().Equal(Bits(serial));
        }
    }

    [Fact]
    public void Evaluate_EveryRegisteredLawSharedAcrossThreads_BitIdenticalToSerial()
    {
        var checkedLaws = 0;
        foreach (var name in LawRegistry.Names)
        {
            var law = LawRegistry.Create(name);
            var inputs = new LawInputs(Design(law));
            var target = Enumerable.Range(0, inputs.Count).Select(i => 2.0 + (1.0 / (i + 1))).ToArray();
            double[] parameters;
            try
            {
                parameters = law.GetDefaultStarts(inputs, target)[0];
            }
            catch (ArgumentException)
            {
                continue; // the generic design does not suit this law's inputs
            }

            (double[] Values, double[] Jacobian) Evaluate()
            {
                var values = new double[inputs.Count];
                var jacobian = law.HasAnalyticJacobian ? new double[inputs.Count * law.ParameterCount] : [];
                law.Evaluate(parameters, inputs, values, jacobian);
                return (values, jacobian);
            }

            var serial = Evaluate();

            var concurrent = RunTogether(Workers, _ => Evaluate());

            checkedLaws++;
            foreach (var (values, jacobian) in concurrent)
            {
                Bits(values).Should().Equal(Bits(serial.Values), name);
                Bits(jacobian).Should().Equal(Bits(serial.Jacobian), name);
            }
        }

        checkedLaws.Should().BeGreaterThan(LawRegistry.Names.Count / 2);
    }

    [Fact]
    public void MultiPowerLaw_ConcurrentEvaluationsWithDifferentParameters_MatchSerial()
    {
        // The law keeps per-schedule tables; evaluations with different exponents at the same time must not share scratch space.
        var schedules = new[] { LearningRateSchedule.Cosine(300, 1e-3, 1e-4, Warmup.Linear(20)), LearningRateSchedule.WarmupStableDecay(300, 1e-3, 200, 1e-5, DecayShape.Linear) };
        var law = new MultiPowerLaw(schedules);
        var curve = Enumerable.Range(0, 60).Select(i => (double)(i % 2)).ToArray();
        var step = Enumerable.Range(0, 60).Select(i => (double)(5 * (i / 2))).ToArray();
        var inputs = new LawInputs([curve, step]);
        var parameterSets = Enumerable.Range(0, Workers).Select(i => new[] { 2.0, 0.5, 0.3 + (0.05 * i), 300.0, 2.0, 0.5 + (0.05 * i), 0.6 }).ToArray();
        double[] Evaluate(double[] p)
        {
            var values = new double[inputs.Count];
            var jacobian = new double[inputs.Count * law.ParameterCount];
            law.Evaluate(p, inputs, values, jacobian);
            return [.. values, .. jacobian];
        }

        var serial = parameterSets.Select(Evaluate).ToArray();

        var concurrent = RunTogether(Workers * 4, i => Evaluate(parameterSets[i % Workers]));

        for (var i = 0; i < concurrent.Length; i++)
        {
            Bits(concurrent[i]).Should().Equal(Bits(serial[i % Workers]));
        }
    }

    [Fact]
    public void LossCurveFitter_ConcurrentFitsSharingCurves_BitIdenticalToSerial()
    {
        var schedules = new[] { LearningRateSchedule.Constant(400, 1e-3), LearningRateSchedule.Cosine(400, 1e-3, 1e-4) };
        var predictor = LossCurvePredictor.ForAnnealingLaw([2.0, 0.8, 0.4, 0.5]);
        var steps = Enumerable.Range(1, 20).Select(i => (20 * i) - 1).ToArray();
        var curves = schedules.Select((s, j) => new LossCurve($"run{j}", s, steps, predictor.Predict(s, steps))).ToArray();
        var serial = LossCurveFitter.FitAnnealingLaw(curves);

        var concurrent = RunTogether(Workers, _ => LossCurveFitter.FitAnnealingLaw(curves));

        foreach (var fit in concurrent)
        {
            AssertIdentical(fit.Result, serial.Result);
        }
    }

    private static T[] RunTogether<T>(int count, Func<int, T> work)
    {
        using var barrier = new Barrier(count);
        var tasks = Enumerable.Range(0, count).Select(i => Task.Factory.StartNew(() =>
        {
            barrier.SignalAndWait();
            return work(i);
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        Task.WaitAll(tasks);
        return tasks.Select(t => t.Result).ToArray();
    }

    private static void AssertIdentical(FitResult actual, FitResult expected)
    {
        Bits(actual.Parameters).Should().Equal(Bits(expected.Parameters), expected.ToString());
        Bits(actual.StandardErrors).Should().Equal(Bits(expected.StandardErrors));
        Bits(actual.Residuals).Should().Equal(Bits(expected.Residuals));
        BitConverter.DoubleToInt64Bits(actual.Objective).Should().Be(BitConverter.DoubleToInt64Bits(expected.Objective));
        actual.MultiStart.BestStartIndex.Should().Be(expected.MultiStart.BestStartIndex);
        actual.Warnings.Should().Equal(expected.Warnings);
    }

    private static long[] Bits(IEnumerable<double> values) => values.Select(BitConverter.DoubleToInt64Bits).ToArray();

    private static double[][] Design(ScalingLaw law)
        => law.Inputs.Select((input, j) => Enumerable.Range(0, 24).Select(i => input.Domain switch
        {
            InputDomain.Positive => Math.Pow(10.0, 1.0 + (j * 0.5) + (i * 0.35)),
            InputDomain.NonNegative => (i * 3.0) + j,
            _ => -3.0 + (i * 0.25) + (j * 0.1),
        }).ToArray()).ToArray();

    private static CustomLaw CustomSaturating() => new("custom-saturating", "y = E + A*x^(-alpha)",
        [
            new LawParameter("E", "irreducible", ParameterScale.Linear, 0.0, double.PositiveInfinity),
            new LawParameter("A", "scale", ParameterScale.Log, 0.0, double.PositiveInfinity),
            new LawParameter("alpha", "exponent", ParameterScale.Linear, 0.0, double.PositiveInfinity),
        ],
        [new LawInput("x", "scaling variable")],
        (p, x) => p[0] + (p[1] * Math.Pow(x[0], -p[2])),
        [1.0, 100.0, 0.3]);
}
