namespace ScalingLaws.Tests.Reliability;

public partial class BadInputMatrixTests
{
    private static readonly CsvReadOptions XyCsv = new() { TargetColumn = "y", InputColumns = new Dictionary<string, string> { ["x"] = "x" } };

    private static Observations ReadCsv(string text, CsvReadOptions? options = null) => ObservationsCsv.Read(new StringReader(text), options ?? XyCsv, "m.csv");

    private static IEnumerable<BadInputCase> CsvCases()
    {
        yield return Case("ObservationsCsv.Read", "null options", () => ObservationsCsv.Read(new StringReader("x,y\n1,2\n"), null!), "options", "options");
        yield return Case("ObservationsCsv.Read", "null reader", () => ObservationsCsv.Read((TextReader)null!, XyCsv), "reader", "reader");
        yield return Case("ObservationsCsv.Read", "blank path", () => ObservationsCsv.Read(" ", XyCsv), "path", "path");
        yield return Case("ObservationsCsv.Read", "null input map", () => ReadCsv("x,y\n1,2\n", XyCsv with { InputColumns = null! }), "options", "InputColumns");
        yield return Case("ObservationsCsv.Read", "null culture", () => ReadCsv("x,y\n1,2\n", XyCsv with { Culture = null! }), "options", "Culture");
        yield return Case("ObservationsCsv.Read", "blank input header", () => ReadCsv("x,y\n1,2\n", XyCsv with { InputColumns = new Dictionary<string, string> { ["x"] = " " } }), "options", "'x'");
        yield return Case("ObservationsCsv.Read", "blank weight column", () => ReadCsv("x,y\n1,2\n", XyCsv with { WeightColumn = "" }), "options", "WeightColumn");
        yield return Case("ObservationsCsv.Read", "blank group column", () => ReadCsv("x,y\n1,2\n", XyCsv with { GroupColumn = " " }), "options", "GroupColumn");
        yield return Case("ObservationsCsv.Read", "missing group column", () => ReadCsv("x,y\n1,2\n", XyCsv with { GroupColumn = "run" }), "options", "'run'");
        yield return Case("ObservationsCsv.Read", "duplicate target header", () => ReadCsv("x,y,y\n1,2,3\n"), "options", "'y'");
        yield return Case("ObservationsCsv.Read", "NaN weight", () => ReadCsv("x,y,w\n1,2,NaN\n", XyCsv with { WeightColumn = "w" }), "reader", "column 'w'");
        yield return Case("ObservationsCsv.Read", "empty file", () => ReadCsv(string.Empty), "reader", "m.csv");
        yield return Case("ObservationsCsv.Read", "only a byte-order mark and blank lines", () => ReadCsv("\uFEFF\r\n\r\n"), "reader", "m.csv");
        yield return Case("ObservationsCsv.Read", "ragged short row", () => ReadCsv("x,y\n1,2\n3\n"), "reader", "line 3");
        yield return Case("ObservationsCsv.Read", "ragged long row", () => ReadCsv("x,y\n1,2,9\n"), "reader", "line 2");
        yield return Case("ObservationsCsv.Read", "non-numeric cell", () => ReadCsv("x,y\n1,two\n"), "reader", "'two'");
        yield return Case("ObservationsCsv.Read", "hexadecimal cell", () => ReadCsv("x,y\n0x10,2\n"), "reader", "'0x10'");
        yield return Case("ObservationsCsv.Read", "thousands separator", () => ReadCsv("x,y\n\"1,000\",2\n"), "reader", "'1,000'");
        yield return Case("ObservationsCsv.Read", "number beyond double range", () => ReadCsv("x,y\n1,-2e999\n"), "reader", "'-2e999'");
        yield return Case("ObservationsCsv.Read", "decimal comma in the invariant culture", () => ReadCsv("x;y\n1,5;2\n", XyCsv with { Delimiter = ";" }), "reader", "'1,5'");
        yield return Case("ObservationsCsv.Read", "unterminated quote", () => ReadCsv("x,y\n\"1,2\n"), "reader", "line 2");
        yield return Case("ObservationsCsv.Read", "header names the target twice through an input", () => ReadCsv("x,y\n1,2\n",
            XyCsv with { InputColumns = new Dictionary<string, string> { ["x"] = "x", ["z"] = "q" } }), "options", "'q'");
        yield return Case("ObservationsCsv.Read", "tab delimiter but commas in the file", () => ReadCsv("x,y\n1,2\n", XyCsv with { Delimiter = "\t" }), "options", "'x'");
    }

