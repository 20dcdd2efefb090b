#!/usr/bin/env bash
# Load run: wrk against the dev host (Release) on a throwaway in-memory Azurite, and against nginx serving the
# very same feed bytes from a file, on 127.0.0.1 only. Prints a Markdown table and writes it to bench/out/.
#
#   bench/load.sh                      # defaults: wrk -t2 -c32 -d15s --latency, 50 events in the feed
#   DURATION=30s CONNECTIONS=64 bench/load.sh
#   REQUEST_LOG=off bench/load.sh      # without the dev host's per-request log line
#   NO_BUILD=1 bench/load.sh           # use the existing Release build
#   EVENTS=5 SCENARIOS="nginx cached notmod" bench/load.sh   # a smaller feed, only some scenarios
#   HOST_SETTINGS="--Kestrel:Limits:MaxResponseBufferSize=1048576" bench/load.sh   # extra dev host configuration
#   PIN=1 bench/load.sh                # servers (Azurite, dev hosts, nginx) on CPU 0, wrk on CPU 1
#
# Everything it starts (Azurite, two dev host instances, nginx) is stopped on exit. On a 2-core machine wrk,
# nginx, the dev host and Azurite share both cores: the numbers are relative, not capacity.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-3s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
EVENTS=${EVENTS:-50}
REQUEST_LOG=${REQUEST_LOG:-on}
OUT_DIR=${OUT_DIR:-$ROOT/bench/out}
SCENARIOS=${SCENARIOS:-nginx cached notmod notmod0 changed creates}
NGINX=${NGINX:-/usr/sbin/nginx}
DLL=$ROOT/src/VisitPlanner.DevHost/bin/Release/net10.0/VisitPlanner.DevHost.dll
SERVER_CPU=()
WRK_CPU=()
NGINX_WORKERS=auto
if [[ -n ${PIN:-} ]]; then
  SERVER_CPU=(taskset -c 0)
  WRK_CPU=(taskset -c 1)
  NGINX_WORKERS=1
fi

for tool in wrk curl python3 node dotnet "$NGINX"; do
  command -v "$tool" >/dev/null || { echo "load.sh needs $tool (wrk and nginx-light are Debian packages)" >&2; exit 2; }
done

WORK=$(mktemp -d /tmp/visitplanner-load.XXXXXX)
chmod 755 "$WORK"   # nginx's workers run as an unprivileged user and read the feed file from here
PIDS=()

cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [[ -n ${KEEP_WORK:-} ]]; then echo "kept $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { echo "== $*" >&2; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

wait_http() { # url, seconds
  local deadline=$((SECONDS + $2))
  until curl -s -o /dev/null "$1"; do
    ((SECONDS < deadline)) || { echo "nothing answered at $1 within $2 s" >&2; return 1; }
    sleep 0.2
  done
}

# ---- build, Azurite, dev hosts ---------------------------------------------------------------------------
cd "$ROOT"
if [[ -z ${NO_BUILD:-} ]]; then
  log "building the dev host (Release)"
  dotnet build -c Release src/VisitPlanner.DevHost -nologo -v q -clp:ErrorsOnly >&2
fi
[[ -f node_modules/azurite/dist/src/table/main.js ]] || (log "npm ci (Azurite)"; npm ci --no-audit --no-fund --loglevel=error >&2)

AZURITE_PORT=$(free_port)
log "Azurite Table service in memory on 127.0.0.1:$AZURITE_PORT"
"${SERVER_CPU[@]}" node node_modules/azurite/dist/src/table/main.js --tableHost 127.0.0.1 --tablePort "$AZURITE_PORT" --inMemoryPersistence \
  --silent --skipApiVersionCheck --disableTelemetry >"$WORK/azurite.log" 2>&1 &
PIDS+=($!)
ACCOUNT_KEY='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==' # Azurite's public dev key
export VisitPlanner__Storage__ConnectionString="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$ACCOUNT_KEY;TableEndpoint=http://127.0.0.1:$AZURITE_PORT/devstoreaccount1;"
export VisitPlanner__Storage__TablePrefix=load
wait_http "http://127.0.0.1:$AZURITE_PORT/" 60

