#!/usr/bin/env bash
# Runs the storage benchmarks (Keyline beside hand-written JDBC and Hibernate, on H2 and PostgreSQL)
# and writes the figures of docs/performance.md.
#
#   ./mvnw -B -ntp package -DskipTests     # builds benchmarks/target/keyline-benchmarks.jar
#   benchmarks/run.sh                       # short profile: every JMH figure, in under 10 minutes on a quiet two-core machine
#   benchmarks/run.sh --long                # the profile for publishing (well over an hour), the loops in turns included
#   benchmarks/run.sh --only commands       # one group: commands, bulk, outbox, outbox-history (long only), scale-h2,
#                                           # scale-postgres or in-turns (the loops in turns; in the short profile on --only)
#   benchmarks/run.sh --only commands,bulk  # several groups, in the order above
#   benchmarks/run.sh --cache-off           # Keyline's side with the JDBC provider's cache of committed saves off
#   benchmarks/run.sh --no-trust            # Keyline's side reading the parent row at every load (trustKeptStates(false))
#   benchmarks/run.sh --profile             # every trial under async-profiler (CPU time), summed up in profile.md
#   benchmarks/run.sh --only commands -- -f 1 -wi 3 -w 3s -i 5 -r 3s -e 'KeyAccount'   # JMH arguments after --
#                                           # replace the group's settings and parameters (its regex stays)
#
# The short profile keeps every workload but shrinks what takes long under load: bulk iterations of
# one transaction of 1,000 orders (the long profile: 100), the scale curve at 1,000 and 10,000
# orders on H2 and 1,000 to 100,000 on PostgreSQL (the long profile: 10,000 to 1,000,000 on both;
# H2 in memory holds 1,000,000 orders in about 5.1 GB of heap, so the long profile's H2 scale JVM
# has 12 GB, and the machine needs about 14 GB free for it).
#
# Output in benchmarks/target/storage/: one JMH JSON result per group, run.txt (machine, load
# averages, JMH settings), report.md (the tables) and scale-curve.svg (the chart); copy the last two
# into docs/ to publish them. The in-turns group runs no JMH: CommandTimes on H2 and PostgreSQL and
# InterleavedTimes, the loops that take the sides in turns in one JVM, each printing its periods and
# summaries to in-turns-h2.txt, in-turns-postgres.txt and interleaved.txt (JMH arguments after --
# do not apply to it). One PostgreSQL server is started for the whole run and shared by the
# forked benchmark JVMs; each trial works in a database of its own.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
JAR="$ROOT/benchmarks/target/keyline-benchmarks.jar"
OUT="$ROOT/benchmarks/target/storage"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
PROFILE=short
ONLY=
EXTRA=()         # JMH arguments given after --
# Every JVM that measures runs the parallel collector on a fixed heap: with G1 and a growing heap
# the concurrent collector's work shares the two cores with the benchmark, and the raw side's own
# provisioning mix on H2 moved from 2,072 to 13,911 commands/s from one iteration to the next; with
# these settings it stays within 15,127 to 18,245. Both sides of every comparison get the same JVM.
GC=(-XX:+UseParallelGC)
FORK_HEAP="-Xms4g -Xmx4g"
KEYLINE_FLAGS=""  # system properties for Keyline's side
KEYLINE_PROP=()  # the same for the JVM that runs the unforked scale groups
PROFILE_CPU=     # set by --profile
# async-profiler, resolved from Maven Central like the build's dependencies; its jar carries the
# native library for each platform
ASYNC_PROFILER=tools.profiler:async-profiler:4.1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --long) PROFILE=long ;;
    --cache-off)
      KEYLINE_FLAGS+=" -Dkeyline.cachedAggregateRows=0"
      KEYLINE_PROP+=(-Dkeyline.cachedAggregateRows=0)
      ;;
    --no-trust)
      KEYLINE_FLAGS+=" -Dkeyline.trustKeptStates=false"
      KEYLINE_PROP+=(-Dkeyline.trustKeptStates=false)
      ;;
    --profile) PROFILE_CPU=1 ;;
    --only)
      ONLY="${2:-}"
      shift
      ;;
    --)
      shift
      EXTRA=("$@")
      break
      ;;
    *)
      echo "usage: $0 [--long] [--cache-off] [--no-trust] [--profile] [--only GROUP[,GROUP...]] (groups: commands bulk outbox outbox-history scale-h2 scale-postgres in-turns) [-- JMH-ARGS...]" >&2
      exit 2
      ;;
  esac
  shift
