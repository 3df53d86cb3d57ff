#!/usr/bin/env bash
# Scale-out measured on one machine, for docs/SCALING.md: the same policies file through
# illustrationJob in local mode, then in remote mode with 1 and with 2 ./batch worker processes
# (one partition thread each, so that a worker is one unit of client CPU), against MariaDB or
# MySQL and Redis on 127.0.0.1. For each run it prints the calculation step's wall time and the
# CPU seconds each process used in it: the manager, the workers, the database server and Redis.
#
#   tools/remote/scale.sh [N [WORKERS...]]   (default 200000 and 0 1 2, 0 meaning local mode;
#                                             needs the mysql client and redis-cli)
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${1:-200000}"
WORK="$(mktemp -d /tmp/remote-scale.XXXXXX)"
NAMESPACE="scale-$$"
. tools/remote/common.sh
remote_setup scale
workers=()
databases=()
cleanup() {
  for pid in "${workers[@]}"; do kill "$pid" 2>/dev/null || true; done
  for d in "${databases[@]}"; do mysql -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS $d" || true; done
  [ -n "${KEEP:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT
[ -f target/batch.jar ] || ./mvnw -q -B package -DskipTests
JAR=target/batch.jar
java -jar $JAR generate policies --count "$N" --output "$WORK/policies.csv" >/dev/null
SERVER=$(pgrep -x mariadbd || pgrep -x mysqld)
REDIS=$(pgrep -x redis-server || echo "")
cpu() { if [ -n "$1" ] && [ -r "/proc/$1/stat" ]; then awk '{print $14+$15}' "/proc/$1/stat"; else echo 0; fi; }

# run <label> <workers>: 0 workers is local mode
run() {
  local label=$1 count=$2 database="scale_$$_$2" mode=local
  databases+=("$database")
  workers=()
  for i in $(seq 1 "$count"); do
    java -Xmx512m -jar $JAR worker $(db "$database") --server.port=0 --batch.remote.namespace=$NAMESPACE \
      --batch.remote.worker-threads=1 > "$WORK/$label-worker$i.out" 2> "$WORK/$label-worker$i.err" &
    workers+=($!)
  done
  for i in $(seq 1 "$count"); do
    until grep -q "metrics on port" "$WORK/$label-worker$i.out"; do
      kill -0 "${workers[$((i - 1))]}" 2>/dev/null || { cat "$WORK/$label-worker$i.out" "$WORK/$label-worker$i.err" >&2; exit 1; }
      sleep 1
    done
  done
  [ "$count" -gt 0 ] && mode=remote
  BATCH_PARTITIONING=$mode java -Xmx512m -jar $JAR illustrate "$WORK/policies.csv" $(db "$database") \
    --batch.partition.grid-size=4 --batch.remote.namespace=$NAMESPACE > "$WORK/$label.out" 2> "$WORK/$label.err" &
  local manager=$!
  until grep -q "Executing step: \[calculateIllustrations\]" "$WORK/$label.err" 2>/dev/null; do
    kill -0 $manager 2>/dev/null || { echo "the run ended before its calculation; see $WORK/$label.err"; exit 1; }
    sleep 0.2
  done
  local m0 s0 r0 w0=0 m1=0 s1 r1 w1=0
  m0=$(cpu $manager); s0=$(cpu "$SERVER"); r0=$(cpu "$REDIS")
  for pid in "${workers[@]}"; do w0=$(( w0 + $(cpu "$pid") )); done
  # the manager may end as soon as the step has: its CPU is read while it runs
  until grep -q "Step: \[calculateIllustrations\] executed" "$WORK/$label.err"; do
    m1=$(cpu $manager)
    sleep 0.2
  done
  s1=$(cpu "$SERVER"); r1=$(cpu "$REDIS")
  for pid in "${workers[@]}"; do w1=$(( w1 + $(cpu "$pid") )); done
  wait $manager
  local seconds
  seconds=$(mysql -h127.0.0.1 -uroot -N "$database" -e "SELECT TIMESTAMPDIFF(MICROSECOND, START_TIME, END_TIME) / 1e6
    FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'calculateIllustrations'")
  local rows
  rows=$(mysql -h127.0.0.1 -uroot -N "$database" -e "SELECT COUNT(*) FROM illustration")
  printf '%-22s calculation %7.1f s  %9.0f rows/s  cpu s: manager %6.1f  workers %6.1f  database %6.1f  redis %4.1f\n' \
    "$label" "$seconds" "$(echo "$rows / $seconds" | bc -l)" "$(echo "($m1 - $m0) / 100" | bc -l)" \
    "$(echo "($w1 - $w0) / 100" | bc -l)" "$(echo "($s1 - $s0) / 100" | bc -l)" "$(echo "($r1 - $r0) / 100" | bc -l)"
  for pid in "${workers[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  workers=()
}

echo "$N policies, $(nproc) cores; calculation step only (the import runs in the manager in every mode)"
counts=("${@:2}")
[ ${#counts[@]} -gt 0 ] || counts=(0 1 2)
for c in "${counts[@]}"; do
  if [ "$c" = 0 ]; then run "local ($(nproc) threads)" 0; else run "remote, $c worker(s)" "$c"; fi
done
