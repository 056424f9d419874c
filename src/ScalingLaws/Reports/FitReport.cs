using System.Globalization;
using System.Reflection;
using System.Text.Json;
using ScalingLaws.Internal;

namespace ScalingLaws;

/// <summary>
/// A serialisable record of everything needed to reproduce and judge a fit: the data's provenance and filters, the law
/// and its formula, the loss, residual space, starts and solver settings, the parameters with standard errors and
/// intervals (asymptotic and, optionally, bootstrap with its seed), goodness of fit, diagnostics, warnings and the library
/// version.
/// </summary>
/// <remarks>
/// <para>JSON (System.Text.Json, source-generated, camelCase names, enums as strings, indented). Non-finite numbers are
/// written as the strings <c>"NaN"</c>, <c>"Infinity"</c> and <c>"-Infinity"</c>. <see cref="FromJson"/> reads what
/// <see cref="ToJson"/> writes; <c>FromJson(ToJson(r)).ToJson()</c> equals <c>r.ToJson()</c>.</para>
/// <para>Record equality compares list members by reference; compare the JSON text to compare two reports.</para>
/// </remarks>
/// <example><code>
/// FitReport report = FitReport.FromFit(fit, Bootstrap.Run(fit, new BootstrapOptions { Resamples = 4000, Seed = 42 }));
/// File.WriteAllText("report.json", report.ToJson());
/// FitReport again = FitReport.FromJson(File.ReadAllText("report.json"));
/// </code></example>
public sealed record FitReport
{
    /// <summary>The version of the JSON layout written by this library.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>Gets the version of the JSON layout.</summary>
    /// <value>The default value is <see cref="CurrentSchemaVersion"/>.</value>
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>Gets the version of the ScalingLaws library that made the fit (informational version, with the commit when known).</summary>
    public required string LibraryVersion { get; init; }

    /// <summary>Gets the command that produced the report (for example the command line of the <c>scaling-laws</c> tool), or
    /// <see langword="null"/>.</summary>
    public string? Command { get; init; }

    /// <summary>Gets the data's provenance, filters and ranges.</summary>
    public required FitReportData Data { get; init; }

    /// <summary>Gets the law.</summary>
    public required FitReportLaw Law { get; init; }

    /// <summary>Gets the fitting options.</summary>
    public required FitReportSettings Settings { get; init; }

    /// <summary>Gets the parameters, in the law's order.</summary>
    public required IReadOnlyList<FitReportParameter> Parameters { get; init; }

    /// <summary>Gets the goodness of fit.</summary>
    public required FitReportStatistics Statistics { get; init; }

    /// <summary>Gets how the solver ended.</summary>
    public required FitReportDiagnostics Diagnostics { get; init; }

    /// <summary>Gets a value indicating whether the fit converged.</summary>
    public bool Converged => Diagnostics.Status == FitStatus.Converged;

    /// <summary>Gets the bootstrap settings and outcome, or <see langword="null"/> without a bootstrap.</summary>
    public FitReportBootstrap? Bootstrap { get; init; }

