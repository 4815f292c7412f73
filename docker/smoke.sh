#!/usr/bin/env bash
# Builds every app image and runs the deployment checklist against each container:
#   docker/smoke.sh                 # all six: the five apps, then the all-in-one
#   docker/smoke.sh rdap serp       # some of them
#   docker/smoke.sh all-in-one      # the five in one process: /mcp, and each /<app>/mcp too
# Needs a Docker engine whose containers can use the host network (../shared/tools/local-docker.sh
# gives one here), curl and node (any version) on the host. Not part of `pnpm test`: it takes minutes.
# Env: SMOKE_BASE_PORT (default 18181), SMOKE_NO_BUILD=1 to reuse images, SMOKE_TAG (default smoke),
#      SMOKE_REPORT=<file> to also write the markdown table there.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
STANDALONE=(annuaire rdap serp linkedin siret-extractor)
ALL_APPS=("${STANDALONE[@]}" all-in-one)
if [ "$#" -gt 0 ]; then APPS=("$@"); else APPS=("${ALL_APPS[@]}"); fi
BASE_PORT="${SMOKE_BASE_PORT:-18181}"
TAG="${SMOKE_TAG:-smoke}"
BASE_IMAGE="$(sed -n 's/^ARG NODE_IMAGE=//p' docker/Dockerfile)"
AUTH_USER=smoke
AUTH_PASS="pw-$(node -e 'process.stdout.write(require("node:crypto").randomBytes(18).toString("base64url"))')"
LOGDIR="$(mktemp -d /tmp/mcp-smoke.XXXXXX)"
STARTED=()
FAILURES=0
ROWS=()

log() { printf '[smoke] %s\n' "$*" >&2; }
now_ms() { date +%s%3N; }
ok() { printf '  ok   %s\n' "$*" >&2; }
bad() {
  printf '  FAIL %s\n' "$*" >&2
  FAILURES=$((FAILURES + 1))
}
cleanup() {
  for cid in "${STARTED[@]}"; do docker rm -f "$cid" >/dev/null 2>&1 || true; done
}
trap cleanup EXIT

