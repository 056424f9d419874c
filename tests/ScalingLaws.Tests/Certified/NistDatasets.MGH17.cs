namespace ScalingLaws.Tests.Certified;

// NIST StRD nonlinear regression dataset MGH17 (Average difficulty), public-domain U.S. government data:
// https://www.itl.nist.gov/div898/strd/nls/data/mgh17.shtml
// Transcribed from: Python module copy of MGH17.dat (spectrafit); data also in JuliaSmoothOptimizers OptimizationProblems.jl mgh17.jl.
// Checked offline with 50-digit arithmetic: the data reproduce the certified residual sum of squares, a Gauss-Newton step
// from the certified values moves no parameter beyond its 10th significant digit, and s^2 (J'J)^-1 at the certified values
// reproduces every certified standard deviation to at least 9 significant digits.
internal static partial class NistDatasets
{
    public static NistDataset MGH17 { get; } = new()
    {
        Name = "MGH17",
        Difficulty = "Average",
        Formula = "y = b1 + b2*exp[-x*b4] + b3*exp[-x*b5]",
        InputNames = ["x"],
        Start1 = [50.0, 150.0, -100.0, 1.0, 2.0],
        Start2 = [0.5, 1.5, -1.0, 0.01, 0.02],
        CertifiedValues = [3.7541005211E-01, 1.9358469127E+00, -1.4646871366E+00, 1.2867534640E-02, 2.2122699662E-02],
        CertifiedStandardDeviations = [2.0723153551E-03, 2.2031669222E-01, 2.2175707739E-01, 4.4861358114E-04, 8.9471996575E-04],
        CertifiedResidualSumOfSquares = 5.4648946975E-05,
        LogResponse = false,
        Value = static (p, x) => p[0] + (p[1] * Math.Exp(-x[0] * p[3])) + (p[2] * Math.Exp(-x[0] * p[4])),
        Gradient = static (p, x, g) =>
        {
            var e4 = Math.Exp(-x[0] * p[3]);
            var e5 = Math.Exp(-x[0] * p[4]);
            g[0] = 1.0;
            g[1] = e4;
            g[2] = e5;
            g[3] = -p[1] * x[0] * e4;
            g[4] = -p[2] * x[0] * e5;
        },
        Response =
        [
            8.440000E-01, 9.080000E-01, 9.320000E-01, 9.360000E-01, 9.250000E-01, 9.080000E-01, 8.810000E-01, 8.500000E-01,
            8.180000E-01, 7.840000E-01, 7.510000E-01, 7.180000E-01, 6.850000E-01, 6.580000E-01, 6.280000E-01, 6.030000E-01,
            5.800000E-01, 5.580000E-01, 5.380000E-01, 5.220000E-01, 5.060000E-01, 4.900000E-01, 4.780000E-01, 4.670000E-01,
            4.570000E-01, 4.480000E-01, 4.380000E-01, 4.310000E-01, 4.240000E-01, 4.200000E-01, 4.140000E-01, 4.110000E-01,
            4.060000E-01,
        ],
        Inputs =
        [
            [
                0.000000E+00, 1.000000E+01, 2.000000E+01, 3.000000E+01, 4.000000E+01, 5.000000E+01, 6.000000E+01, 7.000000E+01,
                8.000000E+01, 9.000000E+01, 1.000000E+02, 1.100000E+02, 1.200000E+02, 1.300000E+02, 1.400000E+02, 1.500000E+02,
                1.600000E+02, 1.700000E+02, 1.800000E+02, 1.900000E+02, 2.000000E+02, 2.100000E+02, 2.200000E+02, 2.300000E+02,
                2.400000E+02, 2.500000E+02, 2.600000E+02, 2.700000E+02, 2.800000E+02, 2.900000E+02, 3.000000E+02, 3.100000E+02,
                3.200000E+02,
            ],
        ],
    };
}
