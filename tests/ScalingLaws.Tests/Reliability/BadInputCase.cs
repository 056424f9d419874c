namespace ScalingLaws.Tests.Reliability;

/// <summary>One row of the bad-input matrix: a call of a public entry point with one bad input, the parameter the
/// <see cref="ArgumentException"/> must name, and a piece of text its message must contain (the offending row, column,
/// option or value).</summary>
/// <param name="EntryPoint">The public member called, for example <c>ScalingLawFitter.Fit</c>.</param>
/// <param name="Input">What is wrong with the input.</param>
/// <param name="Act">The call.</param>
/// <param name="ParamName">The expected <see cref="ArgumentException.ParamName"/>.</param>
/// <param name="Culprit">Text the message must contain (ordinal comparison).</param>
internal sealed record BadInputCase(string EntryPoint, string Input, Action Act, string ParamName, string Culprit)
{
    /// <inheritdoc/>
    public override string ToString() => $"{EntryPoint}: {Input}";
}

/// <summary>One call that runs into numerical trouble rather than bad input: it must not throw, and the result must carry a
/// reason (a warning, a status or an unavailable-covariance reason) that <see cref="Check"/> verifies.</summary>
/// <param name="EntryPoint">The public member called.</param>
/// <param name="Input">What is troublesome about the input.</param>
/// <param name="Run">Runs the call and returns the text of every reason the result gives (warnings, statuses, messages).</param>
/// <param name="Expected">Text one of the reasons must contain.</param>
internal sealed record NumericalTroubleCase(string EntryPoint, string Input, Func<IReadOnlyList<string>> Run, string Expected)
{
    /// <inheritdoc/>
    public override string ToString() => $"{EntryPoint}: {Input}";
}
