using System.Globalization;

namespace ScalingLaws;

/// <summary>The loss applied to each (weighted) residual; the objective is its <b>sum</b> over observations.</summary>
/// <remarks>
/// The sum, not the mean, is minimised: averaging makes solvers whose tolerances are absolute stop early on the tiny objectives
/// that Huber fits on log residuals produce (about 1e-3 on Epoch's Chinchilla data).
/// With weights <c>w_i</c> the residual is scaled first: the objective is <c>Σ ρ(√w_i · r_i)</c>.
/// </remarks>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class LossFunction : IEquatable<LossFunction>
{
    private LossFunction(LossKind kind, double delta)
    {
        Kind = kind;
        Delta = delta;
    }

    /// <summary>Gets plain least squares; the objective is the (weighted) residual sum of squares.</summary>
    public static LossFunction LeastSquares { get; } = new(LossKind.LeastSquares, double.PositiveInfinity);

    /// <summary>Gets the kind of loss.</summary>
    public LossKind Kind { get; }

    /// <summary>Gets the Huber threshold δ (<see cref="double.PositiveInfinity"/> for least squares).</summary>
    public double Delta { get; }

    /// <summary>Creates the Huber loss with threshold δ.</summary>
    /// <param name="delta">The threshold between the quadratic and the linear part, in residual units; positive and finite.
    /// Hoffmann et al. and Epoch AI use 1e-3 on log residuals.</param>
    /// <returns>The loss.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delta"/> is not positive and finite.</exception>
    public static LossFunction Huber(double delta)
    {
        if (!(delta > 0.0 && double.IsFinite(delta)))
        {
            throw new ArgumentOutOfRangeException(nameof(delta), delta, "The Huber threshold must be positive and finite.");
        }

        return new LossFunction(LossKind.Huber, delta);
    }

    /// <summary>Evaluates ρ for one scaled residual.</summary>
    /// <param name="residual">The residual (already multiplied by √weight).</param>
    /// <returns>The loss contribution.</returns>
    public double Evaluate(double residual)
    {
        if (Kind == LossKind.LeastSquares)
        {
            return residual * residual;
        }

        var a = Math.Abs(residual);
        return a <= Delta ? 0.5 * residual * residual : Delta * (a - (0.5 * Delta));
    }

    /// <summary>Parses <c>least-squares</c>, <c>lsq</c>, <c>huber</c> (δ = 1e-3) or <c>huber:δ</c>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The loss.</returns>
    /// <exception cref="FormatException">The text is not one of the forms above.</exception>
    public static LossFunction Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim().ToUpperInvariant();
        if (t is "LEAST-SQUARES" or "LSQ" or "LS" or "L2")
        {
            return LeastSquares;
        }

        if (t == "HUBER")
        {
            return Huber(1e-3);
        }

        if (t.StartsWith("HUBER:", StringComparison.Ordinal)
            && double.TryParse(t.AsSpan(6), NumberStyles.Float, CultureInfo.InvariantCulture, out var delta)
            && delta > 0.0 && double.IsFinite(delta))
        {
            return Huber(delta);
        }

        throw new FormatException($"'{text}' is not a loss: use least-squares, huber or huber:<delta> (for example huber:1e-3).");
    }

    /// <inheritdoc/>
    public bool Equals(LossFunction? other) => other is not null && Kind == other.Kind && Delta.Equals(other.Delta);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as LossFunction);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, Delta);

    /// <summary>Returns <c>least-squares</c> or <c>huber:δ</c>.</summary>
    /// <returns>The text form, parseable by <see cref="Parse"/>.</returns>
    public override string ToString() => Kind == LossKind.LeastSquares
        ? "least-squares"
        : string.Create(CultureInfo.InvariantCulture, $"huber:{Delta:R}");
}
