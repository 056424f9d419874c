using System.Globalization;

namespace ScalingLaws;

/// <summary>How the solver ended for the best start.</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class FitDiagnostics
{
    internal FitDiagnostics(FitStatus status, int iterations, int evaluations, double gradientNorm, string message)
    {
        Status = status;
        Iterations = iterations;
        Evaluations = evaluations;
        GradientNorm = gradientNorm;
        Message = message;
    }

    /// <summary>Gets how the fit ended.</summary>
    public FitStatus Status { get; }

    /// <summary>Gets the number of solver iterations (accepted or rejected steps) of the best start.</summary>
    public int Iterations { get; }

    /// <summary>Gets the number of objective evaluations of the best start.</summary>
    public int Evaluations { get; }

    /// <summary>Gets the largest scaled gradient component at the solution (MINPACK's gtol measure).</summary>
    public double GradientNorm { get; }

    /// <summary>Gets the reason the solver stopped, in words.</summary>
    public string Message { get; }

    /// <summary>Returns the status, counts and message.</summary>
    /// <returns>A one-line summary.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Status} after {Iterations} iterations, {Evaluations} evaluations (scaled gradient {GradientNorm:G3}): {Message}");
}
