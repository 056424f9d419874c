namespace ScalingLaws.Tests.Reliability;

public partial class BadInputMatrixTests
{
    private static readonly double[] X = [1e6, 1e7, 1e8, 1e9, 1e10];
    private static readonly double[] Y = [3.0, 2.5, 2.2, 2.0, 1.9];

    private static IEnumerable<BadInputCase> LawCases()
    {
        yield return Case("new LawParameter", "NaN lower bound", () => _ = new LawParameter("a", "d", ParameterScale.Linear, double.NaN, 1.0), "lowerBound", "'a'");
        yield return Case("new LawParameter", "lower bound above upper", () => _ = new LawParameter("a", "d", ParameterScale.Linear, 2.0, 1.0), "lowerBound", "'a'");
        yield return Case("new LawParameter", "NaN upper bound", () => _ = new LawParameter("a", "d", ParameterScale.Linear, 0.0, double.NaN), "lowerBound", "'a'");
        yield return Case("new LawParameter", "log scale, upper bound not positive", () => _ = new LawParameter("a", "d", ParameterScale.Log, -2.0, 0.0), "upperBound", "'a'");
        yield return Case("new LawParameter", "blank name", () => _ = new LawParameter(" ", "d"), "name", "name");
        yield return Case("new LawParameter", "null description", () => _ = new LawParameter("a", null!), "description", "description");
        yield return Case("new LawInput", "empty name", () => _ = new LawInput(string.Empty, "d"), "name", "name");
        yield return Case("new LawInputs", "no columns", () => _ = new LawInputs([]), "columns", "At least one input column");
        yield return Case("new LawInputs", "columns differ in length", () => _ = new LawInputs([[1.0, 2.0], [1.0]]), "columns", "column 1 has 1");
        yield return Case("new LawInputs", "null column", () => _ = new LawInputs([[1.0], null!]), "columns", "column 1 is null");
        yield return Case("ScalingLaw.Evaluate", "too few parameters", () => new SaturatingPowerLaw().Evaluate([1.0, 2.0], [10.0]), "parameters", "Expected 3 parameters but got 2");
        yield return Case("ScalingLaw.Evaluate", "too many inputs", () => new ChinchillaLaw().Evaluate(ChinchillaLaw.HoffmannParameters.ToArray(), [1e9, 1e10, 1.0]), "inputValues", "Expected 2 inputs but got 3");
        yield return Case("ScalingLaw.Evaluate", "zero power-law input", () => new PowerLaw().Evaluate([1.0, 0.5], [0.0]), "inputValues", "inputValues[0] = 0");
        yield return Case("ScalingLaw.Evaluate", "NaN annealing area", () => new AnnealingLaw().Evaluate([2.0, 3.0, 0.4, 6e-4], [10.0, double.NaN]), "inputValues", "inputValues[1] = NaN");
        yield return Case("ScalingLaw.Evaluate", "negative token count", () => new ChinchillaLaw().Evaluate(ChinchillaLaw.HoffmannParameters.ToArray(), [1e9, -1e10]), "inputValues", "'D'");
        yield return Case("ScalingLaw.IndexOfParameter", "unknown name", () => new ChinchillaLaw().IndexOfParameter("gamma"), "parameterName", "'gamma'");
        yield return Case("LawRegistry.Create", "unknown law", () => LawRegistry.Create("no-such-law"), "name", "'no-such-law'");
        yield return Case("new CustomLaw", "default start of wrong length", () => _ = new CustomLaw("c", "y = a*x",
            [new LawParameter("a", "slope")], [new LawInput("x", "input")], (p, x) => p[0] * x[0], [1.0, 2.0]), "defaultStart", "(1)");
        yield return Case("new CustomLaw", "non-finite default start", () => _ = new CustomLaw("c", "y = a*x",
            [new LawParameter("a", "slope")], [new LawInput("x", "input")], (p, x) => p[0] * x[0], [double.NaN]), "defaultStart", "finite");
        yield return Case("new CustomLaw", "two parameters with one name", () => _ = new CustomLaw("c", "y = a*x",
            [new LawParameter("a", "slope"), new LawParameter("a", "again")], [new LawInput("x", "input")], (p, x) => p[0] * x[0], [1.0, 1.0]), "parameters", "'a'");
        yield return Case("new CustomLaw", "no parameters", () => _ = new CustomLaw("c", "y = 1",
            [], [new LawInput("x", "input")], (p, x) => 1.0, []), "parameters", "at least one parameter");
        yield return Case("new CustomLaw", "null function", () => _ = new CustomLaw("c", "y = a*x",
            [new LawParameter("a", "slope")], [new LawInput("x", "input")], null!, [1.0]), "value", "value");
        yield return Case("new MultiPowerLaw", "no schedules", () => _ = new MultiPowerLaw([]), "schedules", "at least one schedule");
        yield return Case("new MultiPowerLaw", "null schedule", () => _ = new MultiPowerLaw([ReliabilityFixtures.Schedule, null!]), "schedules", "schedules[1]");
    }

