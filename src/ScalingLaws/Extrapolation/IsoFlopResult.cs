using System.Globalization;
using System.Text;

namespace ScalingLaws;

/// <summary>
/// The result of an IsoFLOP analysis (Hoffmann et al. 2022, Approach 2): the minimum of every IsoFLOP curve, the power laws
/// <c>N* = k·C^a</c> and <c>D* = k'·C^b</c> fitted through them, and the loss frontier <c>L*(C) = E + A·C^(−alpha)</c>.
/// </summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class IsoFlopResult
{
    private readonly IsoFlopMinimum[] _minima;
    private readonly bool[] _used;
    private readonly string[] _warnings;

    internal IsoFlopResult(IsoFlopMinimum[] minima, bool[] used, LogLogRegression parameterCountFit, LogLogRegression tokenCountFit,
        FitResult? lossFrontier, IsoFlopOptions options, string[] warnings)
    {
        _minima = minima;
        _used = used;
        ParameterCountFit = parameterCountFit;
        TokenCountFit = tokenCountFit;
        LossFrontier = lossFrontier;
        Options = options;
        _warnings = warnings;
    }

    /// <summary>Gets the minimum of every compute budget, in increasing order of compute.</summary>
    public IReadOnlyList<IsoFlopMinimum> Minima => _minima;

    /// <summary>Gets, for every entry of <see cref="Minima"/>, whether it entered the regressions.</summary>
    public IReadOnlyList<bool> IsUsed => _used;

    /// <summary>Gets the regression <c>N* = coefficient·C^a</c>; <see cref="LogLogRegression.Exponent"/> is a.</summary>
    public LogLogRegression ParameterCountFit { get; }

    /// <summary>Gets the regression <c>D* = coefficient·C^b</c>; <see cref="LogLogRegression.Exponent"/> is b.</summary>
    public LogLogRegression TokenCountFit { get; }

    /// <summary>Gets the fit of <c>L*(C) = E + A·C^(−alpha)</c> (a <see cref="SaturatingPowerLaw"/> with input <c>C</c>) to the
    /// minima, or <see langword="null"/> when it was not requested or there were fewer than 4 budgets.</summary>
    public FitResult? LossFrontier { get; }

    /// <summary>Gets the options of the analysis.</summary>
    public IsoFlopOptions Options { get; }

    /// <summary>Gets warnings (budgets left out and why).</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>Returns the minima and the fitted laws in the invariant culture.</summary>
    /// <returns>A multi-line summary.</returns>
    public override string ToString()
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(ci, $"IsoFLOP analysis: {_minima.Length} budgets, {_used.Count(u => u)} used").AppendLine();
        for (var i = 0; i < _minima.Length; i++)
        {
            sb.Append(ci, $"  {(_used[i] ? ' ' : '-')} {_minima[i]}").AppendLine();
        }

        sb.Append(ci, $"  N* = {ParameterCountFit}").AppendLine();
        sb.Append(ci, $"  D* = {TokenCountFit}").AppendLine();
        if (LossFrontier is { } frontier)
        {
            sb.Append(ci, $"  L*(C) = {frontier["E"]:G6} + {frontier["A"]:G6}·C^(−{frontier["alpha"]:G6}) (objective {frontier.Objective:G6})").AppendLine();
        }

        foreach (var w in _warnings)
        {
            sb.Append(ci, $"  warning: {w}").AppendLine();
        }

        return sb.ToString().TrimEnd();
    }
}
