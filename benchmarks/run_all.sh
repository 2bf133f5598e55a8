#!/bin/sh
# The runs behind benchmarks/README.md, one after the other (they must not overlap:
# the machine has two cores). Usage, from the project root:
#
#   nohup sh benchmarks/run_all.sh /tmp/bench > /tmp/bench/run_all.log 2>&1 &
#
# Corpora are synthesised once into DIR/<N>/ and reused by later runs; each run's
# output is in DIR/logs/<N>-<variant>.log, its last line the RESULT line.
set -eu
DIR=${1:-/tmp/bench}
PY=.venv/bin/python
WAIT=${WAIT_QUIET:-120}
mkdir -p "$DIR/logs"
run() {
    n=$1; variant=$2; shift 2
    echo "== $(date -u +%H:%M:%S) docs=$n $variant: $*"
    $PY benchmarks/bench.py --docs "$n" --keep "$DIR/$n" --wait-quiet "$WAIT" "$@" > "$DIR/logs/$n-$variant.log" 2>&1 \
        || echo "   failed, see $DIR/logs/$n-$variant.log"
    tail -n 1 "$DIR/logs/$n-$variant.log"
}
run 100 w2
run 500 w2
run 1000 w2 --add-one --search
run 5000 w2
run 10000 w2 --add-one --search
run 1000 w1 --workers 1
run 10000 w1 --workers 1
run 1000 profile --profile
