namespace ScalingLaws;

/// <summary>How one end of a profile-likelihood interval was found.</summary>
public enum ProfileEndStatus
{
    /// <summary>The profile crossed the threshold and the end was located between two profile fits.</summary>
    Found = 0,

    /// <summary>The profile stayed below the threshold up to the parameter's bound; the end is the bound.</summary>
    ReachedBound = 1,

    /// <summary>The profile stayed below the threshold over every step tried; the end is unknown (NaN).</summary>
    NotBracketed = 2,

    /// <summary>A profile fit failed (non-finite objective) before the threshold was crossed; the end is unknown (NaN).</summary>
    FitFailed = 3,
}
