#!/usr/bin/env bash
# Crash-and-restart soak, on demand: illustrationJob on N policies against MariaDB or MySQL on
# 127.0.0.1, killed with kill -9 at random moments (during the import, mid-chunk, during a commit,
# between partitions), then recovered and restarted, again and again, until K kills have been
# made. Each trial ends with a restart that completes; its tables must then equal, by checksum, an
# uninterrupted run's. Prints one line per kill and "kills survived: K/K" when every trial matched.
#
#   tools/soak/crash-restart.sh [N] [K]      (default 100000 policies, 20 kills; needs the mysql client)
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${1:-100000}"
KILLS="${2:-20}"
WORK="$(mktemp -d /tmp/crash-soak.XXXXXX)"
PREFIX="crash_soak_$$"
# Synthetic data, keys of this check's own (a run on MySQL refuses the built-in development keys).
export BATCH_PRIVACY_HASH_KEY="${BATCH_PRIVACY_HASH_KEY:-$(head -c 32 /dev/urandom | base64)}"
export BATCH_PRIVACY_ENCRYPTION_KEY_ID="${BATCH_PRIVACY_ENCRYPTION_KEY_ID:-check}"
export BATCH_PRIVACY_ENCRYPTIONKEYS_CHECK="${BATCH_PRIVACY_ENCRYPTIONKEYS_CHECK:-$(head -c 32 /dev/urandom | base64)}"
databases=()
child=""
cleanup() {
  if [ -n "$child" ]; then kill -9 "$child" 2>/dev/null || true; fi
  for database in "${databases[@]}"; do mysql -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS $database" || true; done
}
trap cleanup EXIT
[ -f target/batch.jar ] || ./mvnw -q -B package -DskipTests
JAR=target/batch.jar
db() { echo "--spring.datasource.url=jdbc:mysql://127.0.0.1:3306/$1 --spring.datasource.username=root"; }
sql() { mysql -h127.0.0.1 -uroot -N -B "$1" -e "$2"; }

# What must not change: every column but the execution ids and the randomly sealed date of birth.
checksums() {
  sql "$1" "
    SELECT 'policy', COUNT(*), COALESCE(SUM(CRC32(CONCAT_WS('|', policy_id, product_code, holder_name_hash, mobile_hash,
      pii_key_id, gender, commencement_date, entry_age, sum_assured, modal_premium, premium_frequency, policy_term,
      premium_paying_term, source_line))), 0) FROM policy
    UNION ALL SELECT 'run_policy', COUNT(*), COALESCE(SUM(CRC32(policy_id)), 0) FROM run_policy
    UNION ALL SELECT 'illustration', COUNT(*), COALESCE(SUM(CRC32(CONCAT_WS('|', policy_id, policy_year, product_code, age,
      premium, total_premiums_paid, guaranteed_death_benefit, guaranteed_surrender_value, death_benefit_4,
      surrender_value_4, maturity_benefit_4, accrued_bonus_4, fund_value_4, death_benefit_8, surrender_value_8,
      maturity_benefit_8, accrued_bonus_8, fund_value_8, basis_version))), 0) FROM illustration
    UNION ALL SELECT 'illustration_summary', COUNT(*), COALESCE(SUM(CRC32(CONCAT_WS('|', policy_id, product_code,
      annual_premium, maturity_benefit_4, maturity_benefit_8, irr_4, irr_8, status, basis_version))), 0)
      FROM illustration_summary
    UNION ALL SELECT 'rejected_record', COUNT(*), COALESCE(SUM(CRC32(CONCAT_WS('|', source, line_number, record_key,
      reason_code, message))), 0) FROM rejected_record"
}

java -jar $JAR generate policies --count "$N" --output "$WORK/policies.csv" --seed 20 --invalid-fraction 0.02 >/dev/null
reference="${PREFIX}_reference"
databases+=("$reference")
echo "uninterrupted run of $N policies..."
start=$(date +%s)
java -Xmx512m -jar $JAR illustrate "$WORK/policies.csv" $(db "$reference") > "$WORK/reference.out" 2>&1
seconds=$(( $(date +%s) - start ))
checksums "$reference" > "$WORK/reference.sum"
echo "  $(grep -m1 "^illustrationJob COMPLETED" "$WORK/reference.out") (wall $seconds s)"

