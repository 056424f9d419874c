namespace ScalingLaws.Tests.Laws.Literature;

public sealed class NmtEncoderDecoderLawTests : LiteratureLawTestBase
{
    protected override ScalingLaw CreateLaw() => new NmtEncoderDecoderLaw();

    // alpha, pe, pd, Linf: decoder exponent larger than the encoder's, as Ghorbani et al. report.
    protected override double[] TrueParameters => [0.8, 0.2, 0.35, 1.5];

    protected override double[][] Design() => Grid(LogSpace(2e7, 2e9, 6), LogSpace(2e7, 2e9, 6));

    [Fact]
    public void Constructor_NonPositiveReference_Throws()
    {
        var act = () => new NmtEncoderDecoderLaw(0.0, 1e8);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("encoderReferenceParameters");
    }

    [Fact]
    public void Evaluate_AtReferenceSizes_EqualsAlphaPlusLinf()
    {
        var law = new NmtEncoderDecoderLaw(3e8, 5e8);
        law.Evaluate([0.8, 0.2, 0.35, 1.5], [3e8, 5e8]).Should().BeApproximately(2.3, 1e-14);
    }
}
