namespace ScalingLaws;

/// <summary>Options for <see cref="Bootstrap.Run"/>. The defaults give a seeded case bootstrap with 1000 resamples.</summary>
/// <example><code>
/// var boot = Bootstrap.Run(fit, new BootstrapOptions { Resamples = 4000, Seed = 42 });
/// </code></example>
public sealed record BootstrapOptions
{
    /// <summary>The default number of resamples.</summary>
    public const int DefaultResamples = 1000;

    /// <summary>Gets the default options.</summary>
    public static BootstrapOptions Default { get; } = new();

    /// <summary>Gets the number of resampled data sets to fit; at least 2.</summary>
    /// <value>The default value is 1000.</value>
    public int Resamples { get; init; } = DefaultResamples;

    /// <summary>Gets the master seed. Every resample's own seed is derived from it before any work starts, so the same seed
    /// gives bit-identical results whatever <see cref="MaxDegreeOfParallelism"/> is.</summary>
    /// <value>The default value is 0.</value>
    public long Seed { get; init; }

    /// <summary>Gets the rows of every resample, given explicitly, or <see langword="null"/> to draw them from
    /// <see cref="Seed"/>. Entry <c>b</c> lists the row indices of resample <c>b</c> (zero-based positions in the fitted
    /// observations, repeats allowed). Use it to replay another tool's draws for a like-for-like comparison (see
    /// <see cref="NumPyCompatibleDraws"/>) or a fixed design. Case resampling only; when set, its count replaces
    /// <see cref="Resamples"/> and <see cref="Seed"/> is not used.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public IReadOnlyList<IReadOnlyList<int>>? ExplicitRows { get; init; }

    /// <summary>Gets how resampled data sets are built.</summary>
    /// <value>The default value is <see cref="BootstrapResampling.Cases"/>.</value>
    public BootstrapResampling Resampling { get; init; } = BootstrapResampling.Cases;

    /// <summary>Gets a value indicating whether each resample also runs the fit's start strategy (for example the
    /// variable-projection grid search) besides the warm start at the point estimate, keeping the lowest objective. Slower;
    /// use it when the objective has several local minima.</summary>
    /// <value>The default value is <see langword="false"/> (warm start only).</value>
    public bool MultiStart { get; init; }

    /// <summary>Gets the iteration limit per resample fit, or <see langword="null"/> for the fit's
    /// <see cref="FitOptions.MaxIterations"/>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public int? MaxIterations { get; init; }

    /// <summary>Gets the maximum number of threads; -1 uses every core. Results do not depend on it.</summary>
    /// <value>The default value is -1.</value>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Gets a callback told how many resamples are done and how many there are in all, for progress bars. It is
    /// called from worker threads, possibly concurrently and with counts out of order; exactly one call reports the total.</summary>
    /// <value>The default value is <see langword="null"/> (no reports).</value>
    public Action<int, int>? Progress { get; init; }

    /// <summary>Checks every option and throws for the first invalid one.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its range.</exception>
    public void Validate()
    {
        const string name = "options";
        if (Resamples < 2)
        {
            throw new ArgumentOutOfRangeException(name, Resamples, "BootstrapOptions.Resamples must be at least 2.");
        }

        if (!Enum.IsDefined(Resampling))
        {
            throw new ArgumentOutOfRangeException(name, Resampling, "BootstrapOptions.Resampling is not a defined BootstrapResampling value.");
        }

        if (ExplicitRows is not null)
        {
            if (Resampling != BootstrapResampling.Cases)
            {
                throw new ArgumentOutOfRangeException(name, Resampling,
                    "BootstrapOptions.ExplicitRows works with case resampling only; set Resampling to Cases or leave ExplicitRows null.");
            }

            if (ExplicitRows.Count < 2)
            {
                throw new ArgumentOutOfRangeException(name, ExplicitRows.Count, "BootstrapOptions.ExplicitRows must list at least 2 resamples.");
            }

            for (var b = 0; b < ExplicitRows.Count; b++)
            {
                if (ExplicitRows[b] is null || ExplicitRows[b].Count == 0)
                {
                    throw new ArgumentOutOfRangeException(name, b, $"BootstrapOptions.ExplicitRows[{b}] is null or empty; every resample needs rows.");
                }
            }
        }

        if (MaxIterations is < 1)
        {
            throw new ArgumentOutOfRangeException(name, MaxIterations, "BootstrapOptions.MaxIterations must be at least 1 (or null for the fit's limit).");
        }

        if (MaxDegreeOfParallelism == 0 || MaxDegreeOfParallelism < -1)
        {
            throw new ArgumentOutOfRangeException(name, MaxDegreeOfParallelism, "BootstrapOptions.MaxDegreeOfParallelism must be -1 or at least 1.");
        }
    }
}
