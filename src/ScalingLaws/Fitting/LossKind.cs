namespace ScalingLaws;

/// <summary>The kind of robust loss applied to each residual.</summary>
public enum LossKind
{
    /// <summary>Least squares: <c>ρ(r) = r²</c>, objective = residual sum of squares.</summary>
    LeastSquares = 0,

    /// <summary>Huber: <c>ρ(r) = r²/2</c> for <c>|r| ≤ δ</c>, <c>δ·(|r| − δ/2)</c> otherwise (scipy's <c>special.huber</c>), summed.</summary>
    Huber = 1,
}
