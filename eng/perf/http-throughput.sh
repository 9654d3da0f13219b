#!/usr/bin/env bash
# Measures HTTP throughput and latency of the self-hosted pixel against nginx, in one run on the same machine:
#   nginx  - Debian's /usr/sbin/nginx serving empty_gif at /pixel.gif, one JSON access-log line per request written
#            to a file (eng/perf/nginx-pixel.conf), one worker, run in the foreground from a private temp prefix;
#   app    - samples/TrackingPixel.Sample.Local published in Release and run from the published folder, writing one
#            NDJSON record per request with the file publisher into a temp folder.
# Both get the same wrk load (1 thread, 32 keep-alive connections, a browser User-Agent, the README's query string),
# a warm-up run first, then the measured run. The server is pinned to CPU 1 and wrk to CPU 0 with taskset, so on a
# 2-core machine neither steals the other's core. Prints requests/s and p50/p90/p99 latency for each and the app/nginx
# ratio (the target is at least 0.8 of nginx's throughput, with every record written). Then stops the app
# gracefully (SIGTERM, handled like Ctrl+C: in-flight requests finish, the record file is flushed and closed), counts
# the lines in its record files and fails unless there is one per request wrk saw answered, warm-up included.
#
# Usage: eng/perf/http-throughput.sh
#   DURATION=15       seconds of the measured run for each server (default 15)
#   WARMUP=15         seconds of the warm-up run before it (default 15; see below)
#   CONNECTIONS=32    wrk connections (default 32)
#   NGINX_PORT=18480  APP_PORT=18481   loopback ports (defaults shown)
#   SERVER_CPU=1 WRK_CPU=0             CPUs to pin to (defaults shown)
#   MIN_RATIO=0.5     exit non-zero when app req/s < MIN_RATIO x nginx req/s (default 0: report only)
#   APP_ENV="K=V ..." extra environment for the app only, to try runtime knobs, e.g.
#                     APP_ENV=DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1
#                     (not the default: see docs of that variable)
#   KEEP=1            keep the temp folder (configs, logs, records, wrk output) and print where it is
# Why a 15 s warm-up: measured is the steady state of a long-running server. The .NET runtime starts the framework
# on its precompiled (ReadyToRun) code and recompiles the hot methods fully optimised only once the process has been
# free of new methods for a while - a delay ten times longer when the process may use a single CPU, as here - so on
# this machine the app reaches its steady throughput after about 15 s of load (the first 5 s run ~20% slower).
# nginx needs no warm-up but gets the same one.
# Needs: nginx, wrk, taskset, curl, the .NET 10 SDK. Other load on the machine makes the numbers noisy: run it twice.
set -euo pipefail
cd "$(dirname "$0")/../.."

duration="${DURATION:-15}"
warmup="${WARMUP:-15}"
connections="${CONNECTIONS:-32}"
nginx_port="${NGINX_PORT:-18480}"
app_port="${APP_PORT:-18481}"
server_cpu="${SERVER_CPU:-1}"
wrk_cpu="${WRK_CPU:-0}"
min_ratio="${MIN_RATIO:-0}"
read -ra app_env <<<"${APP_ENV:-}"
nginx_bin="${NGINX:-/usr/sbin/nginx}"
wrk_bin="${WRK:-/usr/bin/wrk}"
query='userid=aws_user&thirdpartyname=example.hightrafficwebsite.com'
user_agent='Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) '
user_agent+='Chrome/124.0.0.0 Safari/537.36'

for tool in "$nginx_bin" "$wrk_bin" taskset curl dotnet; do
    command -v "$tool" >/dev/null || { echo "error: $tool is not installed" >&2; exit 2; }
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/http-throughput.XXXXXX")
server_pid=""
cleanup() {
    if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    if [[ "${KEEP:-0}" == 1 ]]; then
        echo "kept: $tmp"
    else
        rm -rf "$tmp"
    fi
}
trap cleanup EXIT

# Fails when something already answers on the port: wait_ready would otherwise measure that instead.
ensure_free() {
    if curl -s -o /dev/null "http://127.0.0.1:$1/"; then
        echo "error: port $1 is in use; choose another with ${2}_PORT=<number>" >&2
        exit 2
    fi
}

