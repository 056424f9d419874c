using System.Globalization;
using ScottPlot;
using SkiaSharp;

namespace ScalingLaws.Plotting;

/// <summary>Saves ScottPlot plots and multi-panel figures as PNG or SVG, choosing the format from the file extension.</summary>
/// <remarks>
/// <para><c>.png</c> writes a raster image of exactly <c>width × height</c> pixels; <c>.svg</c> writes a vector image whose
/// <c>width</c> and <c>height</c> attributes are those numbers. Any other extension is an error, so a typo does not silently
/// produce an image in an unexpected format.</para>
/// <para>The folder of the file must exist; an existing file is overwritten.</para>
/// </remarks>
public static class PlotExport
{
    /// <summary>The smallest accepted width or height, in pixels.</summary>
    public const int MinimumSize = 100;

    /// <summary>The largest accepted width or height, in pixels.</summary>
    public const int MaximumSize = 20_000;

    /// <summary>Saves a plot as PNG or SVG.</summary>
    /// <param name="plot">The plot.</param>
    /// <param name="path">The file to write; its extension (<c>.png</c> or <c>.svg</c>, any case) chooses the format.</param>
    /// <param name="width">Width in pixels, from <see cref="MinimumSize"/> to <see cref="MaximumSize"/>.</param>
    /// <param name="height">Height in pixels, from <see cref="MinimumSize"/> to <see cref="MaximumSize"/>.</param>
    /// <returns>The full path of the written file.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, has an unsupported extension, or its folder does
    /// not exist.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="width"/> or <paramref name="height"/> is out of range.</exception>
    public static string Save(Plot plot, string path, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(plot);
        var (fullPath, format) = Check(path, width, height);

        // ScottPlot lays out the axes with the tick labels of the previous render, so render once first: custom tick
        // generators (log axes) then get room for their labels.
        plot.RenderInMemory(width, height);
        if (format == ImageFormat.Svg)
        {
            plot.SaveSvg(fullPath, width, height);
        }
        else
        {
            plot.SavePng(fullPath, width, height);
        }

        return fullPath;
    }

    /// <summary>Saves a multi-panel figure as PNG or SVG.</summary>
    /// <param name="multiplot">The figure.</param>
    /// <param name="path">The file to write; its extension (<c>.png</c> or <c>.svg</c>, any case) chooses the format.</param>
    /// <param name="width">Width in pixels, from <see cref="MinimumSize"/> to <see cref="MaximumSize"/>.</param>
    /// <param name="height">Height in pixels, from <see cref="MinimumSize"/> to <see cref="MaximumSize"/>.</param>
    /// <returns>The full path of the written file.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, has an unsupported extension, or its folder does
    /// not exist.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="width"/> or <paramref name="height"/> is out of range.</exception>
    public static string Save(Multiplot multiplot, string path, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(multiplot);
        var (fullPath, format) = Check(path, width, height);
        multiplot.Render(width, height).Dispose();
        if (format == ImageFormat.Svg)
        {
            using (var file = new SKFileWStream(fullPath))
            using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, width, height), file))
            {
                multiplot.Render(canvas, new PixelRect(new PixelSize(width, height)));
            }
        }
        else
        {
            multiplot.SavePng(fullPath, width, height);
        }

        return fullPath;
    }

    /// <summary>Checks that a path names a supported image format in an existing folder.</summary>
    /// <param name="path">The file to write.</param>
    /// <returns>The format the extension chooses.</returns>
    /// <exception cref="ArgumentException">The path is empty, the extension is not <c>.png</c> or <c>.svg</c>, or the folder
    /// does not exist.</exception>
    public static ImageFormat GetFormat(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var extension = Path.GetExtension(path).ToUpperInvariant();
        var format = extension switch
        {
            ".PNG" => ImageFormat.Png,
            ".SVG" => ImageFormat.Svg,
            _ => throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Cannot save a plot as '{path}': the extension must be .png or .svg."), nameof(path)),
        };
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
        {
            throw new ArgumentException($"Cannot save a plot as '{path}': the folder '{folder}' does not exist.", nameof(path));
        }

        return format;
    }

    private static (string FullPath, ImageFormat Format) Check(string path, int width, int height)
    {
        var format = GetFormat(path);
        CheckSize(width, nameof(width));
        CheckSize(height, nameof(height));
        return (Path.GetFullPath(path), format);
    }

    private static void CheckSize(int value, string paramName)
    {
        if (value < MinimumSize || value > MaximumSize)
        {
            throw new ArgumentOutOfRangeException(paramName, value, string.Create(CultureInfo.InvariantCulture,
                $"The image {paramName} must be between {MinimumSize} and {MaximumSize} pixels."));
        }
    }
}
