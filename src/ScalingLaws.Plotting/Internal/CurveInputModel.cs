namespace ScalingLaws.Plotting.Internal;

/// <summary>
/// Maps a point on the x axis and a group value to values of every input of a multi-input law, so the fitted law can be
/// drawn as a curve for each group.
/// </summary>
/// <remarks>
/// Every law input other than the x input is modelled across all rows as <c>t(input) = a + b·s(x) + c·s(g)</c> by least
/// squares, where <c>t</c> and <c>s</c> are log10 for positive columns and the identity otherwise, and <c>g</c> is the
/// grouping column. The model is exact for the usual constructions: for <c>D = C/(6N)</c> grouped by compute C,
/// <c>log D = −log 6 + log C − log N</c>; when the group column is itself a law input the model is the identity.
/// </remarks>
internal sealed class CurveInputModel
{
    private readonly int _xIndex;
    private readonly int _inputCount;
    private readonly int?[] _groupIsInput;
    private readonly double[][] _coefficients;
    private readonly bool[] _logInput;
    private readonly bool _logX;
    private readonly bool _logGroup;
    private readonly Func<double, double, double[]>? _custom;

    private CurveInputModel(int xIndex, int inputCount, int?[] groupIsInput, double[][] coefficients, bool[] logInput, bool logX,
        bool logGroup, Func<double, double, double[]>? custom)
    {
        _xIndex = xIndex;
        _inputCount = inputCount;
        _groupIsInput = groupIsInput;
        _coefficients = coefficients;
        _logInput = logInput;
        _logX = logX;
        _logGroup = logGroup;
        _custom = custom;
    }

    /// <summary>Gets the largest residual standard deviation of the regression models (0 when exact).</summary>
    public double MaxResidualStandardDeviation { get; private init; }

    public static CurveInputModel Create(ScalingLaw law, Observations data, int xIndex, IReadOnlyList<double>? group,
        Func<double, double, double[]>? custom)
    {
        var p = law.Inputs.Count;
        var x = data.Column(law.Inputs[xIndex].Name);
        var logX = x.All(v => v > 0.0);
        var logGroup = group is not null && group.All(v => v > 0.0);
        var coefficients = new double[p][];
        var logInput = new bool[p];
        var groupIsInput = new int?[p];
        var worst = 0.0;
        for (var k = 0; k < p; k++)
        {
            if (k == xIndex)
            {
                continue;
            }

            var column = data.Column(law.Inputs[k].Name);
            logInput[k] = column.All(v => v > 0.0);
            if (group is not null && column.SequenceEqual(group))
            {
                groupIsInput[k] = k;
                continue;
            }

            var n = column.Count;
            var design = new double[n][];
            var target = new double[n];
            for (var i = 0; i < n; i++)
            {
                var g = group is null ? 0.0 : Transform(group[i], logGroup);
                design[i] = [1.0, Transform(x[i], logX), g];
                target[i] = Transform(column[i], logInput[k]);
            }

            var (beta, residualSd) = LeastSquares(design, target, group is null ? 2 : 3);
            coefficients[k] = beta;
            worst = Math.Max(worst, residualSd);
        }

        return new CurveInputModel(xIndex, p, groupIsInput, coefficients, logInput, logX, logGroup, custom)
        {
            MaxResidualStandardDeviation = custom is null ? worst : 0.0,
        };
    }

    /// <summary>Returns one value per law input at the given x and group value.</summary>
    public double[] Map(double x, double groupValue)
    {
        if (_custom is not null)
        {
            var values = _custom(x, groupValue);
            if (values is null || values.Length != _inputCount)
            {
                throw new ArgumentException(Look.Invariant(
                    $"FitPlotOptions.CurveInputs must return {_inputCount} values (one per law input), not {values?.Length ?? 0}."), "options");
            }

            return values;
        }

        var result = new double[_inputCount];
        for (var k = 0; k < _inputCount; k++)
        {
            if (k == _xIndex)
            {
                result[k] = x;
            }
            else if (_groupIsInput[k] is not null)
            {
                result[k] = groupValue;
            }
            else
            {
                var c = _coefficients[k];
                var t = c[0] + (c[1] * Transform(x, _logX)) + (c.Length > 2 ? c[2] * Transform(groupValue, _logGroup) : 0.0);
                result[k] = _logInput[k] ? Math.Pow(10.0, t) : t;
            }
        }

        return result;
    }

    private static double Transform(double value, bool log) => log ? Math.Log10(value) : value;

    private static (double[] Beta, double ResidualSd) LeastSquares(double[][] design, double[] target, int columns)
    {
        // Centred normal equations for the slopes (column 0 is the intercept), with a tiny ridge so a constant column (for
        // example a single group) does not make them singular; the intercept follows from the means.
        var n = target.Length;
        var slopes = columns - 1;
        var means = new double[columns];
        var targetMean = target.Average();
        for (var c = 1; c < columns; c++)
        {
            means[c] = design.Average(row => row[c]);
        }

        var a = new double[slopes, slopes];
        var b = new double[slopes];
        for (var i = 0; i < n; i++)
        {
            var t = target[i] - targetMean;
            for (var r = 0; r < slopes; r++)
            {
                var xr = design[i][r + 1] - means[r + 1];
                b[r] += xr * t;
                for (var c = 0; c < slopes; c++)
                {
                    a[r, c] += xr * (design[i][c + 1] - means[c + 1]);
                }
            }
        }

        var scale = 0.0;
        for (var r = 0; r < slopes; r++)
        {
            scale = Math.Max(scale, a[r, r]);
        }

        for (var r = 0; r < slopes; r++)
        {
            a[r, r] += 1e-13 * Math.Max(scale, 1.0);
        }

        var solved = Solve(a, b);
        var beta = new double[columns];
        beta[0] = targetMean;
        for (var c = 1; c < columns; c++)
        {
            beta[c] = solved[c - 1];
            beta[0] -= beta[c] * means[c];
        }

        var rss = 0.0;
        for (var i = 0; i < n; i++)
        {
            var fitted = 0.0;
            for (var c = 0; c < columns; c++)
            {
                fitted += beta[c] * design[i][c];
            }

            rss += (target[i] - fitted) * (target[i] - fitted);
        }

        return (beta, Math.Sqrt(rss / Math.Max(1, n - columns)));
    }

    private static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = (double[,])a.Clone();
        var x = (double[])b.Clone();
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++)
            {
                if (Math.Abs(m[r, col]) > Math.Abs(m[pivot, col]))
                {
                    pivot = r;
                }
            }

            for (var c = 0; c < n; c++)
            {
                (m[col, c], m[pivot, c]) = (m[pivot, c], m[col, c]);
            }

            (x[col], x[pivot]) = (x[pivot], x[col]);
            var d = m[col, col];
            if (d == 0.0)
            {
                continue;
            }

            for (var r = col + 1; r < n; r++)
            {
                var f = m[r, col] / d;
                for (var c = col; c < n; c++)
                {
                    m[r, c] -= f * m[col, c];
                }

                x[r] -= f * x[col];
            }
        }

        var result = new double[n];
        for (var r = n - 1; r >= 0; r--)
        {
            var s = x[r];
            for (var c = r + 1; c < n; c++)
            {
                s -= m[r, c] * result[c];
            }

            result[r] = m[r, r] == 0.0 ? 0.0 : s / m[r, r];
        }

        return result;
    }
}
