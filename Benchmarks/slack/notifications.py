"""Notifications through Slack's Web API, over HTTP: mentions of the app that
add a timeline event, spread evenly over INCIDENTS incidents at PER_MINUTE a
minute, each causing one "Timeline event added" notification that serve posts
to the fake Slack (Tests/EndToEnd/slack/fake_slack.py) in the incident's
thread. Waits for every notification, then prints how many arrived, whether
each incident's came in the order they were caused, and the delay from the
mention's acknowledgement to the notification's arrival (p50, p99, max).

Usage: notifications.py ENDPOINT SIGNING_SECRET RECORD ARNS_FILE [PER_MINUTE [SECONDS]]
Exits 1 when a notification is missing or out of order."""
import hashlib
import hmac
import http.client
import json
import re
import sys
import time
import urllib.parse

endpoint, secret, record_path, arns_path = sys.argv[1], sys.argv[2].encode(), sys.argv[3], sys.argv[4]
per_minute = float(sys.argv[5]) if len(sys.argv) > 5 else 1000
seconds = float(sys.argv[6]) if len(sys.argv) > 6 else 60
arns = open(arns_path).read().split()
url = urllib.parse.urlparse(endpoint)
connection = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
count = int(per_minute * seconds / 60)
rate = per_minute / 60
acknowledged = {}
start = time.perf_counter()
for i in range(count):
    wait = start + i / rate - time.perf_counter()
    if wait > 0:
        time.sleep(wait)
    arn = arns[i % len(arns)]
    text = (f"<@U0APP> ssm-incidents create-timeline-event --incident-record-arn {arn} --event-time 2026-11-24T10:00:00Z "
            f"--event-type 'Custom Event' --event-data '\"seq-{i:06d}\"'")
    body = json.dumps({"type": "event_callback", "event_id": "EvNote%d" % i, "team_id": "T0ACME",
                       "authorizations": [{"user_id": "U0APP", "is_bot": True}],
                       "event": {"type": "app_mention", "user": "U0BOB", "channel": "C0OPS", "ts": "1795900000.%06d" % i,
                                 "text": text}}).encode()
    stamp = str(int(time.time()))
    signature = "v0=" + hmac.new(secret, b"v0:" + stamp.encode() + b":" + body, hashlib.sha256).hexdigest()
    connection.request("POST", "/slack/events", body, {"Content-Type": "application/json",
                       "X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": signature})
    response = connection.getresponse()
    response.read()
    acknowledged[i] = time.time()
sent_in = time.perf_counter() - start


def notifications():
    """(seq number, incident ARN, arrival time, thread_ts, ts) of each, in arrival order."""
    found = []
    with open(record_path) as f:
        for line in f:
            r = json.loads(line)
            body = r.get("body")
            if r["method"] != "chat.postMessage" or not isinstance(body, dict) or "blocks" not in body:
                continue
            m = re.search(r"seq-(\d{6})", json.dumps(body["blocks"]))
            if m and "Timeline event added" in body.get("text", ""):
                found.append((int(m.group(1)), next((a for a in arns if a in body["text"]), None), r["time"],
                              body.get("thread_ts"), (r.get("answer") or {}).get("ts")))
    return found


deadline = time.time() + 120
while len(notifications()) < count and time.time() < deadline:
    time.sleep(0.2)
got = notifications()
by_incident = {}
posts = {}
for seq, arn, _, thread, ts in got:
    by_incident.setdefault(arn, []).append(seq)
    posts.setdefault(arn, []).append((thread, ts))
in_order = all(seqs == sorted(seqs) for seqs in by_incident.values())
# The first of an incident starts its thread; the others reply in it.
one_thread = all(p[0][0] is None and all(t == p[0][1] for t, _ in p[1:]) for p in posts.values())
delays = sorted((arrived - acknowledged[seq]) * 1000 for seq, _, arrived, _, _ in got)


def pct(p):
    return delays[min(len(delays) - 1, int(p / 100 * len(delays)))] if delays else float("nan")


print(f"{count} mentions in {sent_in:.1f} s ({count / sent_in * 60:.0f} a minute) across {len(arns)} incidents: "
      f"{len(got)} notifications, {len(by_incident)} incidents, each in order: {in_order}, "
      f"one thread each: {one_thread}; "
      f"from acknowledgement to the notification's arrival p50 {pct(50):.1f} ms, p99 {pct(99):.1f} ms, max {delays[-1] if delays else 0:.1f} ms")
sys.exit(0 if len(got) == count and in_order and one_thread else 1)
