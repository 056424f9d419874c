namespace ScalingLaws;

/// <summary>How a bootstrap builds each resampled data set.</summary>
public enum BootstrapResampling
{
    /// <summary>Case (pairs) resampling: draw n rows with replacement. Makes no assumption about the error distribution
    /// or its variance; the usual choice, and Epoch AI's for the Chinchilla data.</summary>
    Cases = 0,

    /// <summary>Residual resampling: keep the inputs, add residuals drawn with replacement to the fitted values (in the fit's
    /// residual space, divided by √weight). Least-squares residuals are centred first, and all are inflated by √(n/(n − p))
    /// to undo the shrinkage of fitted residuals (Davison and Hinkley 1997, §6.2.3). Assumes exchangeable errors (constant
    /// variance after weighting).</summary>
    Residuals = 1,

    /// <summary>Cluster resampling: draw whole groups (<see cref="Observations.Groups"/>) with replacement, for example all
    /// checkpoints of one training run, so correlated rows stay together.</summary>
    Clusters = 2,
}
