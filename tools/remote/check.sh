#!/usr/bin/env bash
# Remote partitioning, checked end to end on one machine: MariaDB or MySQL and Redis on
# 127.0.0.1, a local-mode run of N policies as the reference, then the same file with one manager
# and two ./batch worker processes, one of them killed with kill -9 mid-run. The remote run must
# complete without a manual restart and export exactly what the local run exported.
#
#   tools/remote/check.sh [N]        (default 200000; needs the mysql client and redis-cli)
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${1:-200000}"
WORK="$(mktemp -d /tmp/remote-check.XXXXXX)"
NAMESPACE="check-$$"
LOCAL_DB="remote_check_local_$$"
REMOTE_DB="remote_check_remote_$$"
. tools/remote/common.sh
remote_setup check
workers=()
cleanup() {
  for pid in "${workers[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  mysql -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS $LOCAL_DB; DROP DATABASE IF EXISTS $REMOTE_DB" || true
  redis-cli -h 127.0.0.1 DEL "batch:$NAMESPACE:illustrationJob:partitions" "batch:$NAMESPACE:cashFlowJob:partitions" >/dev/null || true
}
trap cleanup EXIT
[ -f target/batch.jar ] || ./mvnw -q -B package -DskipTests
JAR=target/batch.jar
java -jar $JAR generate policies --count "$N" --output "$WORK/policies.csv" >/dev/null
COMMON="--batch.partition.grid-size=4"

echo "local run of $N policies..."
start=$(date +%s)
java -Xmx512m -jar $JAR illustrate "$WORK/policies.csv" --export-dir "$WORK/local" $(db $LOCAL_DB) $COMMON \
  > "$WORK/local.out" 2> "$WORK/local.err"
echo "  $(sed -n 2p "$WORK/local.out") (wall $(( $(date +%s) - start )) s)"

for i in 1 2; do
  java -Xmx512m -jar $JAR worker $(db $REMOTE_DB) --server.port=0 --batch.remote.namespace=$NAMESPACE \
    --batch.remote.worker-threads=1 > "$WORK/worker$i.out" 2> "$WORK/worker$i.err" &
  workers+=($!)
done
for i in 1 2; do
  until grep -q "metrics on port" "$WORK/worker$i.out"; do sleep 1; done
done
echo "two workers: ${workers[*]}"

echo "remote run (BATCH_PARTITIONING=remote) of the same file..."
start=$(date +%s)
BATCH_PARTITIONING=remote java -Xmx512m -jar $JAR illustrate "$WORK/policies.csv" --export-dir "$WORK/remote" \
  $(db $REMOTE_DB) $COMMON --batch.remote.namespace=$NAMESPACE > "$WORK/remote.out" 2> "$WORK/remote.err" &
manager=$!
until grep -q "Executing step: \[calculateIllustrationsWorker" "$WORK/worker1.err"; do sleep 1; done
sleep 15
kill -9 "${workers[0]}"
echo "killed worker ${workers[0]} with kill -9 at $(( $(date +%s) - start )) s, mid-partition"
status=0
wait $manager || status=$?
echo "  $(sed -n 2p "$WORK/remote.out") (exit $status, wall $(( $(date +%s) - start )) s)"
grep -h "taken over" "$WORK/worker2.err" | sed 's/^/  worker 2: /' || true
java -jar $JAR status "$(sed -n 's/^execution //p' "$WORK/remote.out" | head -1)" $(db $REMOTE_DB) 2>/dev/null | sed 's/^/  /'

same=yes
for f in illustrations.csv summary.csv rejects.csv; do
  if cmp -s "$WORK/local/$f" "$WORK/remote/$f"; then echo "  $f: identical ($(wc -l < "$WORK/local/$f") lines)"
  else echo "  $f: DIFFERS"; same=no; fi
done
if [ "$status" = 0 ] && [ "$same" = yes ]; then echo "PASS: remote run with a killed worker equals the local run"; rm -rf "$WORK"
else echo "FAIL (files kept in $WORK)"; exit 1; fi