    private static IEnumerable<BadInputCase> UncertaintyCases()
    {
        var fit = ReliabilityFixtures.SaturatingFit;
        var boot = ReliabilityFixtures.SaturatingBootstrap;
        BootstrapOptions Boot(Func<BootstrapOptions, BootstrapOptions> change) => change(new BootstrapOptions { Resamples = 10 });

        yield return Case("Bootstrap.Run", "null fit", () => Bootstrap.Run(null!), "fit", "fit");
        yield return Case("Bootstrap.Run", "one resample", () => Bootstrap.Run(fit, Boot(o => o with { Resamples = 1 })), "options", "Resamples");
        yield return Case("Bootstrap.Run", "negative resamples", () => Bootstrap.Run(fit, Boot(o => o with { Resamples = -100 })), "options", "Resamples");
        yield return Case("Bootstrap.Run", "zero iterations", () => Bootstrap.Run(fit, Boot(o => o with { MaxIterations = 0 })), "options", "MaxIterations");
        yield return Case("Bootstrap.Run", "zero parallelism", () => Bootstrap.Run(fit, Boot(o => o with { MaxDegreeOfParallelism = 0 })), "options", "MaxDegreeOfParallelism");
        yield return Case("Bootstrap.Run", "undefined resampling", () => Bootstrap.Run(fit, Boot(o => o with { Resampling = (BootstrapResampling)42 })), "options", "Resampling");
        yield return Case("Bootstrap.Run", "cluster resampling without groups", () => Bootstrap.Run(fit, Boot(o => o with { Resampling = BootstrapResampling.Clusters })), "options", "no groups");
        yield return Case("Bootstrap.Run", "cluster resampling with one group", () => Bootstrap.Run(
            ScalingLawFitter.Fit(new SaturatingPowerLaw(), fit.Data.WithGroups(Enumerable.Repeat("only", fit.Data.Count).ToArray())),
            Boot(o => o with { Resampling = BootstrapResampling.Clusters })), "options", "have 1");
        yield return Case("BootstrapResult.Interval", "unknown parameter", () => boot.Interval("gamma", 0.9, BootstrapIntervalMethod.Percentile), "parameterName", "'gamma'");
        yield return Case("BootstrapResult.Interval", "level 1", () => boot.Interval("E", 1.0, BootstrapIntervalMethod.Percentile), "level", "level");
        yield return Case("BootstrapResult.Interval", "NaN level", () => boot.Interval("E", double.NaN, BootstrapIntervalMethod.BCa), "level", "level");
        yield return Case("BootstrapResult.Interval", "undefined method", () => boot.Interval("E", 0.9, (BootstrapIntervalMethod)17), "method", "BootstrapIntervalMethod");
        yield return Case("BootstrapResult.Intervals", "level 0", () => boot.Intervals(0.0, BootstrapIntervalMethod.Basic), "level", "level");
        yield return Case("BootstrapResult.Distribution", "null name", () => boot.Distribution(null!), "parameterName", "parameterName");
        yield return Case("BootstrapResult.StandardError", "unknown parameter", () => boot.StandardError("e"), "parameterName", "'e'");
        yield return Case("BootstrapResult.DerivedInterval", "null quantity", () => boot.DerivedInterval(null!, 0.9, BootstrapIntervalMethod.Percentile), "quantity", "quantity");
        yield return Case("BootstrapResult.DerivedInterval", "level above 1", () => boot.DerivedInterval(p => p[0], 1.5, BootstrapIntervalMethod.Percentile), "level", "level");
        yield return Case("BootstrapResult.DerivedDistribution", "null quantity", () => boot.DerivedDistribution(null!), "quantity", "quantity");
        yield return Case("DeltaMethod.Estimate", "null fit", () => DeltaMethod.Estimate(null!, p => p[0]), "fit", "fit");
        yield return Case("DeltaMethod.Estimate", "null quantity", () => DeltaMethod.Estimate(fit, null!), "quantity", "quantity");
        yield return Case("DeltaMethod.Estimate", "level 1", () => DeltaMethod.Estimate(fit, p => p[0], 1.0), "level", "level");
        yield return Case("DeltaMethod.Estimate", "gradient of wrong length", () => DeltaMethod.Estimate(fit, p => p[0], p => [1.0]), "gradient", "1");
        yield return Case("DeltaMethod.Estimate", "gradient returns null", () => DeltaMethod.Estimate(fit, p => p[0], p => null!), "gradient", "null");
        yield return Case("ProfileLikelihood.Interval", "unknown parameter", () => ProfileLikelihood.Interval(fit, "beta"), "parameterName", "'beta'");
        yield return Case("ProfileLikelihood.Interval", "null parameter", () => ProfileLikelihood.Interval(fit, null!), "parameterName", "parameterName");
        yield return Case("ProfileLikelihood.Interval", "level 0", () => ProfileLikelihood.Interval(fit, "E", 0.0), "level", "level");
        yield return Case("ProfileLikelihood.Interval", "zero steps", () => ProfileLikelihood.Interval(fit, "E", 0.9, 0), "maxSteps", "maxSteps");
        yield return Case("ProfileLikelihood.Interval", "fixed parameter", () => ProfileLikelihood.Interval(ScalingLawFitter.Fit(new SaturatingPowerLaw(), fit.Data,
            FitOptions.Default with { FixedParameters = new Dictionary<string, double> { ["E"] = 1.8 } }), "E"), "parameterName", "'E'");
    }

