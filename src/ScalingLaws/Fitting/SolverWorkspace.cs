namespace ScalingLaws.Internal;

/// <summary>Buffers for one solver thread, allocated once and reused across iterations, starts and resamples.</summary>
internal sealed class SolverWorkspace
{
    public SolverWorkspace(int n, int p, int q)
    {
        Natural = new double[p];
        Values = new double[n];
        LogValues = new double[n];
        ResidualScale = new double[n];
        LawJacobian = new double[n * p];
        Residuals = new double[n];
        Jacobian = new double[n * q];
        TrialResiduals = new double[n];
        TrialJacobian = new double[n * q];
        WeightedJacobian = new double[n * q];
        InlierJacobian = new double[n * q];
        IrlsWeights = new double[n];
        InlierMask = new double[n];
        Theta = new double[q];
        TrialTheta = new double[q];
        Gradient = new double[q];
        Hessian = new double[q * q];
        NewtonHessian = new double[q * q];
        System = new double[q * q];
        Step = new double[q];
        Scale = new double[q];
        Active = new bool[q];
    }

    public double[] Natural { get; }

    public double[] Values { get; }

    public double[] LogValues { get; }

    public double[] LawJacobian { get; }

    /// <summary>Gets the per-row chain-rule factor ∂r_i/∂f_i of the residual transform (n).</summary>
    public double[] ResidualScale { get; }

    public double[] Residuals { get; set; }

    public double[] Jacobian { get; set; }

    public double[] TrialResiduals { get; set; }

    public double[] TrialJacobian { get; set; }

    public double[] WeightedJacobian { get; }

    public double[] InlierJacobian { get; }

    public double[] IrlsWeights { get; }

    public double[] InlierMask { get; }

    public double[] Theta { get; }

    public double[] TrialTheta { get; }

    public double[] Gradient { get; }

    public double[] Hessian { get; }

    public double[] NewtonHessian { get; }

    public double[] System { get; }

    public double[] Step { get; }

    public double[] Scale { get; }

    public bool[] Active { get; }

    public void SwapTrial()
    {
        (Residuals, TrialResiduals) = (TrialResiduals, Residuals);
        (Jacobian, TrialJacobian) = (TrialJacobian, Jacobian);
    }
}
