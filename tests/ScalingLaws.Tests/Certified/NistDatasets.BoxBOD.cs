namespace ScalingLaws.Tests.Certified;

// NIST StRD nonlinear regression dataset BoxBOD (Higher difficulty), public-domain U.S. government data:
// https://www.itl.nist.gov/div898/strd/nls/data/boxbod.shtml
// Transcribed from: Python module copy of BoxBOD.dat (spectrafit); certified values also in AutoIt NIST example (rounded).
// Checked offline with 50-digit arithmetic: the data reproduce the certified residual sum of squares, a Gauss-Newton step
// from the certified values moves no parameter beyond its 10th significant digit, and s^2 (J'J)^-1 at the certified values
// reproduces every certified standard deviation to at least 9 significant digits.
internal static partial class NistDatasets
{
    public static NistDataset BoxBOD { get; } = new()
    {
        Name = "BoxBOD",
        Difficulty = "Higher",
        Formula = "y = b1*(1-exp[-b2*x])",
        InputNames = ["x"],
        Start1 = [1.0, 1.0],
        Start2 = [100.0, 0.75],
        CertifiedValues = [2.1380940889E+02, 5.4723748542E-01],
        CertifiedStandardDeviations = [1.2354515176E+01, 1.0455993237E-01],
        CertifiedResidualSumOfSquares = 1.1680088766E+03,
        LogResponse = false,
        Value = static (p, x) => p[0] * (1.0 - Math.Exp(-p[1] * x[0])),
        Gradient = static (p, x, g) =>
        {
            var e = Math.Exp(-p[1] * x[0]);
            g[0] = 1.0 - e;
            g[1] = p[0] * x[0] * e;
        },
        Response =
        [
            109E0, 149E0, 149E0, 191E0, 213E0, 224E0,
        ],
        Inputs =
        [
            [
                1E0, 2E0, 3E0, 5E0, 7E0, 10E0,
            ],
        ],
    };
}
