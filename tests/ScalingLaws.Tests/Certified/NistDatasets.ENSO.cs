namespace ScalingLaws.Tests.Certified;

// NIST StRD nonlinear regression dataset ENSO (Average difficulty), public-domain U.S. government data:
// https://www.itl.nist.gov/div898/strd/nls/data/enso.shtml
// Transcribed from: data from GSL multifit_nlinear/test_enso.c and JuliaSmoothOptimizers enso.jl (x = 1..168); header (starts, certified values, SDs, RSS) from Stata's NIST certification copy enso.do and the pages copy of ceres-solver data/nist/ENSO.dat; GSL's x0 has b8 = +0.1 where NIST start 2 is -0.1.
// Checked offline with 50-digit arithmetic: the data reproduce the certified residual sum of squares, a Gauss-Newton step
// from the certified values moves no parameter beyond its 10th significant digit, and s^2 (J'J)^-1 at the certified values
// reproduces every certified standard deviation to at least 9 significant digits.
internal static partial class NistDatasets
{
    public static NistDataset ENSO { get; } = new()
    {
        Name = "ENSO",
        Difficulty = "Average",
        Formula = "y = b1 + b2*cos( 2*pi*x/12 ) + b3*sin( 2*pi*x/12 ) + b5*cos( 2*pi*x/b4 ) + b6*sin( 2*pi*x/b4 ) + b8*cos( 2*pi*x/b7 ) + b9*sin( 2*pi*x/b7 )",
        InputNames = ["x"],
        Start1 = [11.0, 3.0, 0.5, 40.0, -0.7, -1.3, 25.0, -0.3, 1.4],
        Start2 = [10.0, 3.0, 0.5, 44.0, -1.5, 0.5, 26.0, -0.1, 1.5],
        CertifiedValues = [1.0510749193E+01, 3.0762128085E+00, 5.3280138227E-01, 4.4311088700E+01, -1.6231428586E+00, 5.2554493756E-01, 2.6887614440E+01, 2.1232288488E-01, 1.4966870418E+00],
        CertifiedStandardDeviations = [1.7488832467E-01, 2.4310052139E-01, 2.4354686618E-01, 9.4408025976E-01, 2.8078369611E-01, 4.8073701119E-01, 4.1612939130E-01, 5.1460022911E-01, 2.5434468893E-01],
        CertifiedResidualSumOfSquares = 7.8853978668E+02,
        LogResponse = false,
        Value = static (p, x) => p[0] + (p[1] * Math.Cos(2.0 * Math.PI * x[0] / 12.0)) + (p[2] * Math.Sin(2.0 * Math.PI * x[0] / 12.0)) + (p[4] * Math.Cos(2.0 * Math.PI * x[0] / p[3])) + (p[5] * Math.Sin(2.0 * Math.PI * x[0] / p[3])) + (p[7] * Math.Cos(2.0 * Math.PI * x[0] / p[6])) + (p[8] * Math.Sin(2.0 * Math.PI * x[0] / p[6])),
        Gradient = static (p, x, g) =>
        {
            var annual = 2.0 * Math.PI * x[0] / 12.0;
            var a = 2.0 * Math.PI * x[0] / p[3];
            var b = 2.0 * Math.PI * x[0] / p[6];
            g[0] = 1.0;
            g[1] = Math.Cos(annual);
            g[2] = Math.Sin(annual);
            g[3] = ((p[4] * Math.Sin(a)) - (p[5] * Math.Cos(a))) * a / p[3];
            g[4] = Math.Cos(a);
            g[5] = Math.Sin(a);
            g[6] = ((p[7] * Math.Sin(b)) - (p[8] * Math.Cos(b))) * b / p[6];
            g[7] = Math.Cos(b);
            g[8] = Math.Sin(b);
        },
        Response =
        [
            12.9, 11.3, 10.6, 11.2, 10.9, 7.5, 7.7, 11.7,
            12.9, 14.3, 10.9, 13.7, 17.1, 14.0, 15.3, 8.5,
            5.7, 5.5, 7.6, 8.6, 7.3, 7.6, 12.7, 11.0,
            12.7, 12.9, 13.0, 10.9, 10.4, 10.2, 8.0, 10.9,
            13.6, 10.5, 9.2, 12.4, 12.7, 13.3, 10.1, 7.8,
            4.8, 3.0, 2.5, 6.3, 9.7, 11.6, 8.6, 12.4,
            10.5, 13.3, 10.4, 8.1, 3.7, 10.7, 5.1, 10.4,
            10.9, 11.7, 11.4, 13.7, 14.1, 14.0, 12.5, 6.3,
            9.6, 11.7, 5.0, 10.8, 12.7, 10.8, 11.8, 12.6,
            15.7, 12.6, 14.8, 7.8, 7.1, 11.2, 8.1, 6.4,
            5.2, 12.0, 10.2, 12.7, 10.2, 14.7, 12.2, 7.1,
            5.7, 6.7, 3.9, 8.5, 8.3, 10.8, 16.7, 12.6,
            12.5, 12.5, 9.8, 7.2, 4.1, 10.6, 10.1, 10.1,
            11.9, 13.6, 16.3, 17.6, 15.5, 16.0, 15.2, 11.2,
            14.3, 14.5, 8.5, 12.0, 12.7, 11.3, 14.5, 15.1,
            10.4, 11.5, 13.4, 7.5, 0.6, 0.3, 5.5, 5.0,
            4.6, 8.2, 9.9, 9.2, 12.5, 10.9, 9.9, 8.9,
            7.6, 9.5, 8.4, 10.7, 13.6, 13.7, 13.7, 16.5,
            16.8, 17.1, 15.4, 9.5, 6.1, 10.1, 9.3, 5.3,
            11.2, 16.6, 15.6, 12.0, 11.5, 8.6, 13.8, 8.7,
            8.6, 8.6, 8.7, 12.8, 13.2, 14.0, 13.4, 14.8,
        ],
        Inputs = [OneTo(168)],
    };
}
