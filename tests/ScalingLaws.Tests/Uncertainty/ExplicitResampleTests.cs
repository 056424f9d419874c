namespace ScalingLaws.Tests.Uncertainty;

public class ExplicitResampleTests
{
    private static FitResult SaturatingFit() => ScalingLawFitter.Fit(new SaturatingPowerLaw(), UncertaintyData.Saturating(40, 0.05, 7));

    [Fact]
    public void CaseResamples_Seed42_MatchesNumPyDraws()
    {
        // np.random.seed(42); np.random.choice(240, size=240, replace=True)[:8] with NumPy's legacy RandomState (the positions
        // behind the first Epoch resample, whose row indices 107, 184, 97, 19, 111 are these plus the 5 excluded rows before them).
        int[] numpy = [102, 179, 92, 14, 106, 71, 188, 20];

        var draws = NumPyCompatibleDraws.CaseResamples(42, 240, 2);

        draws.Should().HaveCount(2);
        draws[0].Should().HaveCount(240);
        draws[0].Take(8).Should().Equal(numpy);
        draws.SelectMany(d => d).Should().OnlyContain(i => i >= 0 && i < 240);
    }

    [Fact]
    public void CaseResamples_SameSeed_SameDraws_OtherSeed_OtherDraws()
    {
        var a = NumPyCompatibleDraws.CaseResamples(7, 50, 3);
        var b = NumPyCompatibleDraws.CaseResamples(7, 50, 3);
        var c = NumPyCompatibleDraws.CaseResamples(8, 50, 3);

        a.SelectMany(d => d).Should().Equal(b.SelectMany(d => d));
        a.SelectMany(d => d).Should().NotEqual(c.SelectMany(d => d));
    }

    [Fact]
    public void CaseResamples_PowerOfTwoAndOneRow_StayInRange()
    {
        NumPyCompatibleDraws.CaseResamples(1, 256, 4).SelectMany(d => d).Should().OnlyContain(i => i >= 0 && i < 256)
            .And.Contain(255);
        NumPyCompatibleDraws.CaseResamples(1, 1, 2).SelectMany(d => d).Should().OnlyContain(i => i == 0);
    }

    [Theory]
    [InlineData(-1L, 10, 1)]
    [InlineData(4294967296L, 10, 1)]
    [InlineData(1L, 0, 1)]
    [InlineData(1L, 10, 0)]
    public void CaseResamples_OutOfRange_Throws(long seed, int rows, int resamples)
    {
        var act = () => NumPyCompatibleDraws.CaseResamples(seed, rows, resamples);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Run_ExplicitRows_EqualsRefitsOnThoseRows()
    {
        var fit = SaturatingFit();
        var rows = NumPyCompatibleDraws.CaseResamples(3, fit.Data.Count, 5);

        var boot = Bootstrap.Run(fit, new BootstrapOptions { ExplicitRows = rows, MaxDegreeOfParallelism = 1 });

        boot.TotalResamples.Should().Be(5);
        for (var b = 0; b < rows.Count; b++)
        {
            var refit = ScalingLawFitter.Fit(fit.Law, fit.Data.SelectRows([.. rows[b]]),
                fit.Options with { Starts = StartStrategy.FromPoint([.. fit.Parameters]) });
            for (var k = 0; k < fit.Parameters.Count; k++)
            {
                boot.Samples[b][k].Should().BeApproximately(refit.Parameters[k], 1e-6 * Math.Abs(refit.Parameters[k]));
            }
        }
    }

    [Fact]
    public void Run_ExplicitRows_IgnoresSeedAndResamples()
    {
        var fit = SaturatingFit();
        var rows = NumPyCompatibleDraws.CaseResamples(3, fit.Data.Count, 6);

        var a = Bootstrap.Run(fit, new BootstrapOptions { ExplicitRows = rows, Seed = 1, Resamples = 100 });
        var b = Bootstrap.Run(fit, new BootstrapOptions { ExplicitRows = rows, Seed = 2, Resamples = 50, MaxDegreeOfParallelism = 1 });

        a.TotalResamples.Should().Be(6);
        a.Samples.SelectMany(s => s).Should().Equal(b.Samples.SelectMany(s => s));
    }

    [Fact]
    public void Run_ExplicitRowOutOfRange_ThrowsNamingResampleAndPosition()
    {
        var fit = SaturatingFit();
        int[][] rows = [[.. Enumerable.Range(0, 40)], [.. Enumerable.Range(0, 39), 40]];

        var act = () => Bootstrap.Run(fit, new BootstrapOptions { ExplicitRows = rows });

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*ExplicitRows[1][39] = 40*");
    }

    [Fact]
    public void Run_ExplicitResampleWithTooFewRows_Throws()
    {
        var fit = SaturatingFit();
        int[][] rows = [[.. Enumerable.Range(0, 40)], [0, 1]];

        var act = () => Bootstrap.Run(fit, new BootstrapOptions { ExplicitRows = rows });

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*ExplicitRows[1] has 2 rows*");
    }

    [Fact]
    public void Validate_ExplicitRowsWithResidualResampling_Throws()
    {
        var options = new BootstrapOptions { ExplicitRows = [[0, 1, 2], [2, 1, 0]], Resampling = BootstrapResampling.Residuals };

        var act = options.Validate;

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*case resampling only*");
    }

    [Fact]
    public void Validate_EmptyExplicitResample_Throws()
    {
        var options = new BootstrapOptions { ExplicitRows = [[0, 1, 2], []] };

        var act = options.Validate;

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*ExplicitRows[1]*");
    }
}
