using System.Globalization;

namespace ScalingLaws.Plotting;

/// <summary>Options shared by the figures that have no options of their own (bootstrap distributions, loss curves,
/// IsoFLOP curves, compute-optimal frontiers). Start from <see cref="Default"/> and change what you need with <c>with</c>.</summary>
public sealed record PlotOptions
{
    /// <summary>The default image width in pixels.</summary>
    public const int DefaultWidth = 1100;

    /// <summary>The default image height in pixels.</summary>
    public const int DefaultHeight = 700;

    /// <summary>Gets the default options.</summary>
    public static PlotOptions Default { get; } = new();

    /// <summary>Gets the image width in pixels.</summary>
    /// <value>The default value is 1100.</value>
    public int Width { get; init; } = DefaultWidth;

    /// <summary>Gets the image height in pixels.</summary>
    /// <value>The default value is 700.</value>
    public int Height { get; init; } = DefaultHeight;

    /// <summary>Gets the title, or <see langword="null"/> for a descriptive default.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Title { get; init; }

    /// <summary>Gets the x-axis label, or <see langword="null"/> for the default (which names the units).</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? XLabel { get; init; }

    /// <summary>Gets the y-axis label, or <see langword="null"/> for the default (which names the units).</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? YLabel { get; init; }

    /// <summary>Gets the confidence level of drawn intervals, or <see langword="null"/> for the fit's
    /// <see cref="FitOptions.ConfidenceLevel"/>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public double? ConfidenceLevel { get; init; }

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

        if (ConfidenceLevel is { } level && !(level > 0.0 && level < 1.0))
        {
            throw new ArgumentOutOfRangeException(name, level, "PlotOptions.ConfidenceLevel must lie strictly between 0 and 1.");
        }
    }

    private static string Range(string option) => string.Create(CultureInfo.InvariantCulture,
        $"PlotOptions.{option} must be between {PlotExport.MinimumSize} and {PlotExport.MaximumSize} pixels.");
}
