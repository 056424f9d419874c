#!/usr/bin/env bash
# Side-by-side timing of ScalingLaws and scipy on the same jobs, data and starts (run by hand, not in CI).
# Needs Debian's scipy and pandas:  apt-get install -y python3-scipy python3-pandas
# Usage: benchmarks/compare/run.sh [--full]   (--full adds Epoch's 4500-start grid and the 4000-resample bootstrap)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
data=${SCALING_LAWS_EPOCH_CSV:-$root/../shared/data/chinchilla-epoch/svg_extracted_data.csv}
dotnet build -c Release "$root/benchmarks/ScalingLaws.Benchmarks" > /dev/null
ours=$(cd "$root/benchmarks/ScalingLaws.Benchmarks" && dotnet run -c Release --no-build -- compare "$@")
theirs=$(/usr/bin/python3 "$root/benchmarks/compare/scipy_jobs.py" "$data" "$@")
/usr/bin/python3 - "$ours" "$theirs" <<'PY'
import json, sys
ours = {j["job"]: j for j in map(json.loads, sys.argv[1].splitlines())}
theirs = {j["job"]: j for j in map(json.loads, sys.argv[2].splitlines())}
pairs = [("huber_log_fit", "huber_log_fit"), ("lsq_fit", "lsq_fit"), ("epoch_grid", "epoch_grid"), ("bootstrap", "bootstrap")]
print(f"{'job':<16}{'ScalingLaws':>14}{'scipy':>14}{'speed-up':>10}   objective (ours / scipy)")
for a, b in pairs:
    if a in ours and b in theirs:
        o, t = ours[a], theirs[b]
        same = abs(o["objective"] - t["objective"]) <= 1e-6 * max(abs(t["objective"]), 1e-300) or o["objective"] <= t["objective"]
        print(f"{a:<16}{o['seconds']*1e3:>12.3f}ms{t['seconds']*1e3:>12.3f}ms{t['seconds']/o['seconds']:>9.1f}x   "
              f"{o['objective']:.10g} / {t['objective']:.10g}{'' if same else '  (DIFFERENT OPTIMA: ratio not comparable)'}")
if "default_global_fit" in ours:
    print(f"default global search (ours): {ours['default_global_fit']['seconds']*1e3:.1f} ms, objective {ours['default_global_fit']['objective']:.10g}")
PY