HOST_ARGS=()
[[ $REQUEST_LOG == off ]] && HOST_ARGS+=("--Logging:LogLevel:VisitPlanner.DevHost.Requests=Warning")
# Extra configuration for both dev hosts, e.g. HOST_SETTINGS="--Kestrel:Limits:MaxResponseBufferSize=1048576".
read -r -a EXTRA <<<"${HOST_SETTINGS:-}"
HOST_ARGS+=("${EXTRA[@]}")
# A: the default instance (an agenda's version trusted for 5 s). B: the same app on the same tables with
# VisitPlanner:Feeds:VersionCheckSeconds=0, so every poll reads the version from storage.
PORT_A=$(free_port)
PORT_B=$(free_port)
log "dev host A on :$PORT_A, B (VersionCheckSeconds=0) on :$PORT_B; request log $REQUEST_LOG"
"${SERVER_CPU[@]}" dotnet "$DLL" --port "$PORT_A" "${HOST_ARGS[@]}" >"$WORK/devhost-a.log" 2>&1 &
PIDS+=($!)
"${SERVER_CPU[@]}" dotnet "$DLL" --port "$PORT_B" --VisitPlanner:Feeds:VersionCheckSeconds=0 "${HOST_ARGS[@]}" >"$WORK/devhost-b.log" 2>&1 &
PIDS+=($!)
A=http://127.0.0.1:$PORT_A
B=http://127.0.0.1:$PORT_B
wait_http "$A/api/calendars/x" 120
wait_http "$B/api/calendars/x" 120

# ---- data: a public calendar with $EVENTS copies of the Shouyang visit, one a week from next week -------------
TODAY=$(TZ=Asia/Shanghai date +%F)
CALENDAR=load-trips
curl -sf -X PUT "$A/api/calendars/$CALENDAR" -H 'Content-Type: application/json' \
  -d '{"name":"寿阳经开区 外出考察","timeZone":"Asia/Shanghai","visibility":"public"}' >/dev/null
curl -sf -X PUT "$A/api/calendars/load-creates" -H 'Content-Type: application/json' \
  -d '{"name":"Load: creates","timeZone":"Asia/Shanghai","visibility":"public"}' >/dev/null
log "posting $EVENTS events to $CALENDAR"
for ((i = 0; i < EVENTS; i++)); do
  python3 bench/load/fixture.py "$(date -d "$TODAY + $((7 + 7 * i)) days" +%F)" "$CALENDAR" |
    curl -sf -X POST "$A/api/events" -H 'Content-Type: application/json' --data-binary @- >/dev/null
done
python3 bench/load/fixture.py "$(date -d "$TODAY + 30 days" +%F)" load-creates >"$WORK/create.json"

FEED_PATH=/api/calendars/$CALENDAR/feed.ics
curl -sf -D "$WORK/feed.headers" -o "$WORK/feed.ics" "$A$FEED_PATH"
chmod 644 "$WORK/feed.ics"
ETAG=$(awk 'tolower($1) == "etag:" { sub(/\r$/, "", $2); print $2 }' "$WORK/feed.headers")
FEED_BYTES=$(stat -c %s "$WORK/feed.ics")
VEVENTS=$(grep -c '^BEGIN:VEVENT' "$WORK/feed.ics")
log "feed: $FEED_BYTES bytes, $VEVENTS VEVENTs, ETag $ETAG"
curl -sf -o /dev/null "$B$FEED_PATH"   # B renders its own copy once

# ---- nginx serving the same bytes ---------------------------------------------------------------------------
NGINX_PORT=$(free_port)
mkdir -p "$WORK/nginx-temp"
cat >"$WORK/nginx.conf" <<EOF
worker_processes $NGINX_WORKERS;
daemon off;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  gzip off;
  keepalive_requests 1000000;
  types { }
  default_type "text/calendar; charset=utf-8";
  client_body_temp_path $WORK/nginx-temp;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location = /feed.ics {
      alias $WORK/feed.ics;
      add_header Cache-Control "public, max-age=300";
    }
  }
}
EOF
"${SERVER_CPU[@]}" "$NGINX" -p "$WORK" -c "$WORK/nginx.conf" -e "$WORK/nginx-error.log" &
PIDS+=($!)
N=http://127.0.0.1:$NGINX_PORT
wait_http "$N/feed.ics" 30
cmp -s "$WORK/feed.ics" <(curl -sf "$N/feed.ics") || { echo "nginx does not serve the feed's bytes" >&2; exit 1; }

# ---- runs ---------------------------------------------------------------------------------------------------
to_ms() { # wrk latency (850.00us, 2.28ms, 1.20s, 2.00m) to milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000; printf "%.2f", n }'
}

