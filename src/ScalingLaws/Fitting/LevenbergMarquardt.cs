namespace ScalingLaws.Internal;

/// <summary>The outcome of one solver run; the solution is left in <see cref="SolverWorkspace.Theta"/>.</summary>
internal readonly record struct SolverOutcome(FitStatus Status, double Objective, int Iterations, int Evaluations, double GradientNorm, string Message);

/// <summary>
/// Bounded, robust Levenberg–Marquardt with Marquardt (diagonal) scaling.
/// </summary>
/// <remarks>
/// <para>Objective: <c>F(θ) = Σ ρ(r_i(θ))</c> over weighted residuals <c>r</c> with Jacobian <c>J = ∂r/∂θ</c>.</para>
/// <para>Model: with IRLS weights <c>ω_i = ψ(r_i)/r_i</c> (1 for least squares, <c>min(1, δ/|r_i|)</c> for Huber), gradient
/// <c>g = Jᵀψ(r)</c> and curvature <c>H = JᵀΩJ</c>, the step solves <c>(H + μ·D²)·s = −g</c> where <c>D² = diag(H)</c>
/// (running maximum, as in MINPACK's <c>lmder</c>). For Huber the quadratic model majorises the loss (Huber's IRLS
/// majoriser), so accepted steps decrease the true objective monotonically.</para>
/// <para>Huber acceleration: IRLS alone converges only linearly when δ is small (the loss is then nearly L1; 35–80 iterations
/// on Epoch's Chinchilla fit). The exact Gauss–Newton curvature of the Huber objective is <c>H_N = Σ_{|r_i| ≤ δ} J_iJ_iᵀ</c>
/// (outliers have ρ'' = 0). Once at least as many residuals as free parameters lie inside δ, each iteration first tries the
/// damped step with <c>H_N</c> (its own damping μ_N, Nielsen's rule) and keeps it when it reduces the objective; otherwise
/// it falls back to the majorising IRLS step. Convergence is only declared by the IRLS step or the gradient test, so the
/// acceleration cannot cause a premature stop. Measured on the Epoch fit from Hoffmann's start: see benchmarks/README.md.</para>
/// <para>Damping update: Nielsen's rule (μ ← μ·max(1/3, 1 − (2ρ − 1)³) on success, μ ← μ·ν, ν ← 2ν on failure), see
/// H. B. Nielsen, "Damping parameter in Marquardt's method", IMM-REP-1999-05; K. Madsen, H. B. Nielsen, O. Tingleff,
/// "Methods for non-linear least squares problems" (2004).</para>
/// <para>Bounds: parameters at a bound whose gradient points outwards are held for the step (an active set); the trial
/// point is projected onto the box. A trial point with a non-finite objective is rejected and damped, never thrown.</para>
/// <para>Termination tests are relative to the objective itself (not to max(F, 1)), so objectives of 1e-3 or 1e-9 are
/// minimised as fully as objectives of 1e3.</para>
/// </remarks>
internal static class LevenbergMarquardt
{
    /// <summary>Returns the index of a free parameter on which the residuals no longer depend at the current point (its
    /// Jacobian column, scaled by the parameter's magnitude, is negligible against the data), or −1 when there is none.
    /// A run that ends like this has usually followed a parameter onto a plateau at infinity.</summary>
    public static int FindVanishedParameter(FitProblem problem, SolverWorkspace ws)
    {
        var n = problem.N;
        var targetNorm = 0.0;
        for (var i = 0; i < n; i++)
        {
            var sw = problem.SqrtWeights is null ? 1.0 : problem.SqrtWeights[i];
            var t = sw * problem.TransformedTarget[i];
            targetNorm += t * t;
        }

        targetNorm = Math.Max(Math.Sqrt(targetNorm), 1e-300);
        for (var k = 0; k < problem.Q; k++)
        {
            var column = ws.Jacobian.AsSpan(k * n, n);
            var norm = Math.Sqrt(VectorKernels.Dot(column, column));
            if (norm * Math.Max(Math.Abs(ws.Theta[k]), 1.0) <= 1e-10 * targetNorm)
            {
                return k;
            }
        }

        return -1;
    }

