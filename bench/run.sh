#!/usr/bin/env bash
# The load benchmark (README "Performance"): signed WeChat traffic against the bare baseline, then
# gridbot on MariaDB + Redis with one instance, then two instances sharing them. Not part of the
# test suite. Needs MariaDB on 127.0.0.1:3306 (root, no password) and Redis on 127.0.0.1:6379.
#   bash bench/run.sh                     # defaults below
#   DURATION=60 CONCURRENCY=8,32,64 RATE=40 bash bench/run.sh
#   PROFILE=1 bash bench/run.sh           # also record a JFR profile of the one-instance run
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-30}
WARMUP=${WARMUP:-20}
CONCURRENCY=${CONCURRENCY:-8,32,64}
RATE=${RATE:-40}
USERS=${USERS:-3000}
DB=${BENCH_DB:-gridbot_bench}
OUT=bench/target/results.json
APP_ID=wxbench000000000a
TOKEN=bench-token
JAVA_OPTS=${JAVA_OPTS:--Xms512m -Xmx1g}

if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  ./mvnw -B -q -DskipTests package -pl app,bench -am
fi
rm -f "$OUT"
mkdir -p bench/target
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

wait_up() { # url
  for _ in $(seq 1 120); do curl -sf -o /dev/null "$1" && return 0; sleep 1; done
  echo "bench: $1 did not come up" >&2; exit 1
}

load() { # label targets [extra]
  java $JAVA_OPTS -jar bench/target/gridbot-bench.jar load --label="$1" --target="$2" \
    --users="$USERS" --duration="$DURATION" --warmup="$WARMUP" --concurrency="$CONCURRENCY" \
    --rate="$RATE" --token="$TOKEN" --out="$OUT" "${@:3}"
}

echo "== baseline: Spring Boot + WxJava, fixed reply (also stands in for WeChat's API)"
java $JAVA_OPTS -Dbench.token=$TOKEN -jar bench/target/gridbot-bench.jar baseline --server.port=18081 \
  > bench/target/baseline.log 2>&1 &
pids+=($!)
wait_up http://127.0.0.1:18081/cgi-bin/token
load baseline http://127.0.0.1:18081

mysql -uroot -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
JDBC="jdbc:mysql://127.0.0.1:3306/$DB?user=root&password=&connectionTimeZone=UTC"
start_gridbot() { # port log [jvm flags]
  SPRING_PROFILES_ACTIVE=prod \
  GRIDBOT_DB_URL="jdbc:mysql://127.0.0.1:3306/$DB?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true" \
  GRIDBOT_DB_USER=root GRIDBOT_DB_PASSWORD= \
  GRIDBOT_REDIS_URL=redis://127.0.0.1:6379/0 \
  java $JAVA_OPTS "${@:3}" -jar app/target/gridbot-app.jar --server.port="$1" \
    --spring.flyway.locations=classpath:db/migration,classpath:db/demo \
    --gridbot.state.key-prefix="gridbot-bench:" \
    --gridbot.wechat.api-base-url=http://127.0.0.1:18081 \
    --gridbot.wechat.accounts[0].app-id=$APP_ID \
    --gridbot.wechat.accounts[0].secret=bench-secret \
    --gridbot.wechat.accounts[0].token=$TOKEN \
    --logging.level.io.gridbot=warn > "$2" 2>&1 &
  pids+=($!)
}

echo "== gridbot, one instance (MariaDB + Redis)"
redis-cli --scan --pattern 'gridbot-bench:*' | xargs -r redis-cli del > /dev/null
JFR=()
if [[ -n "${PROFILE:-}" ]]; then
  JFR=(-XX:StartFlightRecording=filename=bench/target/gridbot.jfr,settings=profile,dumponexit=true)
fi
start_gridbot 18080 bench/target/gridbot-1.log "${JFR[@]}"
wait_up http://127.0.0.1:18080/actuator/health
load gridbot-1-instance http://127.0.0.1:18080 --check-db="$JDBC" --run-id=1

echo "== gridbot, two instances sharing MariaDB and Redis"
start_gridbot 18090 bench/target/gridbot-2.log
wait_up http://127.0.0.1:18090/actuator/health
load gridbot-2-instances http://127.0.0.1:18080,http://127.0.0.1:18090 --check-db="$JDBC" --run-id=2

echo "== results ($OUT)"
java -jar bench/target/gridbot-bench.jar report "$OUT" | tee bench/target/report.txt
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