# Names of the app's own tools, from the `name: '<tool>'` of each src/tools/<tool>.ts (one tool per file).
own_tools() {
  local app="$1" f base
  for f in apps/"$app"/src/tools/*.ts; do
    [ -e "$f" ] || continue
    base="$(basename "$f" .ts)"
    case "$base" in *.test) continue ;; esac
    if grep -q "name: '$base'" "$f"; then printf '%s\n' "$base"; fi
  done
}

# What POST /mcp lists: the app's tools; for the all-in-one, every tool of the five as <app>_<tool>
# (`-` in the app's name becomes `_`) and its own (research_company).
expected_tools() {
  local app="$1" other
  if [ "$app" = all-in-one ]; then
    for other in "${STANDALONE[@]}"; do own_tools "$other" | sed "s/^/$(printf '%s' "$other" | tr - _)_/"; done
  fi
  own_tools "$app"
}

# The JSON-RPC result of a POST /mcp answer, whether it came as JSON or as one SSE event.
tool_names_from() {
  node -e '
    let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
      const data = s.includes("data:") ? s.split("\n").filter((l) => l.startsWith("data:")).map((l) => l.slice(5)).pop() : s;
      const msg = JSON.parse(data);
      if (!msg.result) { process.stderr.write(s.slice(0, 300) + "\n"); process.exit(1); }
      process.stdout.write(msg.result.tools.map((t) => t.name).sort().join("\n") + "\n");
    });'
}

status_of() { curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$@"; }

# mcp_post <port> <body> [path, default /mcp]
mcp_post() {
  local port="$1" body="$2" path="${3:-/mcp}"
  curl -s --max-time 10 -u "$AUTH_USER:$AUTH_PASS" -X POST "http://127.0.0.1:$port$path" \
    -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream' \
    -H 'MCP-Protocol-Version: 2025-06-18' -d "$body"
}

# check_tools <app> <port> <path> <expected names, one a line>: tools/list on that endpoint lists them all.
check_tools() {
  local app="$1" port="$2" path="$3" expected="$4" listed missing
  if listed=$(mcp_post "$port" '{"jsonrpc":"2.0","id":2,"method":"tools/list"}' "$path" | tool_names_from); then
    # Byte order on both sides: comm needs one collation, and JS sorts by code unit.
    missing=$(LC_ALL=C comm -23 <(printf '%s\n' "$expected" | sed '/^$/d' | LC_ALL=C sort) \
      <(printf '%s\n' "$listed" | LC_ALL=C sort))
    if [ -n "$listed" ] && [ -z "$missing" ]; then
      ok "tools/list on $path -> $(printf '%s\n' "$listed" | grep -c .) tools: $(printf '%s' "$listed" | tr '\n' ' ' | cut -c1-160)"
    else
      bad "$app: tools/list on $path -> [$(printf '%s' "$listed" | tr '\n' ' ')], missing [$(printf '%s' "$missing" | tr '\n' ' ')]"
    fi
  else
    bad "$app: tools/list on $path failed"
  fi
}

build_image() {
  local app="$1" t0 t1
  t0=$(now_ms)
  if ! docker build --force-rm --network host -f docker/Dockerfile --build-arg "APP=$app" -t "mcp-$app:$TAG" . \
    >"$LOGDIR/build-$app.log" 2>&1; then
    tail -30 "$LOGDIR/build-$app.log" >&2
    bad "$app: image build failed (log: $LOGDIR/build-$app.log)"
    return 1
  fi
  t1=$(now_ms)
  log "$app: built mcp-$app:$TAG in $(((t1 - t0) / 1000)) s"
}

check_app() {
  local app="$1" port="$2"
  local image="mcp-$app:$TAG"
  local cid t0 ready_ms="-" healthy_ms="-" body code headers out rss="-" stop_ms exit_code
  local size base_size

  log "$app: refuses to start without credentials"
  if out=$(docker run --rm --network host -e "PORT=$port" "$image" 2>&1); then
    bad "$app: started without credentials"
  else
    printf '%s' "$out" | grep -q 'refusing to start' && ok "exit 1: $(printf '%s' "$out" | tail -1 | cut -c1-110)" \
      || bad "$app: no 'refusing to start' line: $out"
  fi

  log "$app: run on 127.0.0.1:$port"
  t0=$(now_ms)
  cid=$(docker run -d --network host --name "mcp-smoke-$app-$$" -e "PORT=$port" \
    -e "AUTH_USERNAME=$AUTH_USER" -e "AUTH_PASSWORD=$AUTH_PASS" "$image")
  STARTED+=("$cid")
  for _ in $(seq 1 750); do
    if [ "$(status_of "http://127.0.0.1:$port/")" = 200 ]; then ready_ms=$(($(now_ms) - t0)); break; fi
    [ "$(docker inspect -f '{{.State.Running}}' "$cid")" = true ] || break
    sleep 0.02
  done
  if [ "$ready_ms" = "-" ]; then
    docker logs "$cid" 2>&1 | tail -20 >&2
    bad "$app: GET / never answered 200 (container exited, or 15 s passed)"
    return
  fi

  # Process start (Docker's StartedAt) to the app's "listening" log line: Node + bundle + config only.
  local started listening boot_ms="-"
  started=$(date -d "$(docker inspect -f '{{.State.StartedAt}}' "$cid")" +%s%3N)
  listening=$(docker logs "$cid" 2>&1 | grep -m1 '"msg":"[^"]* listening"' | sed -n 's/.*"time":\([0-9]*\).*/\1/p')
  [ -n "$listening" ] && boot_ms=$((listening - started))
  # CPU time Node spent to get there (utime + stime of PID 1, in clock ticks): unlike wall time, it
  # does not grow when the machine is busy.
  local boot_cpu_ms
  boot_cpu_ms=$(docker exec "$cid" cat /proc/1/stat |
    awk -v hz="$(getconf CLK_TCK)" '{sub(/^.*\) /, ""); printf "%d", ($12 + $13) * 1000 / hz}')

  body=$(curl -s --max-time 5 "http://127.0.0.1:$port/")
  [ "$body" = '{"status":"ok"}' ] && ok "GET / -> 200 $body (${ready_ms} ms after docker run)" \
    || bad "$app: GET / body $body"

  headers=$(curl -s -D - -o /dev/null --max-time 5 "http://127.0.0.1:$port/mcp")
  code=$(printf '%s' "$headers" | head -1 | awk '{print $2}')
  if [ "$code" = 401 ] && printf '%s' "$headers" | grep -qi '^www-authenticate: basic'; then
    ok "GET /mcp without auth -> 401 with WWW-Authenticate: Basic"
  else
    bad "$app: GET /mcp without auth -> $code"
  fi

  code=$(status_of -u "$AUTH_USER:$AUTH_PASS" "http://127.0.0.1:$port/mcp")
  [ "$code" = 406 ] && ok "GET /mcp with auth, no Accept -> 406" || bad "$app: GET /mcp with auth -> $code"

  code=$(status_of -u "$AUTH_USER:wrong-password-123" "http://127.0.0.1:$port/mcp")
  [ "$code" = 401 ] && ok "wrong password -> 401" || bad "$app: wrong password -> $code"

  local init
  init=$(mcp_post "$port" '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"smoke","version":"1"}}}')
  printf '%s' "$init" | grep -q '"serverInfo"' && ok "initialize (2025-06-18) -> serverInfo" \
    || bad "$app: initialize answered: $(printf '%s' "$init" | head -c 200)"

  check_tools "$app" "$port" /mcp "$(expected_tools "$app")"
  # The all-in-one also serves each app on /<app>/mcp, its tools under their own names, behind the same auth.
  if [ "$app" = all-in-one ]; then
    local other
    for other in "${STANDALONE[@]}"; do
      code=$(status_of -X POST "http://127.0.0.1:$port/$other/mcp")
      [ "$code" = 401 ] && ok "POST /$other/mcp without auth -> 401" || bad "$app: POST /$other/mcp without auth -> $code"
      check_tools "$app" "$port" "/$other/mcp" "$(own_tools "$other")"
    done
  fi

  local stdio
  stdio=$(printf '%s\n%s\n' \
    '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"smoke","version":"1"}}}' \
    '{"jsonrpc":"2.0","id":2,"method":"tools/list"}' |
    timeout 20 docker run -i --rm --network host "$image" node dist/main.js --stdio 2>/dev/null || true)
  printf '%s' "$stdio" | grep -q '"tools"' && ok "--stdio: initialize + tools/list over stdin/stdout" \
    || bad "$app: --stdio answered: $(printf '%s' "$stdio" | head -c 200)"

  for _ in $(seq 1 300); do
    if [ "$(docker inspect -f '{{.State.Health.Status}}' "$cid")" = healthy ]; then
      healthy_ms=$(($(now_ms) - t0))
      break
    fi
    sleep 0.1
  done
  [ "$healthy_ms" != "-" ] && ok "docker health: healthy after ${healthy_ms} ms (first probe at the 10 s interval)" \
    || bad "$app: container never became healthy: $(docker inspect -f '{{json .State.Health}}' "$cid" | head -c 300)"

  rss=$(docker stats --no-stream --format '{{.MemUsage}}' "$cid" | awk '{print $1}')
  t0=$(now_ms)
  docker stop -t 15 "$cid" >/dev/null
  stop_ms=$(($(now_ms) - t0))
  exit_code=$(docker inspect -f '{{.State.ExitCode}}' "$cid")
  [ "$exit_code" = 0 ] && ok "docker stop: exit 0 after ${stop_ms} ms (SIGTERM handled)" \
    || bad "$app: docker stop exit code $exit_code after ${stop_ms} ms"
  docker rm "$cid" >/dev/null

  size=$(docker image inspect -f '{{.Size}}' "$image")
  # A buildx builder keeps the base image in its own store: then only the total is known.
  local over="-"
  if base_size=$(docker image inspect -f '{{.Size}}' "$BASE_IMAGE" 2>/dev/null); then
    over=$(awk -v s="$((size - base_size))" 'BEGIN{printf "%.2f MB", s/1e6}')
  fi
  ROWS+=("| $app | $(awk -v s="$size" 'BEGIN{printf "%.1f MB", s/1e6}') | $over | ${boot_cpu_ms} ms | ${boot_ms} ms | ${ready_ms} ms | ${healthy_ms} ms | $rss | ${stop_ms} ms |")
}