    private static IEnumerable<BadInputCase> ExtrapolationCases()
    {
        var fit = ReliabilityFixtures.SaturatingFit;
        var chinchilla = ReliabilityFixtures.ChinchillaFit;
        var boot = ReliabilityFixtures.SaturatingBootstrap;
        foreach (var bad in BadValues)
        {
            yield return Case("FitResult.Extrapolate", $"input {Text(bad)}", () => fit.Extrapolate(bad), "inputValues", $"inputValues[0] = {Text(bad)}");
            yield return Case("FitResult.Extrapolate", $"D = {Text(bad)} with bootstrap", () => chinchilla.Extrapolate([1e9, bad], ReliabilityFixtures.ChinchillaBootstrap), "inputValues", $"inputValues[1] = {Text(bad)}");
        }

        yield return Case("FitResult.Extrapolate", "no input values", () => fit.Extrapolate(), "inputValues", "but 0 values");
        yield return Case("FitResult.Extrapolate", "two values for one input", () => fit.Extrapolate(1e9, 1e10), "inputValues", "but 2 values");
        yield return Case("FitResult.Extrapolate", "confidence level 1", () => fit.Extrapolate([1e12], 1.0), "confidenceLevel", "confidence level");
        yield return Case("FitResult.Extrapolate", "NaN confidence level", () => fit.Extrapolate([1e12], double.NaN), "confidenceLevel", "confidence level");
        yield return Case("FitResult.Extrapolate", "no draws", () => fit.Extrapolate([1e12], []), "parameterDraws", "no parameter draws");
        yield return Case("FitResult.Extrapolate", "draw of wrong length", () => fit.Extrapolate([1e12], [[1.0, 2.0]]), "parameterDraws", "parameterDraws[0] has 2 values");
        yield return Case("FitResult.Extrapolate", "bootstrap of another law", () => fit.Extrapolate(1e12, ReliabilityFixtures.ChinchillaBootstrap), "bootstrap", "chinchilla");
        yield return Case("FitResult.Extrapolate", "null bootstrap", () => fit.Extrapolate(1e12, (BootstrapResult)null!), "bootstrap", "bootstrap");
        yield return Case("FitResult.Extrapolate", "bootstrap, BCa, level 0", () => fit.Extrapolate(1e12, boot, 0.0, BootstrapIntervalMethod.BCa), "confidenceLevel", "confidence level");
        yield return Case("FitResult.Extrapolate", "observations without the input", () => fit.Extrapolate(Observations.FromArrays("N", X, Y)), "data", "'x'");
        yield return Case("FitResult.Extrapolate", "observations with an infinite input", () => fit.Extrapolate(Observations.FromArrays("x", X.With(4, double.PositiveInfinity), Y)), "data", "x[4] = Infinity");
        yield return Case("FitResult.Extrapolate", "observations and no draws", () => fit.Extrapolate(Observations.FromArrays("x", X, Y), []), "parameterDraws", "no parameter draws");

        yield return Case("ComputeOptimalAllocation.FromFit", "law without A, alpha, B, beta", () => ComputeOptimalAllocation.FromFit(fit), "fit", "'B'");
        yield return Case("ComputeOptimalAllocation.FromFit", "k = 0", () => ComputeOptimalAllocation.FromFit(chinchilla, 0.0), "flopsPerParameterToken", "FLOPs");
        yield return Case("ComputeOptimalAllocation.FromParameters", "four parameters", () => ComputeOptimalAllocation.FromParameters([1.0, 2.0, 0.3, 4.0]), "parameters", "got 4");
        foreach (var (index, name, bad) in new[] { (0, "E", -0.1), (1, "A", 0.0), (2, "alpha", double.NaN), (3, "B", double.PositiveInfinity), (4, "beta", -0.3) })
        {
            var p = new[] { 1.7, 400.0, 0.34, 410.0, 0.28 }.With(index, bad);
            yield return Case("ComputeOptimalAllocation.FromParameters", $"{name} = {Text(bad)}", () => ComputeOptimalAllocation.FromParameters(p), "parameters", $"{name} = {Text(bad)}");
        }

        var allocation = ComputeOptimalAllocation.FromParameters([1.7, 400.0, 0.34, 410.0, 0.28]);
        foreach (var bad in BadValues)
        {
            yield return Case("ComputeOptimalAllocation.Allocate", $"C = {Text(bad)}", () => allocation.Allocate(bad), "computeFlops", Text(bad));
        }

        yield return Case("ComputeOptimalAllocation.AllocateForLoss", "NaN loss", () => allocation.AllocateForLoss(double.NaN), "targetLoss", "NaN");
        yield return Case("ComputeOptimalAllocation.Estimate", "no draws", () => allocation.Estimate(1e21, [], 0.9), "parameterDraws", "no parameter draws");
        yield return Case("ComputeOptimalAllocation.Estimate", "draw of four values", () => allocation.Estimate(1e21, [[1.0, 2.0, 3.0, 4.0]], 0.9), "parameterDraws", "parameterDraws[0]");
        yield return Case("ComputeOptimalAllocation.Estimate", "confidence level 1", () => allocation.Estimate(1e21, 1.0), "confidenceLevel", "confidence level");

        yield return Case("IsoFlopAnalysis.FindMinimum", "C = NaN", () => IsoFlopAnalysis.FindMinimum(double.NaN, [1e8, 2e8, 4e8], [3.0, 2.9, 3.1]), "computeFlops", "NaN");
        yield return Case("IsoFlopAnalysis.FindMinimum", "two distinct sizes", () => IsoFlopAnalysis.FindMinimum(1e19, [1e8, 2e8, 2e8], [3.0, 2.9, 3.1]), "parameterCounts", "3 distinct");
        yield return Case("IsoFlopAnalysis.FindMinimum", "lengths differ", () => IsoFlopAnalysis.FindMinimum(1e19, [1e8, 2e8, 4e8], [3.0, 2.9]), "losses", "3");
        yield return Case("IsoFlopAnalysis.FindMinimum", "negative size", () => IsoFlopAnalysis.FindMinimum(1e19, [1e8, -2e8, 4e8], [3.0, 2.9, 3.1]), "parameterCounts", "parameterCounts[1]");
        yield return Case("IsoFlopAnalysis.FindMinimum", "NaN loss", () => IsoFlopAnalysis.FindMinimum(1e19, [1e8, 2e8, 4e8], [3.0, double.NaN, 3.1]), "losses", "losses[1]");
        yield return Case("IsoFlopAnalysis.FindMinimum", "k = -6", () => IsoFlopAnalysis.FindMinimum(1e19, [1e8, 2e8, 4e8], [3.0, 2.9, 3.1], -6.0), "flopsPerParameterToken", "k");
        yield return Case("IsoFlopAnalysis.Analyze", "budget lengths differ", () => IsoFlopAnalysis.Analyze([1e19, 1e19], [1e8, 2e8, 4e8], [3.0, 2.9, 3.1]), "computeFlops", "2 values");
        yield return Case("IsoFlopAnalysis.Analyze", "zero budget", () => IsoFlopAnalysis.Analyze([1e19, 0.0, 1e19], [1e8, 2e8, 4e8], [3.0, 2.9, 3.1]), "computeFlops", "computeFlops[1] = 0");
        yield return Case("IsoFlopAnalysis.Analyze", "zero loss", () => IsoFlopAnalysis.Analyze([1e19, 1e19, 1e19], [1e8, 2e8, 4e8], [3.0, 0.0, 3.1]), "losses", "losses[1] = 0");
        yield return Case("IsoFlopAnalysis.Analyze", "window of 0 decades", () => IsoFlopAnalysis.Analyze([1e19, 1e19, 1e19], [1e8, 2e8, 4e8], [3.0, 2.9, 3.1],
            new IsoFlopOptions { FitWindowDecades = 0.0 }), "options", "FitWindowDecades");
        yield return Case("IsoFlopAnalysis.Analyze", "null frontier options", () => IsoFlopAnalysis.Analyze([1e19, 1e19, 1e19], [1e8, 2e8, 4e8], [3.0, 2.9, 3.1],
            new IsoFlopOptions { LossFrontierOptions = null! }), "options", "LossFrontierOptions");
        yield return Case("IsoFlopAnalysis.FitLossFrontier", "lengths differ", () => IsoFlopAnalysis.FitLossFrontier([1e18, 1e19, 1e20], [3.0, 2.5]), "columns", "'C' has 3 values");
        yield return Case("IsoFlopAnalysis.FitLossFrontier", "negative loss", () => IsoFlopAnalysis.FitLossFrontier([1e18, 1e19, 1e20, 1e21], [3.0, 2.5, -2.2, 2.0]), "data", "loss[2] = -2.2");

        yield return Case("LogLogRegression.Fit", "one point", () => LogLogRegression.Fit([1.0], [2.0]), "x", "at least 2 points");
        yield return Case("LogLogRegression.Fit", "lengths differ", () => LogLogRegression.Fit([1.0, 2.0, 3.0], [2.0, 3.0]), "y", "3 and 2");
        yield return Case("LogLogRegression.Fit", "zero x", () => LogLogRegression.Fit([1.0, 0.0, 3.0], [2.0, 3.0, 4.0]), "x", "x[1] = 0");
        yield return Case("LogLogRegression.Fit", "NaN y", () => LogLogRegression.Fit([1.0, 2.0, 3.0], [2.0, 3.0, double.NaN]), "y", "y[2] = NaN");
        yield return Case("LogLogRegression.Fit", "all x equal", () => LogLogRegression.Fit([5.0, 5.0, 5.0], [2.0, 3.0, 4.0]), "x", "equal");
        yield return Case("LogLogRegression.Fit", "zero weight", () => LogLogRegression.Fit([1.0, 2.0, 3.0], [2.0, 3.0, 4.0], [1.0, 0.0, 1.0]), "weights", "weights[1] = 0");
        yield return Case("LogLogRegression.Fit", "weights of wrong length", () => LogLogRegression.Fit([1.0, 2.0, 3.0], [2.0, 3.0, 4.0], [1.0, 1.0]), "weights", "2 weights");
        yield return Case("LogLogRegression.Extrapolate", "negative x", () => LogLogRegression.Fit([1.0, 2.0, 3.0], [2.0, 3.0, 4.5]).Extrapolate(-1.0), "x", "-1");

        yield return Case("ModelComparison.Compare", "no fits", () => ModelComparison.Compare([]), "fits", "no fits");
        yield return Case("ModelComparison.Compare", "null fit", () => ModelComparison.Compare([fit, null!]), "fits", "fits[1]");
        yield return Case("ModelComparison.Compare", "labels do not match", () => ModelComparison.Compare([fit], ["a", "b"]), "labels", "2 labels for 1 fits");
        yield return Case("ModelComparison.Compare", "fits to different data", () => ModelComparison.Compare([fit, chinchilla]), "fits", "fits[1]");

        var law = new SaturatingPowerLaw();
        yield return Case("ExtrapolationValidation.Holdout", "unknown input", () => ExtrapolationValidation.Holdout(law, fit.Data, "N", 1e9), "inputName", "'N'");
        yield return Case("ExtrapolationValidation.Holdout", "NaN threshold", () => ExtrapolationValidation.Holdout(law, fit.Data, "x", double.NaN), "threshold", "NaN");
        yield return Case("ExtrapolationValidation.Holdout", "threshold above every point", () => ExtrapolationValidation.Holdout(law, fit.Data, "x", 1e11), "threshold", "1E+11");
        yield return Case("ExtrapolationValidation.Holdout", "threshold leaves too few to fit", () => ExtrapolationValidation.Holdout(law, fit.Data, "x", 1.1e6), "data", "There are 1 observations");
        yield return Case("ExtrapolationValidation.Holdout", "empty held-out set", () => ExtrapolationValidation.Holdout(law, fit.Data, fit.Data.SelectRows([])), "heldOut", "no held-out");
        yield return Case("ExtrapolationValidation.LeaveOneGroupOut", "no groups", () => ExtrapolationValidation.LeaveOneGroupOut(law, fit.Data), "data", "group");
        yield return Case("ExtrapolationValidation.LeaveOneGroupOut", "one group", () => ExtrapolationValidation.LeaveOneGroupOut(law,
            fit.Data.WithGroups(Enumerable.Repeat("g", fit.Data.Count).ToArray())), "data", "1");
    }

