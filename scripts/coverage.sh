#!/usr/bin/env bash
# Line coverage of src/ScalingLaws (the library) by its tests, measured with coverlet (XPlat Code Coverage).
#
#   scripts/coverage.sh [ARTIFACTS]        default artifacts path: /tmp/art-coverage
#
# Runs tests/ScalingLaws.Tests and tests/ScalingLaws.Cli.Tests (the tool's end-to-end tests also exercise the library;
# their coverage is collected only when that project references coverlet.collector), merges the Cobertura reports line by line (a line counts as covered if any run hit it), prints the percentage per
# folder of src/ScalingLaws and in total, and exits non-zero below the target (COVERAGE_TARGET, default 90).
# Not part of CI: it takes a few minutes on two cores.
set -euo pipefail
cd "$(dirname "$0")/.."
artifacts="${1:-/tmp/art-coverage}"
results="$artifacts/coverage-results"
target="${COVERAGE_TARGET:-90}"
rm -rf "$results"
mkdir -p "$results"

for project in tests/ScalingLaws.Tests tests/ScalingLaws.Cli.Tests; do
  [ -d "$project" ] || continue
  echo "== $project"
  dotnet test "$project" --artifacts-path "$artifacts" --collect:"XPlat Code Coverage" --results-directory "$results/$(basename "$project")" \
    -- DataCollectionRunSettings.DataCollectors.DataCollector.Configuration.Format=cobertura \
       DataCollectionRunSettings.DataCollectors.DataCollector.Configuration.ExcludeByAttribute=GeneratedCodeAttribute,CompilerGeneratedAttribute \
    > "$results/$(basename "$project").log" 2>&1 || echo "  (some tests failed: see $results/$(basename "$project").log; coverage is still measured)"
  grep -E "^(Passed|Failed)!" "$results/$(basename "$project").log" || true
done

python3 - "$results" "$target" <<'PY'
import collections, glob, os, sys
import xml.etree.ElementTree as ET

results, target = sys.argv[1], float(sys.argv[2])
hits = collections.defaultdict(dict)  # file -> line -> covered
for report in glob.glob(os.path.join(results, "**", "coverage.cobertura.xml"), recursive=True):
    root = ET.parse(report).getroot()
    sources = [s.text or "" for s in root.iter("source")]
    for cls in root.iter("class"):
        name = cls.get("filename", "")
        path = name if os.path.isabs(name) else next((os.path.join(s, name) for s in sources if os.path.exists(os.path.join(s, name))), name)
        path = os.path.normpath(path).replace(os.sep, "/")
        marker = "/src/ScalingLaws/"
        if marker not in path:
            continue
        relative = path[path.index(marker) + len(marker):]
        for line in cls.iter("line"):
            number = int(line.get("number"))
            covered = int(line.get("hits", "0")) > 0
            hits[relative][number] = hits[relative].get(number, False) or covered

if not hits:
    sys.exit("no coverage of src/ScalingLaws found in " + results)

folders = collections.defaultdict(lambda: [0, 0])
for relative, lines in hits.items():
    folder = relative.split("/")[0] if "/" in relative else "(root)"
    folders[folder][0] += sum(lines.values())
    folders[folder][1] += len(lines)

print()
print(f"{'folder':<16}{'covered':>9}{'lines':>8}{'coverage':>10}")
for folder, (covered, total) in sorted(folders.items()):
    print(f"{folder:<16}{covered:>9}{total:>8}{100.0 * covered / total:>9.1f}%")
covered = sum(c for c, _ in folders.values())
total = sum(t for _, t in folders.values())
percent = 100.0 * covered / total
print(f"{'total':<16}{covered:>9}{total:>8}{percent:>9.1f}%")

worst = sorted(((sum(v.values()) / len(v), f, len(v) - sum(v.values())) for f, v in hits.items() if len(v) > 0))[:8]
print("\nleast covered files:")
for share, name, missed in worst:
    print(f"  {100.0 * share:5.1f}%  {name} ({missed} lines not hit)")
print(f"\nline coverage of src/ScalingLaws: {percent:.1f}% (target {target:.0f}%)")
sys.exit(0 if percent >= target else 1)
PY