    /// <summary>Gets the fit's warnings (parameters at bounds, strong correlations, ill-conditioning, non-convergence).</summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>Gets a parameter by name.</summary>
    /// <param name="name">The parameter's name.</param>
    /// <returns>The parameter.</returns>
    /// <exception cref="ArgumentException">The report has no such parameter.</exception>
    public FitReportParameter Parameter(string name)
        => Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal))
            ?? throw new ArgumentException(
                $"The report has no parameter '{name}'; its parameters are {string.Join(", ", Parameters.Select(p => p.Name))}.", nameof(name));

    /// <summary>Builds the report of a fit, optionally with bootstrap standard errors and intervals.</summary>
    /// <param name="fit">The fit.</param>
    /// <param name="bootstrap">A bootstrap of <paramref name="fit"/>, or <see langword="null"/>.</param>
    /// <param name="intervalMethod">How bootstrap intervals are read off the distribution.</param>
    /// <returns>The report; bootstrap intervals are at the fit's <see cref="FitOptions.ConfidenceLevel"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="bootstrap"/> belongs to a fit with other parameters.</exception>
    public static FitReport FromFit(FitResult fit, BootstrapResult? bootstrap = null,
        BootstrapIntervalMethod intervalMethod = BootstrapIntervalMethod.Percentile)
    {
        ArgumentNullException.ThrowIfNull(fit);
        if (bootstrap is not null && !bootstrap.ParameterNames.SequenceEqual(fit.ParameterNames))
        {
            throw new ArgumentException(
                $"The bootstrap's parameters ({string.Join(", ", bootstrap.ParameterNames)}) differ from the fit's ({string.Join(", ", fit.ParameterNames)}).",
                nameof(bootstrap));
        }

        var options = fit.Options;
        var law = fit.Law;
        var data = fit.Data;
        var level = options.ConfidenceLevel;
        var bootIntervals = bootstrap is { SuccessfulResamples: >= 2 } ? bootstrap.Intervals(level, intervalMethod) : null;
        var parameters = new FitReportParameter[fit.ParameterNames.Count];
        for (var k = 0; k < parameters.Length; k++)
        {
            var definition = law.Parameters[k];
            var bounds = options.Bounds is not null && options.Bounds.TryGetValue(definition.Name, out var b)
                ? b
                : new ParameterBounds(definition.LowerBound, definition.UpperBound);
            parameters[k] = new FitReportParameter
            {
                Name = definition.Name,
                Description = definition.Description,
                Value = fit.Parameters[k],
                StandardError = fit.StandardErrors[k],
                Lower = fit.ConfidenceIntervals[k].Lower,
                Upper = fit.ConfidenceIntervals[k].Upper,
                IsFixed = fit.IsFixed[k],
                LowerBound = bounds.Lower,
                UpperBound = bounds.Upper,
                Scale = definition.Scale,
                BootstrapStandardError = bootstrap?.StandardErrors[k],
                BootstrapLower = bootIntervals?[k].Lower,
                BootstrapUpper = bootIntervals?[k].Upper,
            };
        }

        return new FitReport
        {
            LibraryVersion = Version,
            Data = new FitReportData
            {
                Provenance = data.Provenance,
                TargetName = data.TargetName,
                Count = data.Count,
                IsWeighted = data.Weights is not null,
                IsGrouped = data.Groups is not null,
                Columns = data.ColumnNames.Select(name => Range(name, data.Column(name))).ToArray(),
                Target = Range(data.TargetName, data.Target),
            },
            Law = new FitReportLaw
            {
                Name = law.Name,
                Formula = law.Formula,
                Inputs = [.. law.InputNames],
                ParameterNames = [.. law.ParameterNames],
                HasAnalyticJacobian = law.HasAnalyticJacobian,
            },
            Settings = new FitReportSettings
            {
                Loss = options.Loss.ToString(),
                ResidualSpace = options.ResidualSpace,
                Starts = fit.MultiStart.Strategy,
                MaxIterations = options.MaxIterations,
                FunctionTolerance = options.FunctionTolerance,
                ParameterTolerance = options.ParameterTolerance,
                GradientTolerance = options.GradientTolerance,
                Covariance = options.Covariance,
                ConfidenceLevel = level,
                FixedParameters = options.FixedParameters is null
                    ? new Dictionary<string, double>()
                    : new Dictionary<string, double>(options.FixedParameters),
            },
            Parameters = parameters,
            Statistics = new FitReportStatistics
            {
                Objective = fit.Objective,
                ResidualSumOfSquares = fit.ResidualSumOfSquares,
                DegreesOfFreedom = fit.DegreesOfFreedom,
                RSquared = fit.RSquared,
                LogLikelihood = fit.LogLikelihood,
                Aic = fit.Aic,
                Bic = fit.Bic,
                ConditionNumber = fit.ConditionNumber,
                CovarianceUnavailableReason = fit.CovarianceUnavailableReason,
                Correlation = fit.Correlation is { } c
                    ? Enumerable.Range(0, c.Size).Select(i => (IReadOnlyList<double>)Enumerable.Range(0, c.Size).Select(j => c[i, j]).ToArray()).ToArray()
                    : null,
            },
            Diagnostics = new FitReportDiagnostics
            {
                Status = fit.Diagnostics.Status,
                Iterations = fit.Diagnostics.Iterations,
                Evaluations = fit.Diagnostics.Evaluations,
                GradientNorm = fit.Diagnostics.GradientNorm,
                Message = fit.Diagnostics.Message,
                StartsRun = fit.MultiStart.StartsRun,
                StartsConverged = fit.MultiStart.StartsConverged,
                StartsAtBest = fit.MultiStart.StartsAtBest,
                BestStartIndex = fit.MultiStart.BestStartIndex,
                GridPointsScanned = fit.MultiStart.GridPointsScanned,
            },
            Bootstrap = bootstrap is null ? null : new FitReportBootstrap
            {
                Seed = bootstrap.Options.Seed,
                ExplicitRows = bootstrap.Options.ExplicitRows is not null,
                Resamples = bootstrap.TotalResamples,
                SuccessfulResamples = bootstrap.SuccessfulResamples,
                FailedResamples = bootstrap.FailedResamples,
                Resampling = bootstrap.Options.Resampling,
                MultiStart = bootstrap.Options.MultiStart,
                IntervalMethod = intervalMethod,
                ConfidenceLevel = level,
                Warnings = [.. bootstrap.Warnings],
            },
            Warnings = [.. fit.Warnings],
        };
    }

    /// <summary>Gets the informational version of this library (for example <c>0.1.0+1a2b3c4</c>).</summary>
    public static string Version { get; } =
        typeof(FitReport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(FitReport).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>Writes the report as indented JSON.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, FitReportJsonContext.Readable.FitReport);

    /// <summary>Reads a report written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentException">The text is not valid JSON, misses a required member, or has a newer
    /// <see cref="SchemaVersion"/> than this library reads.</exception>
    public static FitReport FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        FitReport? report;
        try
        {
            report = JsonSerializer.Deserialize(json, FitReportJsonContext.Readable.FitReport);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"The text is not a fit report: {e.Message}", nameof(json), e);
        }

        if (report is null)
        {
            throw new ArgumentException("The text is not a fit report: it is the JSON literal null.", nameof(json));
        }

        if (report.SchemaVersion > CurrentSchemaVersion)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The report has schema version {report.SchemaVersion}, but this library reads versions up to {CurrentSchemaVersion}; update ScalingLaws."), nameof(json));
        }

        return report;
    }

    private static FitReportColumn Range(string name, IReadOnlyList<double> values) => new()
    {
        Name = name,
        Minimum = values.Count == 0 ? double.NaN : values.Min(),
        Maximum = values.Count == 0 ? double.NaN : values.Max(),
    };
}
