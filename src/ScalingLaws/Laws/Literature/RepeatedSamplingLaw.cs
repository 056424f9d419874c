using ScalingLaws.Internal;

namespace ScalingLaws;

/// <summary>
/// The repeated-sampling coverage law of Brown et al. (2024): <c>c(k) = exp(a·k^b)</c>, the fraction of problems solved by
/// at least one of k samples; log coverage is a power law in k. Fit it on log coverage
/// (<see cref="ResidualSpace.Log"/>), as the authors do.
/// </summary>
/// <remarks>
/// <para>Parameters, in order: <c>a</c> (log coverage at k = 1, ≤ 0), <c>b</c> (exponent, ≤ 0, so coverage rises towards 1).
/// Input: <c>k</c> (number of samples, positive). Target: coverage in (0, 1].</para>
/// <para>With <see cref="ResidualSpace.Log"/> the residuals are <c>log c_i − a·k_i^b</c>, exactly the paper's fit of
/// <c>log c = a·k^b</c>.</para>
/// <para>Reference: B. Brown et al., "Large Language Monkeys: Scaling Inference Compute with Repeated Sampling",
/// arXiv:2407.21787 (2024).</para>
/// <para>Default starts: the least-squares line through <c>(log k, log(−log c))</c> for targets strictly between 0 and 1,
/// plus a grid over b with a solved by least squares on log coverage.</para>
/// </remarks>
public sealed class RepeatedSamplingLaw : ScalingLaw
{
    private static readonly double[] ExponentGrid = LiteratureMath.Linear(-1.5, -0.02, 30);

    /// <summary>Creates the law with input name <c>k</c>.</summary>
    public RepeatedSamplingLaw()
        : base("repeated-sampling", "c(k) = exp(a*k^b)",
            [
                new LawParameter("a", "log coverage with one sample", ParameterScale.Linear, double.NegativeInfinity, 0.0),
                new LawParameter("b", "exponent of log coverage in the number of samples", ParameterScale.Linear, double.NegativeInfinity, 0.0),
            ],
            [new LawInput("k", "number of samples per problem")])
    {
    }

    /// <inheritdoc/>
    public override void Evaluate(ReadOnlySpan<double> parameters, LawInputs inputs, Span<double> values, Span<double> jacobian)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var a = parameters[0];
        var b = parameters[1];
        var logK = inputs.LogColumn(0);
        var withJacobian = !jacobian.IsEmpty;
        for (var i = 0; i < logK.Length; i++)
        {
            var power = Math.Exp(b * logK[i]);
            var coverage = Math.Exp(a * power);
            values[i] = coverage;
            if (withJacobian)
            {
                jacobian[2 * i] = coverage * power;
                jacobian[(2 * i) + 1] = coverage * a * power * logK[i];
            }
        }
    }

    /// <inheritdoc/>
    public override IReadOnlyList<double[]> GetDefaultStarts(LawInputs inputs, ReadOnlySpan<double> target)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var logK = inputs.LogColumn(0);
        var n = target.Length;
        var collector = new StartCollector(4);
        var starts = new List<double[]>();

        // Line through (log k, log(−log c)) on the points with 0 < c < 1.
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        var m = 0;
        var logCoverage = new double[n];
        var usable = true;
        for (var i = 0; i < n; i++)
        {
            usable &= target[i] > 0.0;
            logCoverage[i] = target[i] > 0.0 ? Math.Log(target[i]) : double.NaN;
            if (target[i] > 0.0 && target[i] < 1.0)
            {
                var ly = Math.Log(-logCoverage[i]);
                sx += logK[i];
                sy += ly;
                sxx += logK[i] * logK[i];
                sxy += logK[i] * ly;
                m++;
            }
        }

        var denominator = (m * sxx) - (sx * sx);
        if (m >= 2 && Math.Abs(denominator) > 0.0)
        {
            var slope = Math.Min(((m * sxy) - (sx * sy)) / denominator, 0.0);
            var intercept = (sy - (slope * sx)) / m;
            starts.Add([-Math.Exp(intercept), slope]);
        }

        // Grid over b with a from least squares on log coverage: a = Σ k^b·log c / Σ k^(2b), clipped to ≤ 0.
        if (usable)
        {
            foreach (var b in ExponentGrid)
            {
                double num = 0, den = 0;
                for (var i = 0; i < n; i++)
                {
                    var power = Math.Exp(b * logK[i]);
                    num += power * logCoverage[i];
                    den += power * power;
                }

                var a = Math.Min(num / den, 0.0);
                var sse = 0.0;
                for (var i = 0; i < n; i++)
                {
                    var r = logCoverage[i] - (a * Math.Exp(b * logK[i]));
                    sse += r * r;
                }

                collector.Offer(sse, [a, b]);
            }
        }

        starts.AddRange(collector.ToList());
        if (starts.Count == 0)
        {
            starts.Add([-1.0, -0.5]);
        }

        return starts;
    }
}
