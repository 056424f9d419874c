namespace ScalingLaws.Tests.Reliability;

/// <summary>Bad input whose documented answer is not an <see cref="ArgumentException"/>, and bad input that exposed a bug in code
/// outside the core (skipped with the reason until its owner fixes it; the test body is the acceptance check).</summary>
public class BadInputFindingsTests
{
    [Theory]
    [InlineData("cauchy")]
    [InlineData("huber:-1")]
    [InlineData("huber:NaN")]
    [InlineData("")]
    public void LossFunctionParse_UnknownText_ThrowsDocumentedFormatExceptionQuotingIt(string text)
    {
        // LossFunction.Parse documents FormatException, following double.Parse.
        var act = () => LossFunction.Parse(text);

        act.Should().Throw<FormatException>().WithMessage($"'{text}' is not a loss*");
    }

    [Fact]
    public void Extrapolate_NullDraw_MessageNamesParameterDraws()
    {
        var fit = ReliabilityFixtures.SaturatingFit;

        var act = () => fit.Extrapolate([1e12], [fit.Parameters, null!]);

        act.Should().Throw<ArgumentException>().WithParameterName("parameterDraws").WithMessage("parameterDraws[1] is null*");
    }

    [Fact]
    public void ReadCsv_GapFilledToHugeStep_ThrowsArgumentExceptionNamingStep()
    {
        var act = () => LearningRateSchedule.ReadCsv(new StringReader("step,lr\n0,1\n2147483646,1\n"),
            ScheduleCsvOptions.Default with { Gaps = ScheduleGapFill.HoldPrevious });

        act.Should().Throw<ArgumentException>().WithParameterName("reader").WithMessage("*2147483646*");
    }
}