made=0
survived=0
trial=0
while [ "$made" -lt "$KILLS" ]; do
  trial=$((trial + 1))
  database="${PREFIX}_$trial"
  databases+=("$database")
  kills=$(( RANDOM % 3 + 1 ))
  if [ $((made + kills)) -gt "$KILLS" ]; then kills=$((KILLS - made)); fi
  id=""
  killed=0
  for k in $(seq 1 "$kills"); do
    if [ -z "$id" ]; then
      java -Xmx512m -jar $JAR illustrate "$WORK/policies.csv" $(db "$database") > "$WORK/run.out" 2> "$WORK/run.err" &
    else
      java -Xmx512m -jar $JAR restart "$id" $(db "$database") > "$WORK/run.out" 2> "$WORK/run.err" &
    fi
    child=$!
    # anywhere from the end of the start-up (about 3 s) to the end of an uninterrupted run, in
    # tenths of a second
    span=$(( seconds > 4 ? (seconds - 3) * 10 : 10 ))
    delay=$(( 30 + RANDOM % (span + 1) ))
    sleep "$(( delay / 10 )).$(( delay % 10 ))"
    if kill -9 "$child" 2>/dev/null; then
      wait "$child" 2>/dev/null || true
      child=""
      made=$((made + 1))
      killed=$((killed + 1))
      # the run that was killed is the newest execution, whatever the process printed before it died
      id=$(sql "$database" "SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION" 2>/dev/null | grep -v NULL || true)
      if [ -z "$id" ]; then
        echo "kill $made: trial $trial, at $(( delay / 10 )).$(( delay % 10 )) s, before the run was created"
        continue
      fi
      step=$(sql "$database" "SELECT COALESCE(MAX(STEP_NAME), 'no step yet') FROM BATCH_STEP_EXECUTION
        WHERE JOB_EXECUTION_ID = (SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION) AND STATUS = 'STARTED'")
      echo "kill $made: trial $trial, at $(( delay / 10 )).$(( delay % 10 )) s, in $step"
      java -jar $JAR recover "$id" $(db "$database") > "$WORK/recover.out" 2>&1 || true
      if sql "$database" "SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = $id" | grep -q COMPLETED; then
        id=""  # it completed in the instant before the kill: the next try is a new run
      fi
    else
      wait "$child" || true
      child=""
      echo "  (trial $trial: the run ended before its kill at $(( delay / 10 )).$(( delay % 10 )) s)"
    fi
  done
  # the trial ends with a run that completes
  if [ -z "$id" ]; then
    java -Xmx512m -jar $JAR illustrate "$WORK/policies.csv" $(db "$database") > "$WORK/final.out" 2>&1 || true
  elif ! sql "$database" "SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID DESC LIMIT 1" | grep -q COMPLETED; then
    id=$(sql "$database" "SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION")
    java -Xmx512m -jar $JAR restart "$id" $(db "$database") > "$WORK/final.out" 2>&1 || true
  fi
  checksums "$database" > "$WORK/trial.sum"
  if cmp -s "$WORK/reference.sum" "$WORK/trial.sum"; then
    survived=$((survived + killed))
    echo "  trial $trial: tables equal the uninterrupted run's"
  else
    echo "  trial $trial: TABLES DIFFER"
    diff "$WORK/reference.sum" "$WORK/trial.sum" | sed 's/^/    /' || true
    tail -3 "$WORK/final.out" 2>/dev/null | sed 's/^/    /' || true
  fi
  mysql -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS $database"
done
echo "kills survived: $survived/$made"
[ "$survived" -eq "$made" ] && rm -rf "$WORK"
[ "$survived" -eq "$made" ]
