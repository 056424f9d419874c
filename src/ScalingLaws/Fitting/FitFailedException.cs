namespace ScalingLaws;

/// <summary>Thrown by <see cref="FitResult.EnsureConverged"/> when a fit did not converge; carries the result.</summary>
public sealed class FitFailedException : Exception
{
    /// <summary>Creates the exception for a result.</summary>
    /// <param name="result">The fit that did not converge.</param>
    public FitFailedException(FitResult result)
        : base($"The fit did not converge: {result?.Diagnostics}")
    {
        Result = result;
    }

    /// <summary>Creates the exception with a message (no result attached).</summary>
    public FitFailedException()
    {
    }

    /// <summary>Creates the exception with a message (no result attached).</summary>
    /// <param name="message">The message.</param>
    public FitFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception (no result attached).</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public FitFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the fit that did not converge, when there is one.</summary>
    public FitResult? Result { get; }
}
