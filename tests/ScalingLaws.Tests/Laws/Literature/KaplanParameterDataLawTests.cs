namespace ScalingLaws.Tests.Laws.Literature;

public sealed class KaplanParameterDataLawTests : LiteratureLawTestBase
{
    protected override ScalingLaw CreateLaw() => new KaplanParameterDataLaw();

    // Near Kaplan et al.'s Table 2 joint fit (Nc 6.4e13, alphaN 0.076, Dc 1.8e13, alphaD 0.103), rounded differently.
    protected override double[] TrueParameters => [5e13, 0.08, 2e13, 0.1];

    protected override double[][] Design() => Grid(LogSpace(1e6, 1e9, 7), LogSpace(2e7, 2e10, 7));
}
