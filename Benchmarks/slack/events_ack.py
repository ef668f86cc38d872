"""Slack Events API: from an event's arrival to its acknowledgement, under a
steady rate, against a running `incident-chat serve` (whose mentions also run
in the background and post their answers to a fake Slack).

Usage: events_ack.py HOST:PORT SIGNING_SECRET [RATE [SECONDS]]
Prints the acknowledgement's latency (p50, p99, max) and how many events
were sent; each event is a mention that runs list-incident-records."""
import hashlib
import hmac
import http.client
import json
import sys
import time

address, secret = sys.argv[1], sys.argv[2].encode()
rate = float(sys.argv[3]) if len(sys.argv) > 3 else 200
seconds = float(sys.argv[4]) if len(sys.argv) > 4 else 10
host, port = address.rsplit(":", 1)
connection = http.client.HTTPConnection(host, int(port), timeout=10)
latencies, statuses = [], {}
start = time.perf_counter()
n = int(rate * seconds)
for i in range(n):
    due = start + i / rate
    wait = due - time.perf_counter()
    if wait > 0:
        time.sleep(wait)
    ts = "1795700000.%06d" % i
    body = json.dumps({"type": "event_callback", "event_id": "EvBench%d" % i, "team_id": "T0ACME",
                       "authorizations": [{"user_id": "U0APP", "is_bot": True}],
                       "event": {"type": "app_mention", "user": "U0BOB", "channel": "C0OPS", "ts": ts,
                                 "text": "<@U0APP> ssm-incidents list-incident-records --max-results 1"}}).encode()
    stamp = str(int(time.time()))
    signature = "v0=" + hmac.new(secret, b"v0:" + stamp.encode() + b":" + body, hashlib.sha256).hexdigest()
    sent = time.perf_counter()
    connection.request("POST", "/slack/events", body, {"Content-Type": "application/json",
                       "X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": signature})
    response = connection.getresponse()
    response.read()
    latencies.append((time.perf_counter() - sent) * 1000)
    statuses[response.status] = statuses.get(response.status, 0) + 1
elapsed = time.perf_counter() - start
latencies.sort()
def pct(p): return latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))]
print(f"{n} events in {elapsed:.1f} s ({n / elapsed:.0f}/s), statuses {statuses}: "
      f"ack p50 {pct(50):.2f} ms, p99 {pct(99):.2f} ms, max {latencies[-1]:.2f} ms")