    private const double InitialDamping = 1e-3;
    private const double MaxDamping = 1e32;
    private const double NewtonMaxDamping = 1e8;

    /// <summary>Runs the solver from <see cref="SolverWorkspace.Theta"/>.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="ws">Buffers; the start is read from and the solution written to <c>ws.Theta</c>.</param>
    /// <param name="maxIterations">Iteration limit (accepted and rejected steps).</param>
    /// <param name="conservative">Use Transtrum and Sethna's "delayed gratification" damping (μ/3 on success, 2μ on failure)
    /// instead of Nielsen's rule: slower, but it keeps parameters from running off onto plateaus where the model stops
    /// depending on them ("parameter evaporation"; M. K. Transtrum, J. P. Sethna, arXiv:1201.5885).</param>
    public static SolverOutcome Solve(FitProblem problem, SolverWorkspace ws, int maxIterations, bool conservative = false)
    {
        var n = problem.N;
        var q = problem.Q;
        var options = problem.Options;
        var ftol = options.FunctionTolerance;
        var xtol = options.ParameterTolerance;
        var gtol = options.GradientTolerance;
        var theta = ws.Theta;
        var trial = ws.TrialTheta;
        var g = ws.Gradient;
        var h = ws.Hessian;
        var hn = ws.NewtonHessian;
        var step = ws.Step;
        var d2 = ws.Scale;
        var active = ws.Active;
        var huber = problem.IsHuber;
        var delta = problem.Loss.Delta;

        var f = problem.Evaluate(theta, ws, ws.Residuals, ws.Jacobian);
        var evaluations = 1;
        if (!double.IsFinite(f))
        {
            return new SolverOutcome(FitStatus.NonFinite, f, 0, evaluations, double.NaN,
                "the objective is not finite at the starting point");
        }

        Array.Clear(d2);
        var mu = InitialDamping;
        var nu = 2.0;
        var muNewton = InitialDamping;
        var iterations = 0;
        var gradientNorm = double.NaN;
        while (true)
        {
            // Gradient, IRLS curvature and (Huber) exact Gauss–Newton curvature at the current point.
            var r = ws.Residuals;
            var j = ws.Jacobian;
            // IRLS weights ω_i and the inlier mask (|r_i| ≤ δ) for the exact Huber curvature.
            var weights = ws.IrlsWeights;
            var mask = ws.InlierMask;
            var weightedSquares = 0.0;
            var inliers = 0;
            for (var i = 0; i < n; i++)
            {
                var ri = r[i];
                var w = problem.IrlsWeight(ri);
                weights[i] = w;
                weightedSquares += w * ri * ri;
                if (huber)
                {
                    var inside = Math.Abs(ri) <= delta;
                    mask[i] = inside ? 1.0 : 0.0;
                    inliers += inside ? 1 : 0;
                }
            }

            // g = Jᵀ(ω∘r), H = JᵀΩJ, H_N = JᵀMJ over contiguous Jacobian columns.
            var wj = ws.WeightedJacobian;
            var mj = ws.InlierJacobian;
            for (var k = 0; k < q; k++)
            {
                var column = j.AsSpan(k * n, n);
                var weighted = wj.AsSpan(k * n, n);
                VectorKernels.Multiply(weights, column, weighted);
                g[k] = VectorKernels.Dot(weighted, r);
                if (huber)
                {
                    VectorKernels.Multiply(mask, column, mj.AsSpan(k * n, n));
                }
            }

            for (var k = 0; k < q; k++)
            {
                var weighted = wj.AsSpan(k * n, n);
                var masked = mj.AsSpan(k * n, n);
                for (var l = 0; l <= k; l++)
                {
                    var column = j.AsSpan(l * n, n);
                    h[(k * q) + l] = VectorKernels.Dot(weighted, column);
                    if (huber)
                    {
                        hn[(k * q) + l] = VectorKernels.Dot(masked, column);
                    }
                }
            }

            for (var k = 0; k < q; k++)
            {
                for (var l = 0; l < k; l++)
                {
                    h[(l * q) + k] = h[(k * q) + l];
                    hn[(l * q) + k] = hn[(k * q) + l];
                }

                d2[k] = Math.Max(d2[k], h[(k * q) + k]);
            }

            // Active set and scaled gradient (cosine between weighted residuals and Jacobian columns, MINPACK's gtol).
            gradientNorm = 0.0;
            var residualNorm = Math.Sqrt(weightedSquares);
            for (var k = 0; k < q; k++)
            {
                var atLower = theta[k] <= problem.Lower[k] && g[k] > 0.0;
                var atUpper = theta[k] >= problem.Upper[k] && g[k] < 0.0;
                active[k] = !(atLower || atUpper);
                if (active[k] && h[(k * q) + k] > 0.0 && residualNorm > 0.0)
                {
                    gradientNorm = Math.Max(gradientNorm, Math.Abs(g[k]) / (Math.Sqrt(h[(k * q) + k]) * residualNorm));
                }
            }

            if (f == 0.0)
            {
                return new SolverOutcome(FitStatus.Converged, f, iterations, evaluations, 0.0, "the residuals are exactly zero");
            }

            if (gradientNorm <= gtol)
            {
                return new SolverOutcome(FitStatus.Converged, f, iterations, evaluations, gradientNorm,
                    "the scaled gradient is below GradientTolerance");
            }

            // Huber acceleration: try the exact Gauss–Newton step first.
            if (huber && inliers >= q && muNewton < NewtonMaxDamping)
            {
                if (iterations >= maxIterations)
                {
                    return new SolverOutcome(FitStatus.MaxIterationsReached, f, iterations, evaluations, gradientNorm,
                        $"the iteration limit ({maxIterations}) was reached before convergence");
                }

                iterations++;
                if (TryStep(problem, ws, hn, muNewton, out var predicted, out _, out _))
                {
                    var fTrial = problem.Evaluate(trial, ws, ws.TrialResiduals, ws.TrialJacobian);
                    evaluations++;
                    if (double.IsFinite(fTrial) && fTrial < f && predicted > 0.0)
                    {
                        var ratio = (f - fTrial) / predicted;
                        trial.AsSpan().CopyTo(theta);
                        ws.SwapTrial();
                        f = fTrial;
                        var t = (2.0 * ratio) - 1.0;
                        muNewton *= Math.Max(1.0 / 3.0, 1.0 - (t * t * t));
                        continue;
                    }
                }

                muNewton *= 4.0;
            }

            // Majorising IRLS / least-squares step: increase damping until a step reduces the objective.
            while (true)
            {
                if (iterations >= maxIterations)
                {
                    return new SolverOutcome(FitStatus.MaxIterationsReached, f, iterations, evaluations, gradientNorm,
                        $"the iteration limit ({maxIterations}) was reached before convergence");
                }

                iterations++;
                if (!TryStep(problem, ws, h, mu, out var predicted, out var stepNorm, out var thetaNorm))
                {
                    mu *= nu;
                    nu *= 2.0;
                    if (mu > MaxDamping)
                    {
                        return new SolverOutcome(FitStatus.Stalled, f, iterations, evaluations, gradientNorm,
                            "the damped normal equations could not be solved");
                    }

                    continue;
                }

                var smallStep = stepNorm <= xtol * (thetaNorm + xtol);
                var fTrial = problem.Evaluate(trial, ws, ws.TrialResiduals, ws.TrialJacobian);
                evaluations++;
                if (double.IsFinite(fTrial) && fTrial < f)
                {
                    var actual = f - fTrial;
                    var ratio = predicted > 0.0 ? actual / predicted : 1.0;
                    trial.AsSpan().CopyTo(theta);
                    ws.SwapTrial();
                    var fOld = f;
                    f = fTrial;
                    var t = (2.0 * ratio) - 1.0;
                    mu = conservative ? mu / 3.0 : mu * Math.Max(1.0 / 3.0, 1.0 - (t * t * t));
                    nu = 2.0;
                    if (actual <= ftol * fOld && predicted > 0.0 && predicted <= ftol * fOld)
                    {
                        return new SolverOutcome(FitStatus.Converged, f, iterations, evaluations, gradientNorm,
                            "the relative reduction of the objective is below FunctionTolerance");
                    }

                    if (smallStep)
                    {
                        return new SolverOutcome(FitStatus.Converged, f, iterations, evaluations, gradientNorm,
                            "the relative step is below ParameterTolerance");
                    }

                    break;
                }

                // Rejected: no reduction (or a non-finite trial). At a minimum to within tolerance, stop. A step clipped to the
                // bounds can have a non-positive predicted reduction far from the optimum: that is no convergence, so damp more
                // (for large μ the projected, scaled gradient step is a descent direction).
                if (double.IsFinite(fTrial) && (smallStep || (predicted > 0.0 && predicted <= ftol * f)))
                {
                    return new SolverOutcome(FitStatus.Converged, f, iterations, evaluations, gradientNorm,
                        smallStep ? "the relative step is below ParameterTolerance" : "the predicted reduction is below FunctionTolerance");
                }

                mu *= conservative ? 2.0 : nu;
                nu *= 2.0;
                if (mu > MaxDamping)
                {
                    return new SolverOutcome(FitStatus.Stalled, f, iterations, evaluations, gradientNorm,
                        "no step reduced the objective (damping exhausted) although no convergence test was met");
                }
            }
        }
    }