# Waits until the server answers the pixel, or fails when it exits or takes longer than 30 s.
wait_ready() {
    local url=$1 pid=$2
    for _ in $(seq 300); do
        kill -0 "$pid" 2>/dev/null || { echo "error: the server exited before answering $url" >&2; return 1; }
        curl -fs -o /dev/null "$url" && return 0
        sleep 0.1
    done
    echo "error: $url did not answer within 30 s" >&2
    return 1
}

# run_wrk <seconds> <url> <output file>: the shared load, pinned to the wrk CPU.
run_wrk() {
    taskset -c "$wrk_cpu" "$wrk_bin" -t1 -c"$connections" -d"$1"s --latency -H "User-Agent: $user_agent" "$2" >"$3"
    if grep -qE 'Non-2xx|Socket errors' "$3"; then
        echo "error: wrk saw failed requests against $2:" >&2
        cat "$3" >&2
        return 1
    fi
}

# Prints a field of wrk's output: rps, requests (completed), p50/p90/p99 in milliseconds.
wrk_field() {
    awk -v want="$2" '
        function ms(v) {
            if (v ~ /us$/) return substr(v, 1, length(v) - 2) / 1000
            if (v ~ /ms$/) return substr(v, 1, length(v) - 2) + 0
            if (v ~ /s$/) return substr(v, 1, length(v) - 1) * 1000
            return v
        }
        want == "rps" && /^Requests\/sec:/ { print $2 }
        want == "requests" && / requests in / { print $1 }
        $1 == "50%" && want == "p50" { printf "%.3f\n", ms($2) }
        $1 == "90%" && want == "p90" { printf "%.3f\n", ms($2) }
        $1 == "99%" && want == "p99" { printf "%.3f\n", ms($2) }
    ' "$1"
}

# measure <name> <url>: warm-up then measured run; leaves $tmp/<name>.warmup.txt and $tmp/<name>.txt.
measure() {
    echo "  $1: warm-up ${warmup}s, then measured ${duration}s ..."
    run_wrk "$warmup" "$2" "$tmp/$1.warmup.txt"
    run_wrk "$duration" "$2" "$tmp/$1.txt"
}

