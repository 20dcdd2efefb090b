#!/usr/bin/env bash
# A new instance's first render of the 5,000-VEVENT feed (1,000 events x 5 stops), JIT included, storage reads excluded:
# each run is a fresh process that builds the agenda, then times its first FeedRenderer.RenderBody. Published twice,
# as Azure gets it (ReadyToRun, what `dotnet publish src/VisitPlanner.Functions` makes) and plain JIT, and run
# alternately so both meet the same machine.
#
#   bench/first-render.sh            # 10 runs of each
#   RUNS=20 bench/first-render.sh
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUNS=${RUNS:-10}
WORK=$(mktemp -d /tmp/visitplanner-first-render.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
PROJECT=$ROOT/bench/VisitPlanner.Benchmarks
dotnet publish "$PROJECT" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$WORK/r2r" -nologo -v q -clp:ErrorsOnly >&2
dotnet publish "$PROJECT" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=false -o "$WORK/jit" -nologo -v q -clp:ErrorsOnly >&2
for ((i = 0; i < RUNS; i++)); do
  for build in r2r jit; do
    echo "$build $(dotnet "$WORK/$build/VisitPlanner.Benchmarks.dll" --first-render | cut -d' ' -f1)"
  done
done | sort -k1,1 -k2,2n | awk '
  { ms[$1] = ms[$1] " " $2; n[$1]++; v[$1, n[$1]] = $2 }
  END {
    print "| build | runs | min ms | median ms | max ms |"
    print "| --- | --: | --: | --: | --: |"
    for (b in n) printf "| %s | %d | %s | %s | %s |\n", (b == "r2r" ? "ReadyToRun (as published)" : "JIT only"), n[b], v[b, 1], v[b, int((n[b] + 1) / 2)], v[b, n[b]]
  }'
