namespace ScalingLaws.Tests.Certified;

// NIST StRD nonlinear regression dataset DanWood (Lower difficulty), public-domain U.S. government data:
// https://www.itl.nist.gov/div898/strd/nls/data/danwood.shtml
// Transcribed from: R nlsr .prb copy of DanWood.dat.
// Checked offline with 50-digit arithmetic: the data reproduce the certified residual sum of squares, a Gauss-Newton step
// from the certified values moves no parameter beyond its 10th significant digit, and s^2 (J'J)^-1 at the certified values
// reproduces every certified standard deviation to at least 9 significant digits.
internal static partial class NistDatasets
{
    public static NistDataset DanWood { get; } = new()
    {
        Name = "DanWood",
        Difficulty = "Lower",
        Formula = "y = b1*x**b2",
        InputNames = ["x"],
        Start1 = [1.0, 5.0],
        Start2 = [0.7, 4.0],
        CertifiedValues = [7.6886226176E-01, 3.8604055871E+00],
        CertifiedStandardDeviations = [1.8281973860E-02, 5.1726610913E-02],
        CertifiedResidualSumOfSquares = 4.3173084083E-03,
        LogResponse = false,
        Value = static (p, x) => p[0] * Math.Pow(x[0], p[1]),
        Gradient = static (p, x, g) =>
        {
            var power = Math.Pow(x[0], p[1]);
            g[0] = power;
            g[1] = p[0] * power * Math.Log(x[0]);
        },
        Response =
        [
            2.138E0, 3.421E0, 3.597E0, 4.340E0, 4.882E0, 5.660E0,
        ],
        Inputs =
        [
            [
                1.309E0, 1.471E0, 1.490E0, 1.565E0, 1.611E0, 1.680E0,
            ],
        ],
    };
}