echo "Machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), kernel $(uname -r)"
echo "dotnet --version: $(dotnet --version)"
echo "nginx -v: $("$nginx_bin" -v 2>&1 | sed 's/^nginx version: //')"
echo "wrk: $("$wrk_bin" --version 2>&1 | head -1 | cut -d' ' -f1-2)"
[[ ${#app_env[@]} -eq 0 ]] || echo "App environment: ${app_env[*]}"
echo "Load: wrk -t1 -c$connections -d${duration}s --latency (warm-up ${warmup}s)," \
  "server on CPU $server_cpu, wrk on CPU $wrk_cpu"
echo

# --- build the app first, so the compiler is not running while anything is measured ---------------------------------
# A private artifacts folder: the build does not touch the tree's bin/obj, which other builds may be using.
echo "Publishing samples/TrackingPixel.Sample.Local (Release) ..."
dotnet publish samples/TrackingPixel.Sample.Local -c Release -o "$tmp/app" --artifacts-path "$tmp/artifacts" \
    -nologo -v quiet >"$tmp/publish.log" 2>&1 || { cat "$tmp/publish.log" >&2; exit 1; }
settings='"System\.(GC\.Server|GC\.Concurrent|Runtime\.TieredPGO|Runtime\.TieredCompilation[A-Za-z.]*)": *[a-z]+'
echo "app runtime settings: $(grep -oE "$settings" \
    "$tmp/app/TrackingPixel.Sample.Local.runtimeconfig.json" \
    | tr -d '"' | sed 's/System\.//; s/: */=/' | paste -sd' ' -)"
# Let the build server and compiler processes settle before measuring.
sleep 2

# --- nginx ----------------------------------------------------------------------------------------------------------
prefix="$tmp/nginx"
mkdir -p "$prefix/logs" "$prefix/temp"
chmod 755 "$tmp" "$prefix"
sed "s/@PORT@/$nginx_port/" eng/perf/nginx-pixel.conf >"$prefix/nginx.conf"
"$nginx_bin" -t -q -p "$prefix/" -c "$prefix/nginx.conf" -e "$prefix/logs/error.log"
ensure_free "$nginx_port" NGINX
echo "nginx (empty_gif + JSON access log):"
taskset -c "$server_cpu" "$nginx_bin" -p "$prefix/" -c "$prefix/nginx.conf" -e "$prefix/logs/error.log" &
server_pid=$!
nginx_url="http://127.0.0.1:$nginx_port/pixel.gif?$query"
wait_ready "$nginx_url" "$server_pid"
measure nginx "$nginx_url"
kill -QUIT "$server_pid"   # graceful: workers finish, logs closed
wait "$server_pid" || true
server_pid=""
nginx_lines=$(wc -l <"$prefix/logs/pixel.ndjson")

# --- the app --------------------------------------------------------------------------------------------------------
records="$tmp/records"
ensure_free "$app_port" APP
echo "TrackingPixel.Sample.Local (ASP.NET Core, file publisher):"
env "${app_env[@]}" taskset -c "$server_cpu" "$tmp/app/TrackingPixel.Sample.Local" \
  --port "$app_port" --records "$records" >"$tmp/app.log" 2>&1 &
server_pid=$!
app_url="http://127.0.0.1:$app_port/pixel.gif?$query"
wait_ready "$app_url" "$server_pid"
measure app "$app_url"
# SIGTERM, not SIGINT: a non-interactive shell starts background jobs with SIGINT ignored. The host treats both as
# Ctrl+C: in-flight requests finish, then disposing the app flushes and closes the record file.
kill -TERM "$server_pid"
for _ in $(seq 300); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$server_pid" 2>/dev/null; then
    echo "error: the app did not stop within 30 s of SIGTERM" >&2
    exit 1
fi
app_exit=0
wait "$server_pid" || app_exit=$?
server_pid=""
if [[ "$app_exit" -ne 0 ]]; then
    echo "error: the app exited with $app_exit" >&2
    cat "$tmp/app.log" >&2
    exit 1
fi
app_records=$(find "$records" -name '*.ndjson' -type f -exec cat {} + | wc -l)
# The readiness probes are recorded too; count wrk's requests alone by their User-Agent.
app_wrk_records=$(find "$records" -name '*.ndjson' -type f -exec cat {} + | grep -cF "\"userAgent\":\"$user_agent\"" \
  || true)

# --- report ---------------------------------------------------------------------------------------------------------
echo
printf '%-8s %12s %10s %10s %10s\n' server 'requests/s' 'p50 ms' 'p90 ms' 'p99 ms'
for name in nginx app; do
    printf '%-8s %12.0f %10.3f %10.3f %10.3f\n' "$name" "$(wrk_field "$tmp/$name.txt" rps)" \
        "$(wrk_field "$tmp/$name.txt" p50)" "$(wrk_field "$tmp/$name.txt" p90)" "$(wrk_field "$tmp/$name.txt" p99)"
done
nginx_rps=$(wrk_field "$tmp/nginx.txt" rps)
app_rps=$(wrk_field "$tmp/app.txt" rps)
ratio=$(awk -v a="$app_rps" -v n="$nginx_rps" 'BEGIN { printf "%.2f", a / n }')
echo "app/nginx requests/s: $ratio"

nginx_requests=$(( $(wrk_field "$tmp/nginx.warmup.txt" requests) + $(wrk_field "$tmp/nginx.txt" requests) ))
app_requests=$(( $(wrk_field "$tmp/app.warmup.txt" requests) + $(wrk_field "$tmp/app.txt" requests) ))
echo "nginx: $nginx_requests requests completed (warm-up + measured), $nginx_lines access-log lines"
echo "app:   $app_requests requests completed (warm-up + measured), $app_wrk_records records written for them" \
    "($app_records with the readiness probes)"
# wrk stops with requests in flight, which the server still answers and records: records may exceed, never fall short.
if (( app_wrk_records < app_requests )); then
    echo "FAIL: the app wrote $app_wrk_records records for $app_requests completed requests" >&2
    exit 1
fi
echo "records check: passed (records >= requests completed)"

if awk -v r="$ratio" 'BEGIN { exit !(r >= 0.8) }'; then
    echo "target app/nginx >= 0.80: met"
else
    echo "target app/nginx >= 0.80: NOT met"
fi

if awk -v r="$ratio" -v m="$min_ratio" 'BEGIN { exit !(r < m) }'; then
    echo "FAIL: app/nginx $ratio is below $min_ratio" >&2
    exit 1
fi
