namespace ScalingLaws.Cli.Tests.Reports;

public sealed class FitReportTests
{
    private static FitResult PowerLawFit(int points = 12)
    {
        // Exact data from y = 1.7 + 300·C^(−0.12) with a small deterministic wiggle.
        var x = Enumerable.Range(0, points).Select(i => Math.Pow(10.0, 18.0 + (0.3 * i))).ToArray();
        var y = x.Select((v, i) => (1.7 + (300.0 * Math.Pow(v, -0.12))) * (1.0 + (0.002 * Math.Sin(i)))).ToArray();
        return ScalingLawFitter.Fit(new SaturatingPowerLaw("C"), Observations.FromArrays("C", x, y).DropLargestTargets(1),
            FitOptions.Default with { ResidualSpace = ResidualSpace.Log, FixedParameters = new Dictionary<string, double> { ["E"] = 1.7 } });
    }

    [Fact]
    public void ToJson_FromJson_RoundTripsEveryMember()
    {
        var fit = PowerLawFit();
        var boot = Bootstrap.Run(fit, new BootstrapOptions { Resamples = 30, Seed = 3 });
        var report = FitReport.FromFit(fit, boot) with { Command = "scaling-laws fit x.csv" };

        var json = report.ToJson();
        var again = FitReport.FromJson(json);

        again.ToJson().Should().Be(json);
        again.Should().BeEquivalentTo(report);
    }

    [Fact]
    public void FromFit_ReplayedBootstrap_RecordsExplicitRows()
    {
        var fit = PowerLawFit();
        var seeded = Bootstrap.Run(fit, new BootstrapOptions { Resamples = 10, Seed = 3 });
        var replayed = Bootstrap.Run(fit, new BootstrapOptions { ExplicitRows = NumPyCompatibleDraws.CaseResamples(3, fit.Data.Count, 10) });

        FitReport.FromFit(fit, seeded).Bootstrap!.ExplicitRows.Should().BeFalse();
        var report = FitReport.FromFit(fit, replayed);
        report.Bootstrap!.ExplicitRows.Should().BeTrue();
        FitReport.FromJson(report.ToJson()).Bootstrap!.ExplicitRows.Should().BeTrue();
    }

    [Fact]
    public void FromFit_PowerLaw_RecordsSettingsParametersAndProvenance()
    {
        var fit = PowerLawFit();

        var report = FitReport.FromFit(fit);

        report.LibraryVersion.Should().StartWith("0.").And.Be(FitReport.Version);
        report.SchemaVersion.Should().Be(FitReport.CurrentSchemaVersion);
        report.Law.Formula.Should().Be("y = E + A*C^(-alpha)");
        report.Law.ParameterNames.Should().Equal("E", "A", "alpha");
        report.Data.Provenance.Should().Contain("dropped the 1 largest");
        report.Data.Columns.Should().ContainSingle().Which.Minimum.Should().Be(Math.Pow(10.0, 18.3), "the largest loss, at the smallest C, was dropped");
        report.Settings.FixedParameters.Should().Equal(new Dictionary<string, double> { ["E"] = 1.7 });
        report.Settings.ResidualSpace.Should().Be(ResidualSpace.Log);
        report.Parameter("E").IsFixed.Should().BeTrue();
        report.Parameter("alpha").Value.Should().Be(fit["alpha"]);
        report.Parameter("alpha").StandardError.Should().Be(fit.StandardError("alpha"));
        report.Parameter("alpha").Lower.Should().Be(fit.ConfidenceIntervals[2].Lower);
        report.Parameter("A").UpperBound.Should().Be(double.PositiveInfinity);
        report.Statistics.Objective.Should().Be(fit.Objective);
        report.Diagnostics.Status.Should().Be(fit.Diagnostics.Status);
        report.Warnings.Should().Equal(fit.Warnings);
        report.Bootstrap.Should().BeNull();
        report.Parameter("alpha").BootstrapStandardError.Should().BeNull();
    }

    [Fact]
    public void ToJson_NonFiniteNumbers_WrittenAsNamedLiteralsAndReadBack()
    {
        // Two points and two free parameters leave no degrees of freedom: the standard errors are NaN.
        var fit = ScalingLawFitter.Fit(new PowerLaw("C"), Observations.FromArrays("C", [1e18, 1e20], [4.0, 2.0]));
        var report = FitReport.FromFit(fit);

        var json = report.ToJson();

        json.Should().Contain("\"NaN\"").And.Contain("\"Infinity\"");
        var again = FitReport.FromJson(json);
        double.IsNaN(again.Parameter("alpha").StandardError).Should().BeTrue();
        again.ToJson().Should().Be(json);
    }

    [Fact]
    public void ToJson_EnumsAndText_AreReadable()
    {
        var json = FitReport.FromFit(PowerLawFit()).ToJson();

        json.Should().Contain("\"residualSpace\": \"Log\"").And.Contain("\"status\": \"Converged\"").And.Contain("E + A*C^(-alpha)");
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("null")]
    public void FromJson_InvalidText_ThrowsArgumentException(string json)
    {
        var act = () => FitReport.FromJson(json);

        act.Should().Throw<ArgumentException>().WithParameterName(nameof(json)).WithMessage("*not a fit report*");
    }

    [Fact]
    public void FromJson_NewerSchema_ThrowsSayingSo()
    {
        var json = FitReport.FromFit(PowerLawFit()).ToJson().Replace("\"schemaVersion\": 1", "\"schemaVersion\": 99", StringComparison.Ordinal);

        var act = () => FitReport.FromJson(json);

        act.Should().Throw<ArgumentException>().WithMessage("*schema version 99*");
    }

    [Fact]
    public void FromFit_BootstrapOfAnotherLaw_Throws()
    {
        var other = ScalingLawFitter.Fit(new PowerLaw("C"), Observations.FromArrays("C", [1e18, 1e19, 1e20, 1e21], [4.0, 3.1, 2.6, 2.0]));
        var boot = Bootstrap.Run(other, new BootstrapOptions { Resamples = 10, Seed = 1 });

        var act = () => FitReport.FromFit(PowerLawFit(), boot);

        act.Should().Throw<ArgumentException>().WithParameterName("bootstrap");
    }

    [Fact]
    public void Parameter_UnknownName_ThrowsListingNames()
    {
        var act = () => FitReport.FromFit(PowerLawFit()).Parameter("gamma");

        act.Should().Throw<ArgumentException>().WithMessage("*gamma*E, A, alpha*");
    }
}