    private static IEnumerable<BadInputCase> FitterCases()
    {
        var law = new SaturatingPowerLaw();
        var data = ReliabilityFixtures.SaturatingData;
        FitOptions With(Func<FitOptions, FitOptions> change) => change(FitOptions.Default);

        yield return Case("ScalingLawFitter.Fit", "null x", () => ScalingLawFitter.Fit(law, null!, Y), "x", "x");
        yield return Case("ScalingLawFitter.Fit", "null y", () => ScalingLawFitter.Fit(law, X, null!), "y", "y");
        yield return Case("ScalingLawFitter.Fit", "empty arrays", () => ScalingLawFitter.Fit(law, [], []), "data", "There are 0 observations");
        yield return Case("ScalingLawFitter.Fit", "x longer than y", () => ScalingLawFitter.Fit(law, X, Y[..3]), "y", "5 and 3");
        yield return Case("ScalingLawFitter.Fit", "null loss", () => ScalingLawFitter.Fit(law, data, With(o => o with { Loss = null! })), "options", "Loss");
        yield return Case("ScalingLawFitter.Fit", "null starts", () => ScalingLawFitter.Fit(law, data, With(o => o with { Starts = null! })), "options", "Starts");
        yield return Case("ScalingLawFitter.Fit", "undefined residual space", () => ScalingLawFitter.Fit(law, data, With(o => o with { ResidualSpace = (ResidualSpace)7 })), "options", "ResidualSpace");
        yield return Case("ScalingLawFitter.Fit", "undefined covariance method", () => ScalingLawFitter.Fit(law, data, With(o => o with { Covariance = (CovarianceMethod)9 })), "options", "Covariance");
        yield return Case("ScalingLawFitter.Fit", "NaN parameter tolerance", () => ScalingLawFitter.Fit(law, data, With(o => o with { ParameterTolerance = double.NaN })), "options", "ParameterTolerance");
        yield return Case("ScalingLawFitter.Fit", "negative gradient tolerance", () => ScalingLawFitter.Fit(law, data, With(o => o with { GradientTolerance = -1.0 })), "options", "GradientTolerance");
        yield return Case("ScalingLawFitter.Fit", "same-optimum tolerance 1", () => ScalingLawFitter.Fit(law, data, With(o => o with { SameOptimumTolerance = 1.0 })), "options", "SameOptimumTolerance");
        yield return Case("ScalingLawFitter.Fit", "upper bound of log parameter not positive", () => ScalingLawFitter.Fit(law, data,
            With(o => o with { Bounds = new Dictionary<string, ParameterBounds> { ["A"] = new(-2.0, -1.0) } })), "options", "'A'");
        yield return Case("ScalingLawFitter.Fit", "NaN fixed value", () => ScalingLawFitter.Fit(law, data,
            With(o => o with { FixedParameters = new Dictionary<string, double> { ["alpha"] = double.NaN } })), "options", "'alpha'");
        yield return Case("ScalingLawFitter.Fit", "negative fixed value of log parameter", () => ScalingLawFitter.Fit(law, data,
            With(o => o with { FixedParameters = new Dictionary<string, double> { ["A"] = -3.0 } })), "options", "'A'");
        yield return Case("ScalingLawFitter.Fit", "fixed parameters leave fewer points than free ones", () => ScalingLawFitter.Fit(new ChinchillaLaw(),
            ReliabilityFixtures.ChinchillaFit.Data.SelectRows([0, 1, 2]), With(o => o with { FixedParameters = new Dictionary<string, double> { ["E"] = 1.8 } })),
            "data", "3 observations but 4 free parameters");
        yield return Case("ScalingLawFitter.Fit", "start with non-positive log parameter", () => ScalingLawFitter.Fit(law, data,
            With(o => o with { Starts = StartStrategy.FromPoint(1.0, 0.0, 0.3) })), "options", "'A'");
        yield return Case("ScalingLawFitter.Fit", "grid with an empty axis", () => ScalingLawFitter.Fit(law, data,
            With(o => o with { Starts = StartStrategy.Grid(new Dictionary<string, double[]> { ["E"] = [1.0], ["A"] = [], ["alpha"] = [0.3] }) })), "valuesByParameter", "'A'");
        yield return Case("ScalingLawFitter.Fit", "grid of more than 10 million points", () => ScalingLawFitter.Fit(law, data,
            With(o => o with { Starts = StartStrategy.Grid(new Dictionary<string, double[]> { ["E"] = Grid(300), ["A"] = Grid(300, 1.0), ["alpha"] = Grid(300) }) })), "options", "27000000");
        yield return Case("StartStrategy.FromPoints", "no starts", () => StartStrategy.FromPoints([]), "starts", "start");
        yield return Case("StartStrategy.FromPoints", "infinite entry", () => StartStrategy.FromPoints([[1.0, double.PositiveInfinity]]), "starts", "starts[0][1]");
        yield return Case("StartStrategy.Grid", "NaN on an axis", () => StartStrategy.Grid(new Dictionary<string, double[]> { ["E"] = [1.0, double.NaN] }), "valuesByParameter", "'E'");
        yield return Case("StartStrategy.DefaultRefining", "zero refined points", () => StartStrategy.DefaultRefining(0), "count", "count");
        yield return Case("FitResult[name]", "unknown parameter", () => _ = ReliabilityFixtures.SaturatingFit["beta"], "parameterName", "'beta'");
        yield return Case("FitResult.StandardError", "unknown parameter", () => ReliabilityFixtures.SaturatingFit.StandardError("Alpha"), "parameterName", "'Alpha'");
        yield return Case("FitResult.Predict", "wrong number of inputs", () => ReliabilityFixtures.SaturatingFit.Predict(1e9, 1e9), "inputValues", "got 2");
        yield return Case("FitResult.Predict", "negative input", () => ReliabilityFixtures.SaturatingFit.Predict(-1e9), "inputValues", "-1000000000");
        yield return Case("FitResult.Predict", "NaN input", () => ReliabilityFixtures.SaturatingFit.Predict(double.NaN), "inputValues", "NaN");
        yield return Case("FitResult.Predict", "observations without the input column", () => ReliabilityFixtures.SaturatingFit.Predict(
            Observations.FromArrays("N", X, Y)), "data", "'x'");
        yield return Case("FitResult.Predict", "observations with a zero input", () => ReliabilityFixtures.SaturatingFit.Predict(
            Observations.FromArrays("x", X.With(2, 0.0), Y)), "data", "x[2]");
        yield return Case("ParameterMatrix[name, name]", "unknown parameter", () => _ = ReliabilityFixtures.SaturatingFit.Covariance!["E", "B"], "name", "'B'");
    }

