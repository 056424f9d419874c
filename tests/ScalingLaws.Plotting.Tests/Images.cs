using System.Buffers.Binary;
using System.Globalization;
using System.Xml.Linq;
using SkiaSharp;

namespace ScalingLaws.Plotting.Tests;

/// <summary>Checks of written image files: size from the PNG header or the SVG root, and that the picture is not blank.</summary>
internal static class Images
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Reads the width and height from a PNG file's IHDR chunk (bytes 16–23, big-endian).</summary>
    public static (int Width, int Height) PngSize(string path)
    {
        var bytes = File.ReadAllBytes(path);
        bytes.Take(8).Should().Equal(PngSignature, "the file should be a PNG");
        return (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
    }

    /// <summary>Counts the distinct colours of a PNG (a blank or single-colour image has one or two).</summary>
    public static int DistinctColors(string path)
    {
        using var bitmap = SKBitmap.Decode(path);
        var colors = new HashSet<uint>();
        for (var y = 0; y < bitmap.Height; y += 2)
        {
            for (var x = 0; x < bitmap.Width; x += 2)
            {
                colors.Add((uint)bitmap.GetPixel(x, y));
            }
        }

        return colors.Count;
    }

    /// <summary>Reads the width and height attributes of an SVG file's root element.</summary>
    public static (double Width, double Height, XElement Root) SvgSize(string path)
    {
        var root = XDocument.Load(path).Root!;
        root.Name.LocalName.Should().Be("svg");
        return (double.Parse(root.Attribute("width")!.Value, CultureInfo.InvariantCulture),
            double.Parse(root.Attribute("height")!.Value, CultureInfo.InvariantCulture), root);
    }

    /// <summary>A fresh temporary folder for one test's files.</summary>
    public static string TempFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "scaling-laws-plot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }
}
