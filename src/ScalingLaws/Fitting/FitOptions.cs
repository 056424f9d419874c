using System.Globalization;

namespace ScalingLaws;

/// <summary>Options for <see cref="ScalingLawFitter"/>. Start from <see cref="Default"/> and change what you need with <c>with</c>.</summary>
/// <example><code>
/// var options = FitOptions.Default with { Loss = LossFunction.Huber(1e-3), ResidualSpace = ResidualSpace.Log };
/// </code></example>
public sealed record FitOptions
{
    /// <summary>The default iteration limit per start.</summary>
    public const int DefaultMaxIterations = 1000;

    /// <summary>The default relative objective tolerance.</summary>
    public const double DefaultFunctionTolerance = 1e-15;

    /// <summary>The default relative step tolerance.</summary>
    public const double DefaultParameterTolerance = 1e-10;

    /// <summary>The default scaled-gradient tolerance.</summary>
    public const double DefaultGradientTolerance = 1e-10;

    /// <summary>Gets the default options: least squares on linear residuals, default starts.</summary>
    public static FitOptions Default { get; } = new();

    /// <summary>Gets the loss applied to each residual.</summary>
    /// <value>The default value is <see cref="LossFunction.LeastSquares"/>.</value>
    public LossFunction Loss { get; init; } = LossFunction.LeastSquares;

    /// <summary>Gets where residuals are measured.</summary>
    /// <value>The default value is <see cref="ScalingLaws.ResidualSpace.Linear"/>.</value>
    public ResidualSpace ResidualSpace { get; init; } = ResidualSpace.Linear;

    /// <summary>Gets the iteration limit per start. A fit that reaches it reports <see cref="FitStatus.MaxIterationsReached"/>.</summary>
    /// <value>The default value is 1000.</value>
    public int MaxIterations { get; init; } = DefaultMaxIterations;

    /// <summary>Gets the relative objective tolerance: the solver stops when both the actual and the predicted relative
    /// reduction of the objective fall below it. Relative to the objective itself, so tiny objectives do not stop early.</summary>
    /// <value>The default value is 1e-15.</value>
    public double FunctionTolerance { get; init; } = DefaultFunctionTolerance;

    /// <summary>Gets the relative step tolerance on the scaled parameters.</summary>
    /// <value>The default value is 1e-10.</value>
    public double ParameterTolerance { get; init; } = DefaultParameterTolerance;

    /// <summary>Gets the tolerance on the scaled gradient (the cosine between residuals and Jacobian columns, MINPACK's gtol).</summary>
    /// <value>The default value is 1e-10.</value>
    public double GradientTolerance { get; init; } = DefaultGradientTolerance;

    /// <summary>Gets bounds that replace the law's defaults, by parameter name. Either side may be infinite.</summary>
    /// <value>The default value is <see langword="null"/> (the law's defaults).</value>
    public IReadOnlyDictionary<string, ParameterBounds>? Bounds { get; init; }

    /// <summary>Gets parameters held fixed at the given natural values, by name.</summary>
    /// <value>The default value is <see langword="null"/> (all parameters free).</value>
    public IReadOnlyDictionary<string, double>? FixedParameters { get; init; }

    /// <summary>Gets how starting points are chosen.</summary>
    /// <value>The default value is <see cref="StartStrategy.Default"/>.</value>
    public StartStrategy Starts { get; init; } = StartStrategy.Default;

    /// <summary>Gets the maximum number of threads for multi-start; -1 uses every core. Results do not depend on it.</summary>
    /// <value>The default value is -1.</value>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Gets how the parameter covariance is estimated.</summary>
    /// <value>The default value is <see cref="CovarianceMethod.Auto"/>.</value>
    public CovarianceMethod Covariance { get; init; } = CovarianceMethod.Auto;

    /// <summary>Gets the confidence level of the asymptotic parameter intervals in the result.</summary>
    /// <value>The default value is 0.95.</value>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>Gets a value indicating whether the fit checks that the linearisation behind its Wald intervals holds across
    /// them: the standard errors are recomputed at both ends of every interval (the other parameters following the
    /// linearised profile) and a warning names the parameters whose standard error changes there by more than a factor
    /// of 2, a sign that the fit lies in a curved valley and those intervals are unreliable. It costs two Jacobian
    /// evaluations per free parameter (about 70 µs on a 240-point Chinchilla fit); switch it off only in loops of many
    /// fits whose intervals are not read.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool CheckIntervalCurvature { get; init; } = true;

    /// <summary>Gets the relative tolerance within which another start counts as having reached the best objective.</summary>
    /// <value>The default value is 1e-6.</value>
    public double SameOptimumTolerance { get; init; } = 1e-6;

    /// <summary>Gets a callback told how many starts have been refined and how many there are in all, for progress bars on
    /// long multi-start searches. It is called from worker threads, possibly concurrently and with counts out of order;
    /// exactly one call reports the total. It never changes the result.</summary>
    /// <value>The default value is <see langword="null"/> (no reports).</value>
    public Action<int, int>? Progress { get; init; }

    /// <summary>Checks every option and throws for the first invalid one.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its range.</exception>
    /// <exception cref="ArgumentNullException">A required option is null.</exception>
    public void Validate()
    {
        const string name = "options";
        if (Loss is null)
        {
            throw new ArgumentNullException(name, "FitOptions.Loss must not be null.");
        }

        if (Starts is null)
        {
            throw new ArgumentNullException(name, "FitOptions.Starts must not be null.");
        }

        if (!Enum.IsDefined(ResidualSpace))
        {
            throw new ArgumentOutOfRangeException(name, ResidualSpace, "FitOptions.ResidualSpace is not a defined ResidualSpace value.");
        }

        if (!Enum.IsDefined(Covariance))
        {
            throw new ArgumentOutOfRangeException(name, Covariance, "FitOptions.Covariance is not a defined CovarianceMethod value.");
        }

        if (MaxIterations < 1)
        {
            throw new ArgumentOutOfRangeException(name, MaxIterations, "FitOptions.MaxIterations must be at least 1.");
        }

        CheckTolerance(FunctionTolerance, nameof(FunctionTolerance));
        CheckTolerance(ParameterTolerance, nameof(ParameterTolerance));
        CheckTolerance(GradientTolerance, nameof(GradientTolerance));
        CheckTolerance(SameOptimumTolerance, nameof(SameOptimumTolerance));
        if (MaxDegreeOfParallelism == 0 || MaxDegreeOfParallelism < -1)
        {
            throw new ArgumentOutOfRangeException(name, MaxDegreeOfParallelism, "FitOptions.MaxDegreeOfParallelism must be -1 or at least 1.");
        }

        if (!(ConfidenceLevel > 0.0 && ConfidenceLevel < 1.0))
        {
            throw new ArgumentOutOfRangeException(name, ConfidenceLevel, "FitOptions.ConfidenceLevel must lie strictly between 0 and 1.");
        }
    }

    private static void CheckTolerance(double value, string option)
    {
        if (!(value >= 0.0 && value < 1.0))
        {
            throw new ArgumentOutOfRangeException("options", value,
                string.Create(CultureInfo.InvariantCulture, $"FitOptions.{option} must lie in [0, 1)."));
        }
    }
}
