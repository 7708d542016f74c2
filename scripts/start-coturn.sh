#!/usr/bin/env bash
# Starts coturn (Debian's `coturn` package) on loopback for tests and local trials, with the
# TURN REST shared secret the app uses. Prints the variables to give the app. Usage:
#   scripts/start-coturn.sh [port] [secret]      stop: kill "$(cat /tmp/buergerbuero-coturn/pid)"
# On loopback, coturn refuses to relay to 127.0.0.1 unless allow-loopback-peers is set.
set -euo pipefail
port="${1:-3478}"
secret="${2:-buergerbuero-test-secret-0123456789}"
dir="${COTURN_DIR:-/tmp/buergerbuero-coturn-$port}"
mkdir -p "$dir"
relay_min=$(( (port % 20000) + 40000 ))  # a relay port range of its own, always below 65536
cat >"$dir/turnserver.conf" <<CONF
listening-ip=127.0.0.1
relay-ip=127.0.0.1
listening-port=$port
min-port=$relay_min
max-port=$((relay_min + 200))
realm=buergerbuero.local
use-auth-secret
static-auth-secret=$secret
allow-loopback-peers
no-multicast-peers
no-tls
no-dtls
no-cli
fingerprint
userdb=$dir/turndb
pidfile=$dir/pid
log-file=$dir/turn.log
simple-log
CONF
if [ -f "$dir/pid" ] && kill -0 "$(cat "$dir/pid")" 2>/dev/null; then
  kill "$(cat "$dir/pid")" && sleep 0.3
fi
turnserver -c "$dir/turnserver.conf" --daemon >/dev/null 2>&1 || true
for _ in $(seq 1 50); do
  if [ -f "$dir/pid" ] && kill -0 "$(cat "$dir/pid")" 2>/dev/null; then break; fi
  sleep 0.1
done
kill -0 "$(cat "$dir/pid")" 2>/dev/null || { echo "coturn did not start; see $dir/turn.log" >&2; exit 1; }
echo "TURN_URLS=turn:127.0.0.1:$port?transport=udp,turn:127.0.0.1:$port?transport=tcp"
echo "TURN_SECRET=$secret"
