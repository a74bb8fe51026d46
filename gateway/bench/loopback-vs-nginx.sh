#!/usr/bin/env bash
# First throughput comparison of the Scaleout gateway against nginx, on loopback, same run:
# two tiny nginx backends (ports 9081, 9082), nginx as a balancing proxy in front of them
# (port 9090) and the gateway jar in front of the same two backends (port 9080).
# Needs: wrk, nginx, a built gateway jar (./mvnw -pl gateway -am package -DskipTests).
# Usage: gateway/bench/loopback-vs-nginx.sh [duration, default 20s] [connections, default 64]
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION="${1:-20s}"
CONNECTIONS="${2:-64}"
WORK="$(mktemp -d)"
JAR=gateway/target/scaleout-gateway-0.1.0-SNAPSHOT.jar

cat > "$WORK/nginx.conf" <<CONF
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  upstream replicas { server 127.0.0.1:9081; server 127.0.0.1:9082; keepalive 128; }
  server { listen 127.0.0.1:9081; location / { add_header X-Instance-Id replica-1; return 200 "ok\n"; } }
  server { listen 127.0.0.1:9082; location / { add_header X-Instance-Id replica-2; return 200 "ok\n"; } }
  server {
    listen 127.0.0.1:9090;
    location / {
      proxy_pass http://replicas;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header X-Forwarded-For \$remote_addr;
      proxy_set_header X-Real-IP \$remote_addr;
    }
  }
}
CONF

nginx -c "$WORK/nginx.conf"
java -jar "$JAR" --server.port=9080 \
  --scaleout.gateway.backends=http://127.0.0.1:9081,http://127.0.0.1:9082 \
  --scaleout.gateway.health.path=/ > "$WORK/gateway.log" 2>&1 &
GATEWAY=$!
cleanup() { kill "$GATEWAY" 2>/dev/null || true; nginx -c "$WORK/nginx.conf" -s stop 2>/dev/null || true; }
trap cleanup EXIT
for _ in $(seq 1 60); do curl -fs http://127.0.0.1:9080/ >/dev/null 2>&1 && break; sleep 1; done

echo "== warm-up (gateway, 15s, discarded)"
wrk -t2 -c"$CONNECTIONS" -d15s http://127.0.0.1:9080/ > /dev/null
echo "== nginx proxy"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency http://127.0.0.1:9090/
echo "== scaleout gateway"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency http://127.0.0.1:9080/
