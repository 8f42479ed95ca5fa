#!/usr/bin/env bash
# Times `keyline classify` against DuckDB on the same 12-million-row spend file and prints the ratio.
#
#   ./mvnw -B -ntp package -DskipTests        # builds examples/target/keyline.jar and the benchmarks jar
#   benchmarks/classify-vs-duckdb.sh [ROUNDS]  # default 3 rounds; medians are reported
#
# The file (1,000,000 customers x 12 months, four networks, 12,000,001 lines) is generated with a
# fixed seed into benchmarks/target/classify/spend.csv the first time and reused afterwards.
# Keyline runs with a heap capped at 512 MB, by the share rule (default 30 %) and by a monthly
# minimum for every network; DuckDB runs the equivalent SQL query over the same CSV through JDBC
# (dev.keyline.benchmarks.DuckDbClassify). Both are timed as whole processes, JVM start included.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
ROUNDS="${1:-3}"
KEYLINE_JAR="$ROOT/examples/target/keyline.jar"
BENCH_JAR="$ROOT/benchmarks/target/keyline-benchmarks.jar"
DATA="$ROOT/benchmarks/target/classify"
FILE="$DATA/spend.csv"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
MINIMUM="10000"

for jar in "$KEYLINE_JAR" "$BENCH_JAR"; do
  if [[ ! -f "$jar" ]]; then
    echo "missing $jar: run ./mvnw -B -ntp package -DskipTests first" >&2
    exit 2
  fi
done

mkdir -p "$DATA"
if [[ ! -f "$FILE" ]]; then
  echo "generating $FILE (1,000,000 customers x 12 months, seed 20240101) ..."
  "$JAVA" -cp "$BENCH_JAR" dev.keyline.benchmarks.SpendFileGenerator "$FILE" 1000000 12 20240101
fi
ROWS=$(( $(wc -l < "$FILE") - 1 ))
SIZE_MB=$(( $(stat -c %s "$FILE") / 1048576 ))
cat "$FILE" > /dev/null # into the page cache, so neither side pays for the first read
echo "file: $FILE, $ROWS rows, $SIZE_MB MB; $(nproc) cores; $ROUNDS rounds"

# run NAME OUTPUT COMMAND...: runs once, appends "seconds rss_kb" to $DATA/NAME.times
run() {
  local name="$1" output="$2"
  shift 2
  local start end rss=0
  start=$(date +%s%N)
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -f "%M" -o "$DATA/$name.rss" "$@" > "$output"
    rss=$(tail -1 "$DATA/$name.rss")
  else
    "$@" > "$output"
  fi
  end=$(date +%s%N)
  echo "$(( (end - start) / 1000000 )) $rss" >> "$DATA/$name.times"
}

MINIMUM_ARGS=()
for network in KM SZ XA YX; do MINIMUM_ARGS+=(--minimum "$network=$MINIMUM"); done

rm -f "$DATA"/*.times
for round in $(seq 1 "$ROUNDS"); do
  run keyline-share "$DATA/keyline-share.json" "$JAVA" -Xmx512m -jar "$KEYLINE_JAR" classify --quiet --spend "$FILE"
  run duckdb-share "$DATA/duckdb-share.txt" "$JAVA" -cp "$BENCH_JAR" dev.keyline.benchmarks.DuckDbClassify "$FILE" share 0.30
  run keyline-minimum "$DATA/keyline-minimum.json" "$JAVA" -Xmx512m -jar "$KEYLINE_JAR" classify --quiet --spend "$FILE" "${MINIMUM_ARGS[@]}"
  run duckdb-minimum "$DATA/duckdb-minimum.txt" "$JAVA" -cp "$BENCH_JAR" dev.keyline.benchmarks.DuckDbClassify "$FILE" minimum "$MINIMUM"
done

# median NAME: the median wall time in ms
median() { cut -d' ' -f1 "$DATA/$1.times" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
# peak NAME: the largest resident set in MB
peak() { cut -d' ' -f2 "$DATA/$1.times" | sort -n | tail -1 | awk '{ print int($1 / 1024) }'; }

echo
printf '%-8s %-9s %10s %14s %12s %12s\n' rule side "wall (s)" "rows/s" "RSS (MB)" "key accounts"
for rule in share minimum; do
  k=$(median "keyline-$rule"); d=$(median "duckdb-$rule")
  k_accounts=$(grep -o '"customer"' "$DATA/keyline-$rule.json" | wc -l)
  d_accounts=$(awk '{ n += $2 } END { print n }' "$DATA/duckdb-$rule.txt")
  printf '%-8s %-9s %10.2f %14d %12s %12s\n' "$rule" keyline "$(awk "BEGIN { print $k / 1000 }")" $(( ROWS * 1000 / k )) "$(peak "keyline-$rule")" "$k_accounts"
  printf '%-8s %-9s %10.2f %14d %12s %12s\n' "$rule" duckdb "$(awk "BEGIN { print $d / 1000 }")" $(( ROWS * 1000 / d )) "$(peak "duckdb-$rule")" "$d_accounts"
  printf '%-8s ratio keyline / duckdb = %.2f\n' "$rule" "$(awk "BEGIN { print $k / $d }")"
done
echo "(keyline heap capped at -Xmx512m; medians of $ROUNDS rounds; whole processes, JVM start included)"
