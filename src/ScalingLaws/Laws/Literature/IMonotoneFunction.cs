namespace ScalingLaws.Internal;

/// <summary>A strictly increasing function of one variable with its derivative, for <see cref="LiteratureMath.SolveIncreasing{TFunction}"/>.
/// Implemented by structs so the root finder runs without allocating.</summary>
internal interface IMonotoneFunction
{
    /// <summary>Evaluates the function and its derivative at <paramref name="z"/>.</summary>
    double Value(double z, out double derivative);
}
