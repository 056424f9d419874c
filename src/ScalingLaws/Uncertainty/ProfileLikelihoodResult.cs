using System.Globalization;
using System.Text;

namespace ScalingLaws;

/// <summary>A profile-likelihood interval for one parameter (see <see cref="ProfileLikelihood"/>).</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class ProfileLikelihoodResult
{
    private readonly ProfilePoint[] _points;
    private readonly string[] _warnings;

    internal ProfileLikelihoodResult(string parameterName, double estimate, ParameterInterval interval, ProfileEndStatus lowerStatus,
        ProfileEndStatus upperStatus, double objective, double objectiveThreshold, ProfilePoint[] points, string[] warnings)
    {
        ParameterName = parameterName;
        Estimate = estimate;
        Interval = interval;
        LowerStatus = lowerStatus;
        UpperStatus = upperStatus;
        Objective = objective;
        ObjectiveThreshold = objectiveThreshold;
        _points = points;
        _warnings = warnings;
    }

    /// <summary>Gets the profiled parameter's name.</summary>
    public string ParameterName { get; }

    /// <summary>Gets the fitted value of the parameter.</summary>
    public double Estimate { get; }

    /// <summary>Gets the interval. An end is the parameter's bound when the profile never crossed the threshold before it
    /// (<see cref="ProfileEndStatus.ReachedBound"/>), and NaN when it could not be bracketed or a refit failed.</summary>
    public ParameterInterval Interval { get; }

    /// <summary>Gets how the lower end was found.</summary>
    public ProfileEndStatus LowerStatus { get; }

    /// <summary>Gets how the upper end was found.</summary>
    public ProfileEndStatus UpperStatus { get; }

    /// <summary>Gets a value indicating whether both ends were found by crossing the threshold.</summary>
    public bool IsBracketed => LowerStatus == ProfileEndStatus.Found && UpperStatus == ProfileEndStatus.Found;

    /// <summary>Gets the fit's objective (RSS for least squares, Huber sum for Huber).</summary>
    public double Objective { get; }

    /// <summary>Gets the profile objective at which the interval ends: the fit's objective plus the allowed increase.</summary>
    public double ObjectiveThreshold { get; }

    /// <summary>Gets every profile fit made, sorted by parameter value (including the estimate itself).</summary>
    public IReadOnlyList<ProfilePoint> Points => _points;

    /// <summary>Gets warnings (for example a profile fit that found a lower objective than the fit).</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>Returns the parameter, estimate, interval and the status of each end in the invariant culture.</summary>
    /// <returns>The text form.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture,
            $"profile of {ParameterName} = {Estimate:G6}: {Interval} (lower {LowerStatus}, upper {UpperStatus}; {_points.Length} fits)");
        foreach (var w in _warnings)
        {
            sb.AppendLine().Append(CultureInfo.InvariantCulture, $"  warning: {w}");
        }

        return sb.ToString();
    }
}
