using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ScalingLaws.Internal;

/// <summary>Source-generated System.Text.Json metadata for <see cref="FitReport"/> (trimming- and AOT-safe).</summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FitReport))]
internal sealed partial class FitReportJsonContext : JsonSerializerContext
{
    /// <summary>Gets a context that writes '+', quotes and non-ASCII text (α, ≥) as themselves rather than \u escapes; the
    /// report is a file for people as well as programs, never embedded in HTML.</summary>
    public static FitReportJsonContext Readable { get; } = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
