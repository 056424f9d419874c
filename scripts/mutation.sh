#!/usr/bin/env bash
# Mutation testing of the fitting and uncertainty code with Stryker.NET (dotnet-stryker from .config/dotnet-tools.json).
#
#   scripts/mutation.sh [fitting|uncertainty|all]      default: fitting
#
# Environment:
#   STRYKER_CONCURRENCY   test runners in parallel (default 2)
#   STRYKER_ADDITIONAL_TIMEOUT  milliseconds a mutant may run beyond 1.5 times its tests' normal time before it counts
#                         as a timeout (default 5000, Stryker's own default)
#   MUTATION_FILES        comma-separated globs that replace the scope's files, e.g. "**/Fitting/FitResult.cs,**/Fitting/LossFunction.cs"
#                         (to re-measure a few files after tests were added; the scope argument then only names the run)
#   MUTATION_WORKDIR      scratch folder (default /tmp/scalinglaws-mutation); the report lands in $MUTATION_WORKDIR/output
#   SCALINGLAWS_SHARED_DATA  the shared data folder (default: ../shared/data next to the repository)
#
# Stryker builds and rewrites the projects it mutates, so the script runs it on a copy of the repository (without bin/,
# obj/ and .git) in the scratch folder: the working tree and other builds are never touched. The tests run are those of
# tests/ScalingLaws.Tests minus four slow end-to-end reproductions (each would rerun for every mutant it covers); every
# other test, including the property and reliability tests, takes part. Not part of CI: a run takes from tens of minutes
# (fitting) to hours (all) on two cores. The mutation score is printed at the end and written to the HTML and JSON reports.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
scope="${1:-fitting}"
work="${MUTATION_WORKDIR:-/tmp/scalinglaws-mutation}"
concurrency="${STRYKER_CONCURRENCY:-2}"
additional_timeout="${STRYKER_ADDITIONAL_TIMEOUT:-5000}"
export SCALINGLAWS_SHARED_DATA="${SCALINGLAWS_SHARED_DATA:-$(cd "$repo/.." && pwd)/shared/data}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

case "$scope" in
  fitting) mutate='"**/Fitting/**/*.cs"' ;;
  uncertainty) mutate='"**/Uncertainty/**/*.cs"' ;;
  all) mutate='"**/Fitting/**/*.cs", "**/Uncertainty/**/*.cs"' ;;
  *) echo "usage: $0 [fitting|uncertainty|all]" >&2; exit 2 ;;
esac
if [ -n "${MUTATION_FILES:-}" ]; then
  mutate="$(printf '%s' "$MUTATION_FILES" | sed 's/[^,][^,]*/"&"/g; s/,/, /g')"
fi

# Left out of the mutation run (all still run in CI):
# - slow reproductions of published results (tens of seconds each);
# - the tests of the literature's laws and of the learning-rate schedules: they run the fitter on their own laws (so
#   per-test coverage would rerun them for nearly every mutant of the solver) but are not tests of this code;
# - the randomized reliability tests (CsCheck properties, fuzzing, concurrency): they draw new cases on every run, so their
#   verdict on a mutant would not be reproducible, and they are the slowest tests in the suite.
# The remaining tests (Core, Certified, Uncertainty, Extrapolation and the deterministic reliability tables) cover the
# same code. Tests are built in Release (Debug made every test several times slower).
filter='FullyQualifiedName!~FitMultiPowerLawReferenceProtocol&FullyQualifiedName!~Fit_Epoch4500StartGrid&FullyQualifiedName!~Uncertainty.CoverageTests&FullyQualifiedName!~EpochBootstrapTests&FullyQualifiedName!~Tests.Laws.Literature&FullyQualifiedName!~Tests.Schedules&FullyQualifiedName!~Reliability.LawPropertyTests&FullyQualifiedName!~Reliability.ExtremeDataTests&FullyQualifiedName!~Reliability.ConcurrencyTests&FullyQualifiedName!~Reliability.FitterFuzzTests&FullyQualifiedName!~Reliability.CsvRobustnessTests&FullyQualifiedName!~Reliability.SharedStateTests'

rm -rf "$work"
mkdir -p "$work/repo"
tar -C "$repo" --exclude=./.git --exclude='*/bin' --exclude='*/obj' --exclude=./TestResults --exclude='*/StrykerOutput' -cf - . | tar -C "$work/repo" -xf -
cd "$work/repo"
dotnet tool restore >/dev/null

cat > tests/ScalingLaws.Tests/stryker-config.json <<JSON
{
  "stryker-config": {
    "project": "ScalingLaws.csproj",
    "mutate": [ $mutate ],
    "test-case-filter": "$filter",
    "concurrency": $concurrency,
    "coverage-analysis": "perTest",
    "mutation-level": "Standard",
    "additional-timeout": $additional_timeout,
    "reporters": [ "dots", "cleartext", "html", "json" ],
    "thresholds": { "high": 80, "low": 70, "break": 0 }
  }
}
JSON

start=$(date +%s)
cd tests/ScalingLaws.Tests
# The "dots" reporter prints one character per tested mutant (. killed, S survived, T timeout), which shows progress in
# the log; Stryker's progress bar draws nothing when its output is not a terminal.
dotnet stryker --configuration Release --output "$work/output" 2>&1 | tee "$work/stryker.log"
end=$(date +%s)
echo
echo "mutation run ($scope, concurrency $concurrency) took $(( (end - start) / 60 )) min; report: $work/output/reports/mutation-report.html"
grep -E "final mutation score|mutation score" "$work/stryker.log" | tail -n 1 || true
