namespace ScalingLaws.Tests.Schedules;

public class ScheduleAreasTests
{
    // The direct definition sums the same terms in the same order, so only the momentum recursion's rounding differs.
    private const double RelativeTolerance = 1e-12;

    [Theory]
    [InlineData(0.999)]
    [InlineData(0.9)]
    [InlineData(0.0)]
    public void Compute_WarmupIncluded_MatchesDirectDefinition(double momentum)
    {
        var schedule = LearningRateSchedule.WarmupStableDecay(400, 1e-3, 250, 1e-4, DecayShape.Cosine, Warmup.Linear(50));

        var areas = ScheduleAreas.Compute(schedule, AnnealingAreaOptions.Default with { Momentum = momentum });

        // S1(s) = Σ_{i≤s} η_i; m_i = Σ_{j=1..i} λ^(i−j)·(η_{j−1} − η_j); S2(s) = Σ_{i≤s} m_i.
        var eta = schedule.Rates;
        for (var s = 0; s < schedule.StepCount; s += 7)
        {
            double s1 = 0, s2 = 0;
            for (var i = 0; i <= s; i++)
            {
                s1 += eta[i];
                double m = 0;
                for (var j = 1; j <= i; j++)
                {
                    m += Math.Pow(momentum, i - j) * (eta[j - 1] - eta[j]);
                }

                s2 += m;
            }

            areas.ForwardArea[s].Should().BeApproximately(s1, RelativeTolerance * s1);
            areas.AnnealingArea[s].Should().BeApproximately(s2, 1e-15 + (RelativeTolerance * Math.Abs(s2)));
        }
    }

    [Fact]
    public void Compute_ZeroMomentum_AnnealingAreaIsTotalDrop()
    {
        // With λ = 0, m_i = η_{i−1} − η_i and S2(s) telescopes to η_0 − η_s.
        var schedule = LearningRateSchedule.LinearDecay(100, 1.0, 0.0);

        var areas = ScheduleAreas.Compute(schedule, new AnnealingAreaOptions { Momentum = 0.0 });

        areas.AnnealingArea[99].Should().BeApproximately(1.0 - schedule[99], 1e-14);
    }

    [Fact]
    public void Compute_WarmupIncluded_AnnealingAreaNegativeAfterWarmup()
    {
        var schedule = LearningRateSchedule.Constant(200, 1.0, Warmup.Linear(100));

        var areas = ScheduleAreas.Compute(schedule);

        areas.AnnealingArea[99].Should().BeNegative();
        areas.AnnealingArea[199].Should().BeNegative();
        areas.ForwardArea[199].Should().BeApproximately(50.0 + 100.0, 1e-12);
    }

    [Fact]
    public void Compute_WarmupExcludedFromAnnealingArea_AnnealingAreaZeroUntilDecay()
    {
        var schedule = LearningRateSchedule.WarmupStableDecay(300, 1.0, 200, 0.1, DecayShape.Linear, Warmup.Linear(100));

        var areas = ScheduleAreas.Compute(schedule, new AnnealingAreaOptions { WarmupAccounting = WarmupAccounting.ExcludeFromAnnealingArea });

        areas.AnnealingArea.Take(201).Should().OnlyContain(v => v == 0.0);
        areas.AnnealingArea[299].Should().BePositive();
        areas.ForwardArea[99].Should().BeApproximately(50.0, 1e-12);
    }

    [Fact]
    public void Compute_WarmupExcluded_ForwardAreaStartsAtEndOfWarmup()
    {
        var schedule = LearningRateSchedule.Constant(200, 1.0, Warmup.Linear(100));

        var areas = ScheduleAreas.Compute(schedule, new AnnealingAreaOptions { WarmupAccounting = WarmupAccounting.Exclude });

        areas.ForwardArea[99].Should().Be(0.0);
        areas.ForwardArea[100].Should().Be(1.0);
        areas.ForwardArea[199].Should().Be(100.0);
        areas.AnnealingArea.Should().OnlyContain(v => v == 0.0);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void Compute_MomentumOutsideRange_Throws(double momentum)
    {
        var act = () => ScheduleAreas.Compute(LearningRateSchedule.Constant(5, 1.0), new AnnealingAreaOptions { Momentum = momentum });

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("options").WithMessage("*Momentum*[0, 1)*");
    }

    [Fact]
    public void Compute_UnknownWarmupAccounting_Throws()
    {
        var act = () => ScheduleAreas.Compute(LearningRateSchedule.Constant(5, 1.0), new AnnealingAreaOptions { WarmupAccounting = (WarmupAccounting)9 });

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("options");
    }
}
