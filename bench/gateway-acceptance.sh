#!/usr/bin/env bash
# The gateway's acceptance scenario with stand-in replicas: three nginx instances (ports 8081-8083, each
# answering X-Instance-Id and a 200 readiness), the gateway jar in round-robin on port 9180.
# 1. 300 GET / are spread by X-Instance-Id; 2. /actuator/env is not reachable; 3. kill -9 of one replica
# 3 s into 10 s of 16-connection wrk load: wrk must report no non-2xx and no socket errors;
# 4. /actuator/backends shows the killed replica not UP.
# Needs: wrk, nginx, curl, a built gateway jar. Usage: bench/gateway-acceptance.sh (bench/run failover measures the same event against nginx and HAProxy)
set -euo pipefail
cd "$(dirname "$0")/.."
WORK="$(mktemp -d)"
JAR=gateway/target/scaleout-gateway-0.1.0-SNAPSHOT.jar
for i in 1 2 3; do
  cat > "$WORK/n$i.conf" <<CONF
worker_processes 1;
pid $WORK/n$i.pid;
error_log $WORK/n$i.err warn;
events { worker_connections 1024; }
http { access_log off; server { listen 127.0.0.1:808$i; location / { add_header X-Instance-Id replica-$i always; return 200 "ok\n"; } } }
CONF
  nginx -c "$WORK/n$i.conf"
done
java -jar "$JAR" --server.port=9180 --scaleout.gateway.strategy=round-robin \
  --scaleout.gateway.backends=http://127.0.0.1:8081,http://127.0.0.1:8082,http://127.0.0.1:8083 > "$WORK/gateway.log" 2>&1 &
GATEWAY=$!
cleanup() {
  kill "$GATEWAY" 2>/dev/null || true
  wait "$GATEWAY" 2>/dev/null || true
  for i in 1 2 3; do nginx -c "$WORK/n$i.conf" -s stop 2>/dev/null || true; done
}
trap cleanup EXIT
for _ in $(seq 1 60); do curl -fs http://127.0.0.1:9180/ >/dev/null 2>&1 && break; sleep 1; done

echo "== 300 GET / by X-Instance-Id"
for _ in $(seq 1 300); do curl -s -D - -o /dev/null http://127.0.0.1:9180/ | grep -i '^x-instance-id'; done | sort | uniq -c
echo "== GET /actuator/env: $(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:9180/actuator/env)"
echo "== 10 s of wrk -c16, kill -9 of replica-3 after 3 s"
(sleep 3; kill -9 "$(cat "$WORK/n3.pid")" $(pgrep -P "$(cat "$WORK/n3.pid")")) &
wrk -t2 -c16 -d10s http://127.0.0.1:9180/ | grep -E 'requests in|Non-2xx|Socket errors|Requests/sec' || true
echo "(no 'Non-2xx' or 'Socket errors' line above means none)"
echo "== /actuator/backends"
curl -s http://127.0.0.1:9180/actuator/backends; echo
grep -E 'ejected|is DOWN' "$WORK/gateway.log" | sed -E 's/^.*(Backend )/\1/' || true
