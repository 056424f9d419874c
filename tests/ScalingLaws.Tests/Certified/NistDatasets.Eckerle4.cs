namespace ScalingLaws.Tests.Certified;

// NIST StRD nonlinear regression dataset Eckerle4 (Higher difficulty), public-domain U.S. government data:
// https://www.itl.nist.gov/div898/strd/nls/data/eckerle4.shtml
// Transcribed from: Python module copy of Eckerle4.dat (spectrafit); certified values also in AutoIt NIST example.
// Checked offline with 50-digit arithmetic: the data reproduce the certified residual sum of squares, a Gauss-Newton step
// from the certified values moves no parameter beyond its 10th significant digit, and s^2 (J'J)^-1 at the certified values
// reproduces every certified standard deviation to at least 9 significant digits.
internal static partial class NistDatasets
{
    public static NistDataset Eckerle4 { get; } = new()
    {
        Name = "Eckerle4",
        Difficulty = "Higher",
        Formula = "y = (b1/b2) * exp[-0.5*((x-b3)/b2)**2]",
        InputNames = ["x"],
        Start1 = [1.0, 10.0, 500.0],
        Start2 = [1.5, 5.0, 450.0],
        CertifiedValues = [1.5543827178E+00, 4.0888321754E+00, 4.5154121844E+02],
        CertifiedStandardDeviations = [1.5408051163E-02, 4.6803020753E-02, 4.6800518816E-02],
        CertifiedResidualSumOfSquares = 1.4635887487E-03,
        LogResponse = false,
        Value = static (p, x) => p[0] / p[1] * Math.Exp(-0.5 * Square((x[0] - p[2]) / p[1])),
        Gradient = static (p, x, g) =>
        {
            var z = (x[0] - p[2]) / p[1];
            var e = Math.Exp(-0.5 * z * z);
            g[0] = e / p[1];
            g[1] = p[0] * e * ((z * z) - 1.0) / (p[1] * p[1]);
            g[2] = p[0] * e * z / (p[1] * p[1]);
        },
        Response =
        [
            0.0001575, 0.0001699, 0.000235, 0.0003102, 0.0004917, 0.000871, 0.0017418, 0.00464,
            0.0065895, 0.0097302, 0.0149002, 0.023731, 0.0401683, 0.0712559, 0.1264458, 0.2073413,
            0.2902366, 0.3445623, 0.3698049, 0.3668534, 0.3106727, 0.2078154, 0.1164354, 0.0616764,
            0.03372, 0.0194023, 0.0117831, 0.0074357, 0.0022732, 0.00088, 0.0004579, 0.0002345,
            0.0001586, 0.0001143, 0.000071,
        ],
        Inputs =
        [
            [
                400.0, 405.0, 410.0, 415.0, 420.0, 425.0, 430.0, 435.0,
                436.5, 438.0, 439.5, 441.0, 442.5, 444.0, 445.5, 447.0,
                448.5, 450.0, 451.5, 453.0, 454.5, 456.0, 457.5, 459.0,
                460.5, 462.0, 463.5, 465.0, 470.0, 475.0, 480.0, 485.0,
                490.0, 495.0, 500.0,
            ],
        ],
    };
}