# The same measure for a bare Node HTTP server in the base image: what the engine and the machine
# cost by themselves, so the apps' own start-up time can be read off under any load.
baseline_row() {
  local port="$1" cid t0 ready_ms="-"
  docker image inspect "$BASE_IMAGE" >/dev/null 2>&1 || return 0
  t0=$(now_ms)
  cid=$(docker run -d --network host "$BASE_IMAGE" node -e \
    "require('node:http').createServer((q,s)=>s.end('ok')).listen($port,'127.0.0.1')")
  STARTED+=("$cid")
  for _ in $(seq 1 500); do
    if [ "$(status_of "http://127.0.0.1:$port/")" = 200 ]; then ready_ms=$(($(now_ms) - t0)); break; fi
    sleep 0.02
  done
  docker rm -f "$cid" >/dev/null
  ROWS+=("| (bare node http server, same engine) | - | - | - | - | ${ready_ms} ms | - | - | - |")
}

docker info >/dev/null 2>&1 || {
  log "no Docker engine (try: bash ../shared/tools/local-docker.sh)"
  exit 2
}
log "logs in $LOGDIR"
i=0
for app in "${APPS[@]}"; do
  [ -f "apps/$app/package.json" ] || {
    bad "$app: apps/$app does not exist"
    continue
  }
  if [ "${SMOKE_NO_BUILD:-0}" != 1 ]; then build_image "$app" || continue; fi
  check_app "$app" $((BASE_PORT + i))
  i=$((i + 1))
done

baseline_row $((BASE_PORT + i))
report=$(
  printf '| app | image | over base | CPU to listen | process start → listening | docker run → GET / 200 | docker healthy | RSS after tools/list | docker stop |\n'
  printf '|---|---|---|---|---|---|---|---|---|\n'
  printf '%s\n' "${ROWS[@]}"
)
printf '\nBase image %s: %s\n%s\n' "$BASE_IMAGE" \
  "$(docker image inspect -f '{{.Size}}' "$BASE_IMAGE" 2>/dev/null | awk '{printf "%.1f MB", $1/1e6}')" "$report"
[ -n "${SMOKE_REPORT:-}" ] && printf '%s\n' "$report" >"$SMOKE_REPORT"
if [ "$FAILURES" -gt 0 ]; then
  log "$FAILURES check(s) failed"
  exit 1
fi
log "all checks passed"
