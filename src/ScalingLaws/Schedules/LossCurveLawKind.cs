namespace ScalingLaws;

/// <summary>The loss-curve law behind a <see cref="LossCurvePredictor"/>.</summary>
public enum LossCurveLawKind
{
    /// <summary>Tissue et al.'s annealing law, <c>L = L0 + A·S1^(−alpha) − C·S2</c> (<see cref="ScalingLaws.AnnealingLaw"/>).</summary>
    AnnealingLaw = 0,

    /// <summary>Luo et al.'s Multi-Power Law (<see cref="ScalingLaws.MultiPowerLaw"/>).</summary>
    MultiPowerLaw = 1,
}