    private static IEnumerable<BadInputCase> ScheduleCases()
    {
        var schedule = ReliabilityFixtures.Schedule;
        foreach (var bad in new[] { double.NaN, double.PositiveInfinity, -1e-3 })
        {
            yield return Case("LearningRateSchedule.Constant", $"rate {Text(bad)}", () => LearningRateSchedule.Constant(10, bad), "rate", Text(bad));
            yield return Case("LearningRateSchedule.Cosine", $"peak {Text(bad)}", () => LearningRateSchedule.Cosine(10, bad, 0.0), "peakRate", Text(bad));
            yield return Case("LearningRateSchedule.LinearDecay", $"final {Text(bad)}", () => LearningRateSchedule.LinearDecay(10, 1.0, bad), "finalRate", Text(bad));
            yield return Case("LearningRateSchedule.FromArray", $"rates[2] = {Text(bad)}", () => LearningRateSchedule.FromArray([1.0, 1.0, bad, 1.0]), "rates", "rates[2]");
            yield return Case("LearningRateSchedule.InverseSquareRoot", $"peak {Text(bad)}", () => LearningRateSchedule.InverseSquareRoot(10, bad, 3), "peakRate", Text(bad));
        }

        yield return Case("LearningRateSchedule.Constant", "zero steps", () => LearningRateSchedule.Constant(0, 1.0), "stepCount", "0");
        yield return Case("LearningRateSchedule.Constant", "warmup longer than the run", () => LearningRateSchedule.Constant(5, 1.0, Warmup.Linear(10)), "stepCount", "10");
        yield return Case("LearningRateSchedule.Cosine", "negative steps", () => LearningRateSchedule.Cosine(-5, 1.0, 0.1), "stepCount", "-5");
        yield return Case("LearningRateSchedule.WarmupStableDecay", "decay before warmup ends", () => LearningRateSchedule.WarmupStableDecay(100, 1.0, 5, 0.1, DecayShape.Linear, Warmup.Linear(10)), "decayStartStep", "10");
        yield return Case("LearningRateSchedule.WarmupStableDecay", "decay after the end", () => LearningRateSchedule.WarmupStableDecay(100, 1.0, 101, 0.1, DecayShape.Cosine), "decayStartStep", "100");
        yield return Case("LearningRateSchedule.WarmupStableDecay", "exponential decay to 0", () => LearningRateSchedule.WarmupStableDecay(100, 1.0, 50, 0.0, DecayShape.Exponential), "finalRate", "0");
        yield return Case("LearningRateSchedule.WarmupStableDecay", "undefined shape", () => LearningRateSchedule.WarmupStableDecay(100, 1.0, 50, 0.1, (DecayShape)9), "shape", "shape");
        yield return Case("LearningRateSchedule.MultiStep", "rates do not match milestones", () => LearningRateSchedule.MultiStep(100, [50], [1.0]), "rates", "1 rates and 1 milestones");
        yield return Case("LearningRateSchedule.MultiStep", "milestones out of order", () => LearningRateSchedule.MultiStep(100, [60, 40], [1.0, 0.5, 0.1]), "milestones", "milestones[1] = 40");
        yield return Case("LearningRateSchedule.MultiStep", "milestone past the end", () => LearningRateSchedule.MultiStep(100, [100], [1.0, 0.5]), "milestones", "milestones[0] = 100");
        yield return Case("LearningRateSchedule.MultiStep", "NaN rate", () => LearningRateSchedule.MultiStep(100, [50], [1.0, double.NaN]), "rates", "rates[1]");
        yield return Case("LearningRateSchedule.InverseSquareRoot", "time scale 0", () => LearningRateSchedule.InverseSquareRoot(100, 1.0, 0), "timescale", "time scale");
        yield return Case("LearningRateSchedule.FromArray", "no rates", () => LearningRateSchedule.FromArray([]), "rates", "empty");
        yield return Case("LearningRateSchedule.FromArray", "warmup longer than the rates", () => LearningRateSchedule.FromArray([1.0, 1.0], 3), "warmupSteps", "0 … 2");
        yield return Case("LearningRateSchedule.FromArray", "blank name", () => LearningRateSchedule.FromArray([1.0], 0, " "), "name", "name");
        yield return Case("LearningRateSchedule[step]", "step past the end", () => _ = schedule[200], "step", "200");
        yield return Case("LearningRateSchedule.WithName", "empty name", () => schedule.WithName(string.Empty), "name", "name");
        yield return Case("Warmup.Linear", "one step", () => Warmup.Linear(1), "steps", "2 steps");
        yield return Case("Warmup.Linear", "initial fraction above 1", () => Warmup.Linear(10, 1.5), "initialFraction", "[0, 1]");
        yield return Case("Warmup.Linear", "NaN initial fraction", () => Warmup.Linear(10, double.NaN), "initialFraction", "[0, 1]");

        yield return Case("LearningRateSchedule.ReadCsv", "empty text", () => LearningRateSchedule.ReadCsv(new StringReader(string.Empty)), "reader", "empty");
        yield return Case("LearningRateSchedule.ReadCsv", "negative rate", () => LearningRateSchedule.ReadCsv(new StringReader("step,lr\n0,1\n1,-1\n")), "reader", "-1");
        yield return Case("LearningRateSchedule.ReadCsv", "fractional step", () => LearningRateSchedule.ReadCsv(new StringReader("step,lr\n0,1\n1.5,1\n")), "reader", "1.5");
        yield return Case("LearningRateSchedule.ReadCsv", "steps repeat", () => LearningRateSchedule.ReadCsv(new StringReader("step,lr\n0,1\n0,1\n")), "reader", "step 0");
        yield return Case("LearningRateSchedule.ReadCsv", "gap with the default Reject", () => LearningRateSchedule.ReadCsv(new StringReader("step,lr\n0,1\n5,1\n")), "reader", "expected step 1");
        yield return Case("LearningRateSchedule.ReadCsv", "negative warmup", () => LearningRateSchedule.ReadCsv(new StringReader("step,lr\n0,1\n"), ScheduleCsvOptions.Default with { WarmupSteps = -1 }), "options", "WarmupSteps");
        yield return Case("LearningRateSchedule.ReadCsv", "warmup longer than the file", () => LearningRateSchedule.ReadCsv(new StringReader("step,lr\n0,1\n1,1\n"), ScheduleCsvOptions.Default with { WarmupSteps = 5 }), "options", "5");
        yield return Case("LearningRateSchedule.ReadCsv", "missing rate column", () => LearningRateSchedule.ReadCsv(new StringReader("step,rate\n0,1\n")), "options", "'lr'");

        yield return Case("new LossCurve", "no steps", () => _ = new LossCurve("r", schedule, [], []), "steps", "no logged steps");
        yield return Case("new LossCurve", "blank name", () => _ = new LossCurve(" ", schedule, [1], [2.0]), "name", "name");
        yield return Case("new LossCurve", "step past the schedule", () => _ = new LossCurve("r", schedule, [10, 200], [3.0, 2.0]), "steps", "steps[1] = 200");
        yield return Case("new LossCurve", "NaN loss", () => _ = new LossCurve("r", schedule, [10, 20], [3.0, double.NaN]), "losses", "losses[1] = NaN");
        yield return Case("new LossCurve", "zero loss", () => _ = new LossCurve("r", schedule, [10, 20], [0.0, 2.0]), "losses", "losses[0] = 0");
        yield return Case("LossCurve.ReadCsv", "logged rate differs from the schedule", () => LossCurve.ReadCsv(new StringReader("step,loss,lr\n10,3,0.5\n"), schedule, "r"), "schedule", "step 10");
        yield return Case("LossCurve.ReadCsv", "step past the schedule", () => LossCurve.ReadCsv(new StringReader("step,loss\n10,3\n500,2\n"), schedule, "r"), "reader", "step 500");
        yield return Case("LossCurve.ReadCsv", "negative rate tolerance", () => LossCurve.ReadCsv(new StringReader("step,loss\n10,3\n"), schedule, "r",
            LossCurveCsvOptions.Default with { RateTolerance = -1.0 }), "options", "RateTolerance");
        yield return Case("LossCurve.ToObservations", "no curves", () => LossCurve.ToObservations([]), "curves", "curve");
        yield return Case("LossCurve.ToObservations", "null curve", () => LossCurve.ToObservations([ReliabilityFixtures.Curve, null!]), "curves", "curves[1]");
        yield return Case("LossCurve.ToObservations", "momentum 1", () => ReliabilityFixtures.Curve.ToObservations(new AnnealingAreaOptions { Momentum = 1.0 }), "options", "Momentum");
        yield return Case("ScheduleAreas.Compute", "null schedule", () => ScheduleAreas.Compute(null!), "schedule", "schedule");
        yield return Case("ScheduleAreas.Compute", "negative momentum", () => ScheduleAreas.Compute(schedule, new AnnealingAreaOptions { Momentum = -0.5 }), "options", "Momentum");
        yield return Case("ScheduleAreas.Compute", "undefined warmup accounting", () => ScheduleAreas.Compute(schedule, new AnnealingAreaOptions { WarmupAccounting = (WarmupAccounting)5 }), "options", "WarmupAccounting");
        yield return Case("LossCurveFitter.FitAnnealingLaw", "no curves", () => LossCurveFitter.FitAnnealingLaw([]), "curves", "curve");
        yield return Case("LossCurveFitter.FitAnnealingLaw", "too few points", () => LossCurveFitter.FitAnnealingLaw([new LossCurve("r", schedule, [10, 20, 30], [3.0, 2.9, 2.8])]), "data", "3 observations but 4 free parameters");
        yield return Case("LossCurveFitter.FitMultiPowerLaw", "no curves", () => LossCurveFitter.FitMultiPowerLaw([]), "curves", "curve");
        yield return Case("LossCurveFitter.FitMultiPowerLawReferenceProtocol", "null curves", () => LossCurveFitter.FitMultiPowerLawReferenceProtocol(null!), "curves", "curves");
        yield return Case("LossCurvePredictor.ForAnnealingLaw", "three parameters", () => LossCurvePredictor.ForAnnealingLaw([1.0, 2.0, 0.5]), "parameters", "3");
        yield return Case("LossCurvePredictor.ForAnnealingLaw", "NaN parameter", () => LossCurvePredictor.ForAnnealingLaw([1.0, 2.0, double.NaN, 0.1]), "parameters", "NaN");
        yield return Case("LossCurvePredictor.ForMultiPowerLaw", "four parameters", () => LossCurvePredictor.ForMultiPowerLaw([1.0, 2.0, 0.5, 1.0]), "parameters", "4");
        yield return Case("LossCurvePredictor.Predict", "step past the schedule", () => LossCurvePredictor.ForAnnealingLaw([2.0, 1.0, 0.5, 100.0]).Predict(schedule, [250]), "steps", "250");
        yield return Case("LossCurvePredictor.Predict", "null schedule", () => LossCurvePredictor.ForAnnealingLaw([2.0, 1.0, 0.5, 100.0]).Predict(null!, [5]), "schedule", "schedule");
        yield return Case("LossCurvePredictor[name]", "unknown parameter", () => _ = LossCurvePredictor.ForAnnealingLaw([2.0, 1.0, 0.5, 100.0])["beta"], "parameterName", "'beta'");
        yield return Case("LossCurveMetrics.Compute", "lengths differ", () => LossCurveMetrics.Compute("m", [1.0, 2.0], [1.0]), "predicted", "2");
        yield return Case("LossCurveMetrics.Compute", "no points", () => LossCurveMetrics.Compute("m", [], []), "predicted", "0 observations");
        yield return Case("LossCurveMetrics.Average", "no metrics", () => LossCurveMetrics.Average([]), "metrics", "no");
    }
}