    private static double[] Grid(int count, double offset = 0.0) => Enumerable.Range(0, count).Select(i => offset + (i * 0.001)).ToArray();

    private static IEnumerable<BadInputCase> ObservationsCases()
    {
        var data = ReliabilityFixtures.SaturatingData;
        yield return Case("new Observations", "more names than columns", () => _ = new Observations(["a", "b"], [X], Y), "columns", "2 column names but 1 columns");
        yield return Case("new Observations", "duplicate column names", () => _ = new Observations(["N", "N"], [X, X], Y), "columnNames", "'N'");
        yield return Case("new Observations", "blank column name", () => _ = new Observations(["N", " "], [X, X], Y), "columnNames", "Column name 1");
        yield return Case("new Observations", "null column", () => _ = new Observations(["N", "D"], [X, null!], Y), "columns", "'D'");
        yield return Case("new Observations", "column shorter than target", () => _ = new Observations(["N"], [X[..2]], Y), "columns", "'N' has 2 values");
        yield return Case("new Observations", "null target", () => _ = new Observations(["N"], [X], null!), "target", "target");
        yield return Case("new Observations", "blank target name", () => _ = new Observations(["N"], [X], Y, targetName: ""), "targetName", "targetName");
        yield return Case("new Observations", "zero weight", () => _ = new Observations(["N"], [X], Y, weights: [1.0, 1.0, 1.0, 0.0, 1.0]), "weights", "weights[3] = 0");
        yield return Case("new Observations", "negative weight", () => _ = new Observations(["N"], [X], Y, weights: [1.0, -1.0, 1.0, 1.0, 1.0]), "weights", "weights[1] = -1");
        yield return Case("new Observations", "infinite weight", () => _ = new Observations(["N"], [X], Y, weights: [1.0, 1.0, 1.0, 1.0, double.PositiveInfinity]), "weights", "weights[4] = Infinity");
        yield return Case("new Observations", "groups of wrong length", () => _ = new Observations(["N"], [X], Y, groups: ["a", "b"]), "groups", "2 group labels");
        yield return Case("new Observations", "null group label", () => _ = new Observations(["N"], [X], Y, groups: ["a", "b", null!, "c", "d"]), "groups", "groups[2]");
        yield return Case("Observations.FromArrays", "null x", () => Observations.FromArrays("x", null!, Y), "x", "x");
        yield return Case("Observations.FromArrays", "blank input name", () => Observations.FromArrays(" ", X, Y), "columnNames", "Column name 0");
        yield return Case("Observations.FromArrays", "weights of wrong length", () => Observations.FromArrays("x", X, Y, [1.0]), "weights", "1 weights but 5");
        yield return Case("Observations.Column", "unknown column", () => data.Column("z"), "name", "'z'");
        yield return Case("Observations.Row", "negative index", () => data.Row(-1), "index", "-1");
        yield return Case("Observations.Row", "index past the end", () => data.Row(data.Count), "index", "30");
        yield return Case("Observations.WithColumn", "wrong length", () => data.WithColumn("z", [1.0]), "values", "'z' has 1 values");
        yield return Case("Observations.WithColumn", "blank name", () => data.WithColumn("", new double[data.Count]), "name", "name");
        yield return Case("Observations.WithDerivedColumn", "null formula", () => data.WithDerivedColumn("z", null!), "formula", "formula");
        yield return Case("Observations.RenameColumn", "onto an existing name", () => new Observations(["a", "b"], [X, X], Y).RenameColumn("a", "b"), "newName", "'b'");
        yield return Case("Observations.RenameColumn", "unknown column", () => data.RenameColumn("z", "w"), "name", "'z'");
        yield return Case("Observations.Where", "null predicate", () => data.Where(null!), "predicate", "predicate");
        yield return Case("Observations.WhereInRange", "NaN lower limit", () => data.WhereInRange("x", double.NaN, 1.0), "lower", "NaN");
        yield return Case("Observations.WhereInRange", "lower limit above upper", () => data.WhereInRange("x", 2.0, 1.0), "lower", "(2, 1)");
        yield return Case("Observations.WhereInRange", "unknown column", () => data.WhereInRange("z", 1.0, 2.0), "columnName", "'z'");
        yield return Case("Observations.DropLargestTargets", "negative count", () => data.DropLargestTargets(-1), "count", "-1");
        yield return Case("Observations.DropLargestTargets", "every row", () => data.DropLargestTargets(data.Count), "count", "30");
        yield return Case("Observations.SelectRows", "negative row", () => data.SelectRows([0, -2]), "rows", "-2");
        yield return Case("Observations.SelectRows", "row past the end", () => data.SelectRows([30]), "rows", "30");
        yield return Case("Observations.WithWeights", "NaN weight", () => data.WithWeights(new double[data.Count].Select(_ => 1.0).ToArray().With(5, double.NaN)), "weights", "weights[5] = NaN");
        yield return Case("Observations.WithWeights", "wrong length", () => data.WithWeights([1.0, 2.0]), "weights", "2 weights");
        yield return Case("Observations.WithGroups", "wrong length", () => data.WithGroups(["a"]), "groups", "1 group labels");
        yield return Case("Observations.WithProvenance", "null text", () => data.WithProvenance(null!), "provenance", "provenance");
    }
}