done
if [[ -n "$ONLY" ]]; then
  IFS=, read -r -a GROUPS_ASKED <<< "$ONLY"
  for g in "${GROUPS_ASKED[@]}"; do
    case "$g" in
      commands|bulk|outbox|outbox-history|scale-h2|scale-postgres|in-turns) ;;
      *) echo "--only: no group '$g' (groups: commands bulk outbox outbox-history scale-h2 scale-postgres in-turns)" >&2; exit 2 ;;
    esac
  done
fi
if [[ ! -f "$JAR" ]]; then
  echo "missing $JAR: run ./mvnw -B -ntp package -DskipTests first" >&2
  exit 2
fi

# JMH settings per group: throughput groups (-wi/-w/-i/-r), single-shot groups (-wi/-i and the batch
# of transactions per iteration), and the scale group, which runs without forking (see ScaleBenchmark).
if [[ "$PROFILE" == long ]]; then
  COMMANDS=(-f 2 -wi 3 -w 10s -i 5 -r 10s)
  BULK=(-f 1 -wi 1 -wbs 20 -i 3 -bs 100)      # 100 transactions of 1,000 orders per iteration
  OUTBOX=(-f 1 -wi 60 -i 10)                  # to the no-op sink: Keyline's relay reaches its steady
                                              # state after about 45 iterations of 2,000 events (the JIT
                                              # compiles its loops over a batch late), 30 % faster
  OUTBOX_WEBHOOK=(-f 1 -wi 2 -i 5)            # to the webhook sink, whose HTTP posts take the time
  SCALE=(-f 0 -wi 2 -w 10s -i 5 -r 10s)
  H2_ROWS=10000,100000,1000000                # 1,000,000 orders in H2 in memory take about 5.1 GB of
  H2_SCALE_HEAP=12g                           # heap once loaded (loading them, about 5 minutes)
  POSTGRES_ROWS=10000,100000,1000000
  IN_TURNS=(6 4)                              # CommandTimes: rounds, seconds a period
  INTERLEAVED=(13 3)                          # InterleavedTimes: the same
else
  COMMANDS=(-f 1 -wi 1 -w 1s -i 3 -r 1s -p newDatabase=trial)
                                            # 1 s a warm-up and an iteration, the classes archived
                                            # for every JVM (below) and one database per trial keep
                                            # the whole profile under 10 minutes with the outbox's
                                            # raw relay and every mix's Hibernate side (until
                                            # 2026-12-05: a warm-up of 3 s, then 2 s, and iterations
                                            # of 2 s; a database per iteration, as the long profile
                                            # makes, took it to 11 min 29 s)
  BULK=(-f 1 -wi 1 -wbs 1 -i 3 -bs 1)         # 1 transaction of 1,000 orders per iteration
  OUTBOX=(-f 1 -wi 1 -i 3)
  OUTBOX_WEBHOOK=()                           # both sinks in one run with the settings above
  SCALE=(-f 0 -wi 1 -w 1s -i 3 -r 1s)
  H2_ROWS=1000,10000                          # loading H2 in memory is the slow part
  H2_SCALE_HEAP=6g
  POSTGRES_ROWS=1000,10000,100000
  IN_TURNS=(3 2)                              # the loops in turns, on --only in-turns only: about 4
  INTERLEAVED=(4 2)                           # minutes, which the short profile has no room for
fi

