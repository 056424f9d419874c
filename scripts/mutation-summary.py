#!/usr/bin/env python3
"""Summarises a Stryker.NET JSON report (mutation-testing-elements schema).

    scripts/mutation-summary.py REPORT.json [PATH-SUBSTRING] [--survivors]

Prints, per source file and in total, the mutants by status and two scores:
  score        Stryker's mutation score: (killed + timeout) / (killed + timeout + survived + no coverage);
  strict       the same with timeouts counted as survivors: killed / (killed + timeout + survived + no coverage),
               a lower bound for readers who do not accept a timeout as a detection.
Compile errors and ignored mutants count in neither. With --survivors it lists every surviving and uncovered mutant
(file, line, mutator, replacement) for review.
"""
import collections
import json
import sys


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    if not args:
        print(__doc__)
        return 2
    show_survivors = "--survivors" in argv
    substring = args[1] if len(args) > 1 else ""
    with open(args[0], encoding="utf-8") as f:
        report = json.load(f)

    totals = collections.Counter()
    rows = []
    survivors = []
    for path, entry in sorted(report["files"].items()):
        if substring not in path:
            continue
        counts = collections.Counter(m["status"] for m in entry["mutants"])
        totals.update(counts)
        rows.append((path, counts))
        lines = entry.get("source", "").splitlines()
        for m in entry["mutants"]:
            if m["status"] in ("Survived", "NoCoverage"):
                line = m["location"]["start"]["line"]
                code = lines[line - 1].strip() if 0 < line <= len(lines) else ""
                survivors.append((path, line, m["status"], m["mutatorName"], m.get("replacement", ""), code))

    def scores(c):
        valid = c["Killed"] + c["Timeout"] + c["Survived"] + c["NoCoverage"]
        if valid == 0:
            return "-", "-"
        return f"{100.0 * (c['Killed'] + c['Timeout']) / valid:5.1f}%", f"{100.0 * c['Killed'] / valid:5.1f}%"

    header = f"{'file':<60} {'killed':>6} {'timeout':>7} {'survived':>8} {'nocov':>5} {'compile':>7} {'score':>7} {'strict':>7}"
    print(header)
    common = _common_prefix([p for p, _ in rows])
    for path, c in rows + [("TOTAL", totals)]:
        name = path if path == "TOTAL" else path[len(common):]
        s, strict = scores(c)
        print(f"{name[-60:]:<60} {c['Killed']:>6} {c['Timeout']:>7} {c['Survived']:>8} {c['NoCoverage']:>5} "
              f"{c['CompileError']:>7} {s:>7} {strict:>7}")
    if show_survivors:
        print()
        for path, line, status, mutator, replacement, code in survivors:
            print(f"{path[len(common):]}:{line} [{status}] {mutator}: {replacement!r}\n    {code}")
    return 0


def _common_prefix(paths):
    if len(paths) < 2:
        return paths[0].rsplit("/", 1)[0] + "/" if paths else ""
    prefix = paths[0]
    for p in paths[1:]:
        while not p.startswith(prefix):
            prefix = prefix[:-1]
    return prefix[: prefix.rfind("/") + 1]


if __name__ == "__main__":
    sys.exit(main(sys.argv))