ROWS=()
declare -A RPS
run() { # key, description, expected status, url, [wrk script], [env...]
  local key=$1 what=$2 expect=$3 url=$4 script=${5:-}
  shift 5 || shift $#
  [[ " $SCENARIOS " == *" $key "* ]] || return 0
  local args=(-t"$THREADS" -c"$CONNECTIONS" --latency --timeout 10s)
  [[ -n $script ]] && args+=(-s "$ROOT/bench/load/$script")
  log "$what: warm-up $WARMUP"
  env "$@" "${WRK_CPU[@]}" wrk "${args[@]}" -d"$WARMUP" "$url" >/dev/null
  log "$what: $DURATION"
  env "$@" "${WRK_CPU[@]}" wrk "${args[@]}" -d"$DURATION" "$url" >"$WORK/$key.txt"
  local rps p50 p99 bad errors transfer
  rps=$(awk '/^Requests\/sec:/ { print $2 }' "$WORK/$key.txt")
  p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$WORK/$key.txt")")
  p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$WORK/$key.txt")")
  bad=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$WORK/$key.txt")
  errors=$(awk -F'Socket errors: ' '/Socket errors/ { print $2 }' "$WORK/$key.txt")
  transfer=$(awk '/^Transfer\/sec:/ { print $2 }' "$WORK/$key.txt")
  RPS[$key]=$rps
  ROWS+=("| $what | $expect | $(printf '%.0f' "$rps") | $p50 | $p99 | $transfer | ${bad:-0} | ${errors:-none} |")
  sed 's/^/    /' "$WORK/$key.txt" >&2
}

status_of() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
CHANGED_PROBE="$B$FEED_PATH?to=$(date -u -d "$TODAY + 500 days" +%FT%TZ)"
log "probe statuses: nginx $(status_of "$N/feed.ics"), A $(status_of "$A$FEED_PATH"), A conditional $(status_of -H "If-None-Match: $ETAG" "$A$FEED_PATH"), B conditional $(status_of -H "If-None-Match: $ETAG" "$B$FEED_PATH"), B new window $(status_of "$CHANGED_PROBE")"

run nginx "nginx, the same feed bytes from a file (sendfile)" 200 "$N/feed.ics" ""
run cached "VisitPlanner A: unchanged feed, 200 from the rendered cache" 200 "$A$FEED_PATH" ""
run notmod "VisitPlanner A: unchanged feed, If-None-Match → 304" 304 "$A$FEED_PATH" if-none-match.lua ETAG="$ETAG"
run notmod0 "VisitPlanner B: unchanged feed, If-None-Match → 304, version read from Azurite every poll" 304 "$B$FEED_PATH" if-none-match.lua ETAG="$ETAG"
run changed "VisitPlanner B: changed feed (every poll a new version: head + rows read, parsed, rendered)" 200 "$B$FEED_PATH" changed-window.lua PATH_BASE="$FEED_PATH"
run creates "VisitPlanner A: POST /api/events (the Shouyang fixture, 6 items)" 201 "$A/api/events" create.lua BODY_FILE="$WORK/create.json"

# ---- report -------------------------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f%%", 100 * a / b }'; }
mkdir -p "$OUT_DIR"
OUT=$OUT_DIR/load-$(date -u +%Y%m%dT%H%M%SZ).md
{
  echo "## Load run $(date -u '+%Y-%m-%d %H:%M') UTC"
  echo
  echo "Machine: $(nproc) cores ($(lscpu | awk -F: '/Model name/ { gsub(/^ +/, "", $2); print $2; exit }')), $(free -h | awk '/^Mem:/ { print $2 }') memory;" \
    "$(dotnet --version) SDK; $(wrk -v 2>&1 | head -1 | awk '{ print $1, $2 }'); $("$NGINX" -v 2>&1 | sed 's/.*version: //')." \
    "Source $(git rev-parse --short HEAD)$([[ -n $(git status --porcelain -- src) ]] && echo ' with uncommitted changes under src/')."
  echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency (after a $WARMUP warm-up), all on 127.0.0.1; $([[ -n ${PIN:-} ]] && echo "pinned: Azurite, the dev hosts and nginx (1 worker) on CPU 0, wrk on CPU 1." || echo "wrk, nginx (2 workers), the dev hosts and Azurite share the machine's cores.")"
  echo "Feed: $VEVENTS VEVENTs ($EVENTS events), $FEED_BYTES bytes. Dev host request log: $REQUEST_LOG (to a file).$([[ -n ${HOST_SETTINGS:-} ]] && echo " Dev host settings: $HOST_SETTINGS.")"
  echo
  echo "| scenario | status | requests/s | p50 ms | p99 ms | transfer/s | non-2xx/3xx | socket errors |"
  echo "| --- | --: | --: | --: | --: | --: | --: | --- |"
  printf '%s\n' "${ROWS[@]}"
  echo
  if [[ -n ${RPS[nginx]:-} && -n ${RPS[cached]:-} ]]; then
    echo "VisitPlanner/nginx on the same bytes: unchanged 200 from cache $(ratio "${RPS[cached]}" "${RPS[nginx]}")$([[ -n ${RPS[notmod]:-} ]] && echo "; 304 $(ratio "${RPS[notmod]}" "${RPS[nginx]}") of nginx's 200s")."
  fi
} | tee "$OUT"
log "written to $OUT"
