#!/usr/bin/python3
"""Times the scipy side of the side-by-side comparison on Epoch AI's 240 Chinchilla points.

Jobs (same data and starts as the .NET side, see ../ScalingLaws.Benchmarks/CompareJobs.cs):
  huber_log_fit   least_squares(method="trf", loss="huber", f_scale=1e-3) on log residuals, analytic Jacobian
  lsq_fit         curve_fit(method="lm") in linear space, analytic Jacobian
  epoch_grid      Epoch's 4500-start L-BFGS-B grid (numerical gradient, as published)      [--full]
  bootstrap       4000 case resamples, BFGS with analytic gradient, warm start at Hoffmann [--full]
Prints one JSON object per job: {"job", "seconds", "objective"}.
"""
import json
import sys
import time

import numpy as np
import pandas as pd
from scipy.optimize import curve_fit, least_squares, minimize
from scipy.special import huber, logsumexp

DELTA = 1e-3
HOFFMANN = np.array([6.0073404, 6.0179186, 0.5267228, 0.33917084, 0.2849083])  # a, b, e, alpha, beta


def load(path):
    df = pd.read_csv(path)
    loss = df["loss"].to_numpy()
    keep = loss < np.sort(loss)[-5]
    n = df["Model Size"].to_numpy()[keep]
    c = df["Training FLOP"].to_numpy()[keep]
    return n, c / (6 * n), loss[keep]


def log_pred(p, ln, ld):
    a, b, e, alpha, beta = p
    return logsumexp([a - alpha * ln, b - beta * ld, e * np.ones_like(ln)], axis=0)


def huber_objective(p, ln, ld, ly):
    return np.sum(huber(DELTA, log_pred(p, ln, ld) - ly))


def huber_grad(p, ln, ld, ly):
    a, b, e, alpha, beta = p
    terms = np.stack([a - alpha * ln, b - beta * ld, e * np.ones_like(ln)])
    lse = logsumexp(terms, axis=0)
    w = np.exp(terms - lse)
    r = lse - ly
    psi = np.clip(r, -DELTA, DELTA)
    return np.array([np.sum(psi * w[0]), np.sum(psi * w[1]), np.sum(psi * w[2]),
                     np.sum(psi * w[0] * -ln), np.sum(psi * w[1] * -ld)])


def residuals(p, ln, ld, ly):
    return log_pred(p, ln, ld) - ly


def jacobian(p, ln, ld, ly):
    a, b, e, alpha, beta = p
    terms = np.stack([a - alpha * ln, b - beta * ld, e * np.ones_like(ln)])
    w = np.exp(terms - logsumexp(terms, axis=0))
    return np.stack([w[0], w[1], w[2], -w[0] * ln, -w[1] * ld], axis=1)


def linear_model(x, e, a, alpha, b, beta):
    n, d = x
    return e + a * n ** -alpha + b * d ** -beta


def linear_jac(x, e, a, alpha, b, beta):
    n, d = x
    tn, td = n ** -alpha, d ** -beta
    return np.stack([np.ones_like(n), tn, -a * tn * np.log(n), td, -b * td * np.log(d)], axis=1)


def timed(job, fn, repeats):
    best = float("inf")
    result = None
    for _ in range(repeats):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def main():
    path = sys.argv[1]
    full = "--full" in sys.argv
    n, d, loss = load(path)
    ln, ld, ly = np.log(n), np.log(d), np.log(loss)

    secs, res = timed("huber", lambda: least_squares(residuals, HOFFMANN, jac=jacobian, method="trf", loss="huber",
                                                     f_scale=DELTA, args=(ln, ld, ly)), 50)
    print(json.dumps({"job": "huber_log_fit", "seconds": secs, "objective": huber_objective(res.x, ln, ld, ly)}))

    p0 = [np.exp(HOFFMANN[2]), np.exp(HOFFMANN[0]), HOFFMANN[3], np.exp(HOFFMANN[1]), HOFFMANN[4]]
    secs, popt = timed("lsq", lambda: curve_fit(linear_model, (n, d), loss, p0=p0, jac=linear_jac, method="lm")[0], 50)
    print(json.dumps({"job": "lsq_fit", "seconds": secs,
                      "objective": float(np.sum((loss - linear_model((n, d), *popt)) ** 2))}))

    if full:
        grid = [[a, b, e, al, be] for al in np.arange(0, 2.5, 0.5) for be in np.arange(0, 2.5, 0.5)
                for e in np.arange(-1, 1.5, 0.5) for a in np.arange(0, 30, 5) for b in np.arange(0, 30, 5)]
        t0 = time.perf_counter()
        best = None
        for x0 in grid:
            r = minimize(huber_objective, x0, args=(ln, ld, ly), method="L-BFGS-B")
            if r.success and (best is None or r.fun < best.fun):
                best = r
        print(json.dumps({"job": "epoch_grid", "seconds": time.perf_counter() - t0, "objective": float(best.fun)}))

        np.random.seed(42)
        idx = np.arange(len(loss))
        t0 = time.perf_counter()
        alphas = []
        for _ in range(4000):
            s = np.random.choice(idx, size=len(idx), replace=True)
            r = minimize(huber_objective, HOFFMANN, args=(ln[s], ld[s], ly[s]), jac=huber_grad, method="BFGS")
            alphas.append(r.x[3])
        print(json.dumps({"job": "bootstrap", "seconds": time.perf_counter() - t0, "objective": float(np.std(alphas, ddof=1))}))


if __name__ == "__main__":
    main()
