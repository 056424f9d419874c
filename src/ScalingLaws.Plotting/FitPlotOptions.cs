using System.Globalization;

namespace ScalingLaws.Plotting;

/// <summary>Options for <see cref="FitPlots"/>. Start from <see cref="Default"/> and change what you need with <c>with</c>.</summary>
/// <example><code>
/// FitPlots.SaveFit(fit, "fit.png", FitPlotOptions.Default with { GroupBy = "C", ExtrapolatedGroups = [5.76e23] });
/// </code></example>
public sealed record FitPlotOptions
{
    /// <summary>The default image width in pixels.</summary>
    public const int DefaultWidth = 1100;

    /// <summary>The default image height in pixels.</summary>
    public const int DefaultHeight = 700;

    /// <summary>The default largest number of colour groups.</summary>
    public const int DefaultMaxGroups = 10;

    /// <summary>Gets the default options.</summary>
    public static FitPlotOptions Default { get; } = new();

    /// <summary>Gets the image width in pixels.</summary>
    /// <value>The default value is 1100.</value>
    public int Width { get; init; } = DefaultWidth;

    /// <summary>Gets the image height in pixels.</summary>
    /// <value>The default value is 700.</value>
    public int Height { get; init; } = DefaultHeight;

    /// <summary>Gets the title, or <see langword="null"/> for one naming the law, its formula and the fitted parameters.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Title { get; init; }

    /// <summary>Gets the x-axis label, or <see langword="null"/> for the input's name and description (which give its units).</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? XLabel { get; init; }

    /// <summary>Gets the y-axis label, or <see langword="null"/> for the target's name.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? YLabel { get; init; }

    /// <summary>Gets the law input shown on the x axis, or <see langword="null"/> for the first input (for example N).</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? XInput { get; init; }

    /// <summary>Gets the data column whose values colour the points and give one fitted curve each (for example the compute C),
    /// or <see langword="null"/> for the default: none for single-input laws, and for multi-input laws the first data column
    /// that is not the x input (for example C in N, C, D).</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? GroupBy { get; init; }

    /// <summary>Gets the largest number of colour groups; values of <see cref="GroupBy"/> are binned to stay within it.</summary>
    /// <value>The default value is 10.</value>
    public int MaxGroups { get; init; } = DefaultMaxGroups;

    /// <summary>Gets, for single-input laws, an x value beyond (or before) the data up to which the fitted curve is extended
    /// and drawn as an extrapolation, with its confidence band; <see langword="null"/> for none.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public double? ExtrapolateTo { get; init; }

    /// <summary>Gets, for multi-input laws, values of the group column (for example compute budgets) at which to draw the
    /// fitted law as an extrapolated curve with its confidence band and its minimum marked; empty for none.</summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyList<double> ExtrapolatedGroups { get; init; } = [];

    /// <summary>Gets bootstrap draws for the confidence band, or <see langword="null"/> to use the delta method on the fit's
    /// covariance.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public BootstrapResult? Bootstrap { get; init; }

    /// <summary>Gets the confidence level of the band, or <see langword="null"/> for the fit's
    /// <see cref="FitOptions.ConfidenceLevel"/>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public double? ConfidenceLevel { get; init; }

    /// <summary>Gets a value indicating whether confidence bands are drawn.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool ShowConfidenceBand { get; init; } = true;

    /// <summary>Gets, for multi-input laws, a function giving every law input (in the law's input order) at an x value and a
    /// group value, or <see langword="null"/> to model the other inputs from the data (see <see cref="FitPlots"/>).</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public Func<double, double, double[]>? CurveInputs { get; init; }

    /// <summary>Checks every option and throws for the first invalid one.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its range.</exception>
    public void Validate()
    {
        const string name = "options";
        if (Width < PlotExport.MinimumSize || Width > PlotExport.MaximumSize)
        {
            throw new ArgumentOutOfRangeException(name, Width, Range("Width"));
        }

        if (Height < PlotExport.MinimumSize || Height > PlotExport.MaximumSize)
        {
            throw new ArgumentOutOfRangeException(name, Height, Range("Height"));
        }

        if (MaxGroups < 1 || MaxGroups > 50)
        {
            throw new ArgumentOutOfRangeException(name, MaxGroups, "FitPlotOptions.MaxGroups must be between 1 and 50.");
        }

        if (ExtrapolateTo is { } x && !double.IsFinite(x))
        {
            throw new ArgumentOutOfRangeException(name, x, "FitPlotOptions.ExtrapolateTo must be finite.");
        }

        if (ExtrapolatedGroups is null || ExtrapolatedGroups.Any(g => !double.IsFinite(g)))
        {
            throw new ArgumentOutOfRangeException(name, ExtrapolatedGroups, "FitPlotOptions.ExtrapolatedGroups must not be null and its values must be finite.");
        }

        if (ConfidenceLevel is { } level && !(level > 0.0 && level < 1.0))
        {
            throw new ArgumentOutOfRangeException(name, level, "FitPlotOptions.ConfidenceLevel must lie strictly between 0 and 1.");
        }
    }

    private static string Range(string option) => string.Create(CultureInfo.InvariantCulture,
        $"FitPlotOptions.{option} must be between {PlotExport.MinimumSize} and {PlotExport.MaximumSize} pixels.");
}