    /// <summary>Solves <c>(H + μ·D²)·s = −g</c> over the active parameters, projects <c>θ + s</c> onto the bounds into
    /// <see cref="SolverWorkspace.TrialTheta"/>, and returns the model's predicted reduction for the projected step.</summary>
    private static bool TryStep(FitProblem problem, SolverWorkspace ws, double[] h, double mu,
        out double predicted, out double stepNorm, out double thetaNorm)
    {
        var q = problem.Q;
        var a = ws.System;
        var step = ws.Step;
        var g = ws.Gradient;
        var d2 = ws.Scale;
        var active = ws.Active;
        var theta = ws.Theta;
        var trial = ws.TrialTheta;
        predicted = 0.0;
        stepNorm = 0.0;
        thetaNorm = 0.0;
        for (var k = 0; k < q; k++)
        {
            for (var l = 0; l < q; l++)
            {
                a[(k * q) + l] = active[k] && active[l] ? h[(k * q) + l] : 0.0;
            }

            var dk = d2[k] > 0.0 ? d2[k] : 1.0;
            if (active[k])
            {
                a[(k * q) + k] += mu * dk;
                step[k] = -g[k];
            }
            else
            {
                a[(k * q) + k] = 1.0;
                step[k] = 0.0;
            }
        }

        if (!SmallDense.CholeskySolve(a, step, q))
        {
            return false;
        }

        for (var k = 0; k < q; k++)
        {
            trial[k] = Math.Clamp(theta[k] + step[k], problem.Lower[k], problem.Upper[k]);
            step[k] = trial[k] - theta[k];
            var dk = Math.Sqrt(d2[k] > 0.0 ? d2[k] : 1.0);
            stepNorm += dk * step[k] * dk * step[k];
            thetaNorm += dk * theta[k] * dk * theta[k];
        }

        stepNorm = Math.Sqrt(stepNorm);
        thetaNorm = Math.Sqrt(thetaNorm);
        for (var k = 0; k < q; k++)
        {
            var hs = 0.0;
            for (var l = 0; l < q; l++)
            {
                hs += h[(k * q) + l] * step[l];
            }

            predicted -= (g[k] * step[k]) + (0.5 * step[k] * hs);
        }

        return true;
    }
}