mkdir -p "$OUT"
rm -f "$OUT"/*.json "$OUT/postgres.port" "$OUT/classes.jsa" "$OUT"/in-turns-*.txt "$OUT/interleaved.txt"
rm -rf "$OUT/profile" "$OUT/profile.md"

# --profile: JMH's async-profiler integration samples the CPU time of every trial's JVM (itimer
# needs no privileges, unlike perf events) and writes its stacks in collapsed form
PROF=()
if [[ -n "$PROFILE_CPU" ]]; then
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) AP_DIR=linux-x64 ;;
    Linux-aarch64) AP_DIR=linux-arm64 ;;
    *) echo "--profile: async-profiler's library is here for Linux on x86-64 and ARM64 only" >&2; exit 2 ;;
  esac
  mkdir -p "$OUT/profiler"
  "$ROOT/mvnw" -B -q -ntp -N -f "$ROOT/pom.xml" dependency:copy -Dartifact="$ASYNC_PROFILER" \
    -DoutputDirectory="$OUT/profiler" -Dmdep.stripVersion=true
  (cd "$OUT/profiler" && "${JAVA_HOME:+$JAVA_HOME/bin/}jar" xf async-profiler.jar "$AP_DIR/libasyncProfiler.so")
  PROF=(-prof "async:libPath=$OUT/profiler/$AP_DIR/libasyncProfiler.so;event=itimer;interval=1000000;output=collapsed;dir=$OUT/profile")
fi
# run from a copy, so that a build during the run cannot change the classes under the forks
cp "$JAR" "$OUT/keyline-benchmarks.jar"
JAR="$OUT/keyline-benchmarks.jar"

# One PostgreSQL server for the run, stopped when this script ends.
exec 3> >("$JAVA" -cp "$JAR" dev.keyline.benchmarks.storage.PostgresServerMain "$OUT/postgres.port" > "$OUT/postgres.log" 2>&1)
SERVER_PID=$!
trap 'exec 3>&-; wait "$SERVER_PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  [[ -f "$OUT/postgres.port" ]] && break
  sleep 1
done
if [[ ! -f "$OUT/postgres.port" ]]; then
  echo "the PostgreSQL server did not start; see $OUT/postgres.log" >&2
  exit 1
fi
export KEYLINE_BENCHMARK_POSTGRES_PORT="$(cat "$OUT/postgres.port")"

# Class data sharing: the classes the measuring JVMs load (Keyline, H2, the PostgreSQL driver,
# Flyway, Jackson, Hibernate, JMH) archived once, by a run of a few milliseconds of the reservation
# mix on both databases and all three sides, and mapped by every JVM of the run instead of being
# read and verified from the jar again. A fork then starts about 1 s sooner, 2.3 s sooner with
# Hibernate (from 4.5 to 3.5 s and from 7.0 to 4.7 s for a trial measured for 1 s), which keeps
# the short profile under 10 minutes with every mix's Hibernate side. It changes how classes are
# loaded, not the code the JIT compiles, and every side of every comparison runs with it. Should
# the archive fail, the JVMs load the classes from the jar as before.
SHARE=()
if "$JAVA" -XX:ArchiveClassesAtExit="$OUT/classes.jsa" "${GC[@]}" $FORK_HEAP -jar "$JAR" 'ReservationMixBenchmark' \
    -f 0 -wi 0 -i 1 -r 100ms > "$OUT/classes.log" 2>&1 && [[ -f "$OUT/classes.jsa" ]]; then
  SHARE=(-XX:SharedArchiveFile="$OUT/classes.jsa")
else
  echo "archiving the classes failed (see $OUT/classes.log); the JVMs read them from the jar" >&2
fi
KEYLINE_JVM=(-jvmArgsAppend "${GC[*]} $FORK_HEAP ${SHARE[*]}$KEYLINE_FLAGS")  # JMH arguments for the forks

{
  echo "profile: $PROFILE"
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(nproc) cores"
  echo "memory: $(free -g | awk '/^Mem:/ { print $2 " GB" }')"
  echo "java: $("$JAVA" -version 2>&1 | head -1)"
  echo "commands: ${COMMANDS[*]}"
  echo "bulk: ${BULK[*]}"
  if [[ ${#OUTBOX_WEBHOOK[@]} -gt 0 ]]; then
    echo "outbox: ${OUTBOX[*]} to the no-op sink, ${OUTBOX_WEBHOOK[*]} to the webhook sink"
  else
    echo "outbox: ${OUTBOX[*]}"
  fi
  echo "scale: ${SCALE[*]}, H2 rows $H2_ROWS, PostgreSQL rows $POSTGRES_ROWS"
  echo "in turns: CommandTimes ${IN_TURNS[*]} (rounds, seconds a period), InterleavedTimes ${INTERLEAVED[*]}"
  echo "forked JVMs: ${GC[*]} $FORK_HEAP; unforked scale JVMs: ${GC[*]} -Xms$H2_SCALE_HEAP -Xmx$H2_SCALE_HEAP on H2, -Xms6g -Xmx6g on PostgreSQL"
  echo "class data sharing: ${SHARE[*]:-off (the archive failed)}"
  echo "keyline: ${KEYLINE_FLAGS:- the defaults of the JDBC provider}"
  echo "extra JMH arguments: ${EXTRA[*]:-none}"
} > "$OUT/run.txt"

# run NAME JMH-ARGS...: one group, with the load average before and after, its results in NAME.json
run() {
  run_part "$1" "$@"
}

# run_part GROUP NAME JMH-ARGS...: a part of a group, its results in NAME.json
run_part() {
  local group="$1"
  shift
  local name="$1"
  shift
  if [[ -n "$ONLY" && ",$ONLY," != *",$group,"* ]]; then
    return
  fi
  if [[ ${#EXTRA[@]} -gt 0 ]]; then
    set -- "$1" "${EXTRA[@]}"
  fi
  echo "load before $name: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/run.txt"
  local start=$SECONDS
  "$JAVA" "${JVM[@]}" "${SHARE[@]}" "${KEYLINE_PROP[@]}" -jar "$JAR" "$@" "${KEYLINE_JVM[@]}" "${PROF[@]}" -rf json -rff "$OUT/$name.json" > "$OUT/$name.log" 2>&1 || {
    echo "$name failed; see $OUT/$name.log" >&2
    exit 1
  }
  echo "load after $name: $(cut -d' ' -f1-3 /proc/loadavg) ($(( SECONDS - start )) s)" | tee -a "$OUT/run.txt"
}

JVM=()
run commands 'KeyAccountMixBenchmark|ProvisioningMixBenchmark|ReservationMixBenchmark|SlaOrderMixBenchmark|BudgetCommitmentMixBenchmark' "${COMMANDS[@]}"
run bulk 'BulkBenchmark' "${BULK[@]}"
# the long profile's two parts differ only in their settings, which JMH arguments after -- replace:
# then the group runs once, as those arguments say (before 2026-12-07 it ran them twice)
if [[ ${#OUTBOX_WEBHOOK[@]} -gt 0 && ${#EXTRA[@]} -eq 0 ]]; then
  run_part outbox outbox 'OutboxBenchmark' "${OUTBOX[@]}" -p sink=noop
  run_part outbox outbox-webhook 'OutboxBenchmark' "${OUTBOX_WEBHOOK[@]}" -p sink=webhook
else
  run outbox 'OutboxBenchmark' "${OUTBOX[@]}"
fi
if [[ "$PROFILE" == long ]]; then
  # the relay on PostgreSQL with 100,000 delivered entries waiting to be purged before the pending
  # ones: a claim's cost must not grow with them (long profile only: the history takes a while to write)
  run outbox-history 'OutboxBenchmark' "${OUTBOX[@]}" -p database=POSTGRES -p sink=noop -p history=100000
fi
JVM=("${GC[@]}" -Xms$H2_SCALE_HEAP -Xmx$H2_SCALE_HEAP)
run scale-h2 'ScaleBenchmark' "${SCALE[@]}" -p database=H2 -p rows="$H2_ROWS"
JVM=("${GC[@]}" -Xms6g -Xmx6g)
run scale-postgres 'ScaleBenchmark' "${SCALE[@]}" -p database=POSTGRES -p rows="$POSTGRES_ROWS"

# loop NAME CLASS ARGS...: one of the loops in turns, in a JVM of its own with the forks' settings,
# its periods and summaries in NAME.txt
loop() {
  local name="$1"
  shift
  echo "load before $name: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/run.txt"
  local start=$SECONDS
  "$JAVA" "${GC[@]}" $FORK_HEAP "${SHARE[@]}" "${KEYLINE_PROP[@]}" -cp "$JAR" "dev.keyline.benchmarks.storage.$@" \
      > "$OUT/$name.txt" 2> "$OUT/$name.log" || {
    echo "$name failed; see $OUT/$name.log" >&2
    exit 1
  }
  echo "load after $name: $(cut -d' ' -f1-3 /proc/loadavg) ($(( SECONDS - start )) s)" | tee -a "$OUT/run.txt"
}

if [[ ( "$PROFILE" == long && -z "$ONLY" ) || ",$ONLY," == *",in-turns,"* ]]; then
  loop in-turns-h2 CommandTimes H2 "${IN_TURNS[@]}"
  loop in-turns-postgres CommandTimes POSTGRES "${IN_TURNS[@]}"
  loop interleaved InterleavedTimes "${INTERLEAVED[@]}"
fi

shopt -s nullglob
RESULTS=("$OUT"/*.json)
shopt -u nullglob
if [[ ${#RESULTS[@]} -gt 0 ]]; then
  "$JAVA" -cp "$JAR" dev.keyline.benchmarks.storage.JmhReport "$OUT/report.md" "$OUT/scale-curve.svg" "${RESULTS[@]}"
fi
if [[ -n "$PROFILE_CPU" ]]; then
  mapfile -t PROFILES < <(find "$OUT/profile" -name 'collapsed-*.csv' | sort)
  "$JAVA" -cp "$JAR" dev.keyline.benchmarks.storage.ProfileSummary "$OUT/profile.md" "${PROFILES[@]}"
  echo "profiles: $OUT/profile.md (summary), $OUT/profile/ (the stacks)"
fi
echo
cat "$OUT/run.txt"
if [[ ${#RESULTS[@]} -gt 0 ]]; then
  echo
  cat "$OUT/report.md"
fi
for turns in "$OUT"/in-turns-h2.txt "$OUT"/in-turns-postgres.txt "$OUT"/interleaved.txt; do
  if [[ -f "$turns" ]]; then
    echo
    echo "$(basename "$turns"):"
    grep -E ' over [0-9]+ rounds' "$turns"
  fi
done
