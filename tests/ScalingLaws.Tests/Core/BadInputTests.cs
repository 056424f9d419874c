namespace ScalingLaws.Tests.Core;

/// <summary>Issue 2 acceptance: bad input throws <see cref="ArgumentException"/> (or a subtype) before any work, and the
/// message names the offending parameter, row or column.</summary>
public class BadInputTests
{
    private static readonly double[] X = [1e6, 1e7, 1e8, 1e9, 1e10];
    private static readonly double[] Y = [3.0, 2.5, 2.2, 2.0, 1.9];

    private static Observations Chinchilla() => SyntheticData.Chinchilla(0.01);

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    public void Fit_InputNotPositiveAndFinite_ThrowsNamingRow(double bad)
    {
        var x = (double[])X.Clone();
        x[3] = bad;

        var act = () => ScalingLawFitter.Fit(new SaturatingPowerLaw(), x, Y);

        act.Should().Throw<ArgumentException>().WithParameterName("data").WithMessage("x[3] = *positive and finite*");
    }

    [Fact]
    public void Fit_NegativeZeroInput_ThrowsNamingRow()
    {
        var x = (double[])X.Clone();
        x[1] = -0.0;

        var act = () => ScalingLawFitter.Fit(new PowerLaw(), x, Y);

        act.Should().Throw<ArgumentException>().WithParameterName("data").WithMessage("x[1] = -0 is not positive and finite*");
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Fit_TokenCountNotFinite_ThrowsNamingColumnAndRow(double bad)
    {
        var data = Chinchilla();
        var d = data.Column("D").ToArray();
        d[10] = bad;

        var act = () => ScalingLawFitter.Fit(new ChinchillaLaw(), data.WithColumn("D", d));

        act.Should().Throw<ArgumentException>().WithMessage("D[10] = *");
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Fit_FiniteDomainInputNotFinite_Throws(double bad)
    {
        var data = SyntheticData.Annealing(0.0);
        var s2 = data.Column("S2").ToArray();
        s2[4] = bad;

        var act = () => ScalingLawFitter.Fit(new AnnealingLaw(), data.WithColumn("S2", s2));

        act.Should().Throw<ArgumentException>().WithMessage("S2[4] = * is not finite*");
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Fit_TargetNotFinite_ThrowsNamingRow(double bad)
    {
        var y = (double[])Y.Clone();
        y[2] = bad;

        var act = () => ScalingLawFitter.Fit(new SaturatingPowerLaw(), X, y);

        act.Should().Throw<ArgumentException>().WithParameterName("data").WithMessage("y[2] = * is not finite*");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-2.0)]
    public void Fit_NonPositiveTargetWithLogResiduals_ThrowsNamingRow(double bad)
    {
        var y = (double[])Y.Clone();
        y[4] = bad;

        var act = () => ScalingLawFitter.Fit(new SaturatingPowerLaw(), X, y, FitOptions.Default with { ResidualSpace = ResidualSpace.Log });

        act.Should().Throw<ArgumentException>().WithMessage("y[4] = * is not positive*log*");
    }

    [Fact]
    public void Fit_NonPositiveTargetWithLinearResiduals_IsAllowed()
    {
        var y = (double[])Y.Clone();
        y[4] = -0.5;

        var act = () => ScalingLawFitter.Fit(new SaturatingPowerLaw(), X, y, FitOptions.Default with { Bounds = new Dictionary<string, ParameterBounds> { ["E"] = ParameterBounds.Unbounded } });

        act.Should().NotThrow();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4)]
    public void Fit_FewerPointsThanFreeParameters_Throws(int count)
    {
        var data = Chinchilla().SelectRows(Enumerable.Range(0, count).ToArray());

        var act = () => ScalingLawFitter.Fit(new ChinchillaLaw(), data);

        act.Should().Throw<ArgumentException>().WithParameterName("data").WithMessage($"There are {count} observations but 5 free parameters*");
    }

    [Fact]
    public void Fit_FixedParameterReducesRequiredPoints_RunsWithFourPoints()
    {
        var data = Chinchilla().SelectRows([0, 9, 18, 27]);

        var fit = ScalingLawFitter.Fit(new ChinchillaLaw(), data,
            FitOptions.Default with { FixedParameters = new Dictionary<string, double> { ["E"] = 1.82 } });

        fit.DegreesOfFreedom.Should().Be(0);
        fit.Covariance.Should().BeNull();
    }

    [Fact]
    public void Fit_MismatchedLengths_Throws()
    {
        var act = () => ScalingLawFitter.Fit(new PowerLaw(), X, Y[..4]);

        act.Should().Throw<ArgumentException>().WithParameterName("y").WithMessage("*differ in length*5*4*");
    }

    [Fact]
    public void Observations_MismatchedColumnLength_ThrowsNamingColumn()
    {
        var act = () => new Observations(["N", "D"], [X, X[..3]], Y);

        act.Should().Throw<ArgumentException>().WithParameterName("columns").WithMessage("Column 'D' has 3 values but the target has 5*");
    }

    [Fact]
    public void Observations_MismatchedWeights_Throws()
    {
        var act = () => new Observations(["x"], [X], Y, weights: [1.0, 1.0]);

        act.Should().Throw<ArgumentException>().WithParameterName("weights").WithMessage("*2 weights but 5*");
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    public void Observations_BadWeight_ThrowsNamingRow(double bad)
    {
        var act = () => new Observations(["x"], [X], Y, weights: [1.0, 1.0, bad, 1.0, 1.0]);

        act.Should().Throw<ArgumentException>().WithParameterName("weights").WithMessage("weights[2] = *");
    }

    [Fact]
    public void Fit_LowerBoundAboveUpper_ThrowsNamingParameter()
    {
        var options = FitOptions.Default with { Bounds = new Dictionary<string, ParameterBounds> { ["alpha"] = new(1.0, 0.5) } };

        var act = () => ScalingLawFitter.Fit(new SaturatingPowerLaw(), X, Y, options);

        act.Should().Throw<ArgumentException>().WithParameterName("options").WithMessage("*'alpha'*");
    }

    [Theory]
    [InlineData(double.NaN, 1.0)]
    [InlineData(0.0, double.NaN)]
    public void Fit_NaNBound_ThrowsNamingParameter(double lower, double upper)
    {
        var options = FitOptions.Default with { Bounds = new Dictionary<string, ParameterBounds> { ["E"] = new(lower, upper) } };

        var act = () => ScalingLawFitter.Fit(new SaturatingPowerLaw(), X, Y, options);

        act.Should().Throw<ArgumentException>().WithParameterName("options").WithMessage("*'E'*");
    }

    [Fact]
    public void Fit_StartOutsideBounds_ThrowsNamingParameter()
    {
        var options = FitOptions.Default with { Starts = StartStrategy.FromPoint(1.0, 10.0, -0.3) };

        var act = () => ScalingLawFitter.Fit(new SaturatingPowerLaw(), X, Y, options);

        act.Should().Throw<ArgumentException>().WithParameterName("options").WithMessage("Start 0*'alpha' = -0.3 is outside its bounds*");
    }

    [Fact]
    public void Fit_GridStartOutsideUserBounds_ThrowsNamingParameter()
    {
        var options = FitOptions.Default with
        {
            Bounds = new Dictionary<string, ParameterBounds> { ["alpha"] = new(0.0, 1.0) },
            Starts = StartStrategy.Grid(new Dictionary<string, double[]> { ["E"] = [1.0], ["A"] = [10.0], ["alpha"] = [0.5, 2.0] }),
        };

        var act = () => ScalingLawFitter.Fit(new SaturatingPowerLaw(), X, Y, options);

        act.Should().Throw<ArgumentException>().WithParameterName("options").WithMessage("Grid start 1*'alpha' = 2*outside*");
    }

    [Fact]
    public void Fit_StartWithWrongLength_Throws()
    {
        var act = () => ScalingLawFitter.Fit(new SaturatingPowerLaw(), X, Y, FitOptions.Default with { Starts = StartStrategy.FromPoint(1.0, 2.0) });

        act.Should().Throw<ArgumentException>().WithParameterName("options").WithMessage("Start 0 has 2 values*3 parameters*");
    }

    [Fact]
    public void Fit_UnknownParameterInBounds_ThrowsNamingIt()
    {
        var options = FitOptions.Default with { Bounds = new Dictionary<string, ParameterBounds> { ["gamma"] = new(0.0, 1.0) } };

        var act = () => ScalingLawFitter.Fit(new SaturatingPowerLaw(), X, Y, options);

        act.Should().Throw<ArgumentException>().WithParameterName("options").WithMessage("FitOptions.Bounds names 'gamma'*E, A, alpha*");
    }

    [Fact]
    public void Fit_UnknownParameterInFixed_ThrowsNamingIt()
    {
        var options = FitOptions.Default with { FixedParameters = new Dictionary<string, double> { ["Alpha"] = 0.3 } };

        var act = () => ScalingLawFitter.Fit(new SaturatingPowerLaw(), X, Y, options);

        act.Should().Throw<ArgumentException>().WithParameterName("options").WithMessage("FitOptions.FixedParameters names 'Alpha'*");
    }

    [Fact]
    public void Fit_UnknownParameterInGrid_ThrowsNamingIt()
    {
        var options = FitOptions.Default with
        {
            Starts = StartStrategy.Grid(new Dictionary<string, double[]> { ["E"] = [1.0], ["A"] = [10.0], ["alpha"] = [0.5], ["delta"] = [1.0] }),
        };

        var act = () => ScalingLawFitter.Fit(new SaturatingPowerLaw(), X, Y, options);

        act.Should().Throw<ArgumentException>().WithMessage("*'delta'*");
    }

    [Fact]
    public void Fit_GridMissingAFreeParameter_ThrowsNamingIt()
    {
        var options = FitOptions.Default with { Starts = StartStrategy.Grid(new Dictionary<string, double[]> { ["E"] = [1.0], ["A"] = [10.0] }) };

        var act = () => ScalingLawFitter.Fit(new SaturatingPowerLaw(), X, Y, options);

        act.Should().Throw<ArgumentException>().WithParameterName("options").WithMessage("*no values for parameter 'alpha'*");
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(0.0)]
    public void Fit_BadFixedValueOfPositiveParameter_ThrowsNamingIt(double bad)
    {
        var options = FitOptions.Default with { FixedParameters = new Dictionary<string, double> { ["A"] = bad } };

        var act = () => ScalingLawFitter.Fit(new SaturatingPowerLaw(), X, Y, options);

        act.Should().Throw<ArgumentException>().WithParameterName("options").WithMessage("*'A'*");
    }

    [Fact]
    public void Fit_EveryParameterFixed_Throws()
    {
        var options = FitOptions.Default with { FixedParameters = new Dictionary<string, double> { ["A"] = 1.0, ["alpha"] = 0.1 } };

        var act = () => ScalingLawFitter.Fit(new PowerLaw(), X, Y, options);

        act.Should().Throw<ArgumentException>().WithParameterName("options").WithMessage("*Every parameter is fixed*");
    }

    [Fact]
    public void Fit_MissingInputColumn_ThrowsNamingItAndListingColumns()
    {
        var data = new Observations(["N", "C"], [X, X], Y);

        var act = () => ScalingLawFitter.Fit(new ChinchillaLaw(), data);

        act.Should().Throw<ArgumentException>().WithParameterName("data").WithMessage("*input column 'D'*'N', 'C'*");
    }

    [Fact]
    public void Read_MissingCsvColumn_ThrowsNamingIt()
    {
        var options = new CsvReadOptions { TargetColumn = "loss", InputColumns = new Dictionary<string, string> { ["N"] = "params" } };

        var act = () => ObservationsCsv.Read(new StringReader("N,loss\n1,2\n"), options, "runs.csv");

        act.Should().Throw<ArgumentException>().WithParameterName("options").WithMessage("'runs.csv' has no column 'params' (input N)*'N', 'loss'*");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Fit_MaxIterationsBelowOne_Throws(int maxIterations)
    {
        var act = () => ScalingLawFitter.Fit(new PowerLaw(), X, Y, FitOptions.Default with { MaxIterations = maxIterations });

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("options").WithMessage("*MaxIterations*");
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Fit_ConfidenceLevelOutsideOpenUnitInterval_Throws(double level)
    {
        var act = () => ScalingLawFitter.Fit(new PowerLaw(), X, Y, FitOptions.Default with { ConfidenceLevel = level });

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("options").WithMessage("*ConfidenceLevel*");
    }

    [Theory]
    [InlineData(-1e-3)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Fit_ToleranceOutOfRange_Throws(double tolerance)
    {
        var act = () => ScalingLawFitter.Fit(new PowerLaw(), X, Y, FitOptions.Default with { FunctionTolerance = tolerance });

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("options").WithMessage("*FunctionTolerance*");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void Fit_InvalidParallelism_Throws(int parallelism)
    {
        var act = () => ScalingLawFitter.Fit(new PowerLaw(), X, Y, FitOptions.Default with { MaxDegreeOfParallelism = parallelism });

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("options").WithMessage("*MaxDegreeOfParallelism*");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Huber_NonPositiveOrNonFiniteDelta_Throws(double threshold)
    {
        var act = () => LossFunction.Huber(threshold);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("delta");
    }

    [Fact]
    public void FromPoints_NonFiniteStart_ThrowsNamingEntry()
    {
        var act = () => StartStrategy.FromPoints([[1.0, 2.0], [1.0, double.NaN]]);

        act.Should().Throw<ArgumentException>().WithParameterName("starts").WithMessage("starts[1][1] = NaN*");
    }

    [Fact]
    public void Fit_LawWithTwoInputsFromArrays_Throws()
    {
        var act = () => ScalingLawFitter.Fit(new ChinchillaLaw(), X, Y);

        act.Should().Throw<ArgumentException>().WithParameterName("law").WithMessage("*2 inputs*");
    }

    [Fact]
    public void Fit_NullArguments_ThrowArgumentNull()
    {
        var data = Observations.FromArrays("x", X, Y);

        ((Action)(() => ScalingLawFitter.Fit(null!, data))).Should().Throw<ArgumentNullException>().WithParameterName("law");
        ((Action)(() => ScalingLawFitter.Fit(new PowerLaw(), (Observations)null!))).Should().Throw<ArgumentNullException>().WithParameterName("data");
    }
}
