namespace ScalingLaws.Tests.Laws.Literature;

public sealed class KaplanParameterStepsLawTests : LiteratureLawTestBase
{
    protected override ScalingLaw CreateLaw() => new KaplanParameterStepsLaw();

    // Near Kaplan et al.'s Table 5 (Nc 8.8e13, alphaN 0.076, Sc 2.1e3, alphaS 0.76).
    protected override double[] TrueParameters => [8e13, 0.08, 2e3, 0.7];

    protected override double[][] Design() => Grid(LogSpace(1e6, 1e9, 7), LogSpace(1e3, 1e5, 7));
}
