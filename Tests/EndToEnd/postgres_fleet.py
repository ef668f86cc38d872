"""The browser channel of two `incident-chat serve` on one PostgreSQL database
(LISTEN/NOTIFY), over the page's WebSocket (websocket-client):

- a responder's message on server A reaches a browser on server B, in order,
  once; and one on B reaches A;
- a command run on A: B's browser sees it, its result and its notification;
  the channel's webhook gets that notification once (from A alone), and the
  one of a command on B once too;
- the database killed and started again (KILL_COMMAND, RESTART_COMMAND):
  B listens again, and a message sent on A afterwards reaches B.

Usage: postgres_fleet.py ENDPOINT_A ENDPOINT_B RECEIVED_JSONL
Prints one "ok ..." or "FAIL ..." line a check.
"""
import json
import os
import re
import subprocess
import sys
import time
import urllib.request

import websocket

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import check, finish  # noqa: E402

A, B, RECEIVED = sys.argv[1:4]
PLAN = "arn:aws:ssm-incidents::111122223333:response-plan/fleet-db"


def http(endpoint, path, body=None, headers=None):
    request = urllib.request.Request(endpoint + path, data=None if body is None else json.dumps(body).encode(),
                                     headers=headers or {}, method="GET" if body is None else "POST")
    with urllib.request.urlopen(request) as response:
        return dict(response.headers), json.loads(response.read() or b"{}")


def cookie_value(headers, name):
    for key, value in headers.items():
        if key.lower() == "set-cookie" and value.startswith(name + "="):
            return value.split(";", 1)[0].split("=", 1)[1]
    return None


class Browser:
    """A signed-in responder's socket on one server, and the messages it has seen."""

    def __init__(self, endpoint, name):
        headers, form = http(endpoint, "/channel/session")
        pre = cookie_value(headers, "ic_csrf")
        headers, me = http(endpoint, "/channel/signin", {"name": name, "password": ""},
                           {"Content-Type": "application/json", "X-CSRF-Token": form["csrf"], "Cookie": f"ic_csrf={pre}"})
        self.endpoint, self.name = endpoint, name
        self.cookie, self.csrf = f"ic_session={cookie_value(headers, 'ic_session')}", me["csrf"]
        self.seen = []
        self.connect(after=0)

    def connect(self, after):
        host = self.endpoint.split("//", 1)[1]
        self.ws = websocket.create_connection(f"ws://{host}/channel/socket?after={after}&csrf={self.csrf}",
                                              cookie=self.cookie, origin=self.endpoint, timeout=0.5)

    def send(self, text):
        self.ws.send(json.dumps({"type": "message", "text": text}))

    def read(self):
        try:
            frame = json.loads(self.ws.recv())
        except websocket.WebSocketTimeoutException:
            return
        if frame.get("type") == "message":
            self.seen.append(frame)
        elif frame.get("type") in ("refused", "private"):
            print("note:", self.name, frame, file=sys.stderr)

    def wait(self, predicate, seconds=20):
        end = time.time() + seconds
        while time.time() < end:
            if predicate(self.seen):
                return True
            self.read()
        return predicate(self.seen)


def texts(seen, kind=None):
    return [m["text"] for m in seen if kind is None or m["kind"] == kind]


def webhooks():
    try:
        with open(RECEIVED) as lines:
            return [json.loads(line) for line in lines if line.strip()]
    except FileNotFoundError:
        return []


alice, bob = Browser(A, "alice"), Browser(B, "bob")

alice.send("hello from A")
check(bob.wait(lambda s: "hello from A" in texts(s, "chat")), "a message sent on server A reaches a browser on server B")
bob.send("hello from B")
check(alice.wait(lambda s: "hello from B" in texts(s, "chat")), "and one sent on B reaches a browser on A")

# A command on A: B's browser sees the command, its result and the notification.
alice.send(f"@aws ssm-incidents start-incident --response-plan-arn {PLAN}")
check(bob.wait(lambda s: any("Database down" in t for t in texts(s, "notification"))),
      "a command run on A: B's browser sees its notification", repr(texts(bob.seen))[-300:])
check(any(t.startswith("@aws ssm-incidents start-incident") for t in texts(bob.seen, "command"))
      and texts(bob.seen, "result"), "and the command and its result")

# A command on B: its notification too reaches A's browser.
found = re.search(r"arn:aws:ssm-incidents::\d+:incident-record/[^\"\s]+", texts(bob.seen, "result")[-1])
incident = found.group(0) if found else "no-incident"
bob.send(f"@aws ssm-incidents update-incident-record --arn {incident} --impact 1")
check(alice.wait(lambda s: len(texts(s, "notification")) >= 2), "a command run on B: A's browser sees its notification",
      repr(texts(alice.seen, "notification")))

# The webhook: each notification once, whichever server ran the command.
end = time.time() + 20
while time.time() < end and len(webhooks()) < 2:
    time.sleep(0.1)
time.sleep(1)  # room for a second copy, were one sent
bodies = [hook["body"] for hook in webhooks()]
check(len(bodies) == 2 and "Database down" in bodies[0], "the webhook gets each notification once, from one server",
      f"{len(bodies)} requests: {[b[:80] for b in bodies]}")

# Every message in order, once, on both sides.
for browser in (alice, bob):
    browser.wait(lambda s: len(s) >= len(bob.seen if browser is alice else alice.seen), seconds=5)
seqs = [m["seq"] for m in bob.seen]
check(seqs == sorted(set(seqs)) and [m["seq"] for m in alice.seen] == seqs,
      "both browsers see the same messages, in order, once each", f"A {[m['seq'] for m in alice.seen]} B {seqs}")

# The database goes away and comes back: B listens again.
subprocess.run(["bash", "-c", os.environ["KILL_COMMAND"]], check=True)
subprocess.run(["bash", "-c", os.environ["RESTART_COMMAND"]], check=True)
arrived = False
end = time.time() + 30
attempt = 0
while time.time() < end and not arrived:
    attempt += 1
    alice.send(f"after the restart {attempt}")
    arrived = bob.wait(lambda s: any(t.startswith("after the restart") for t in texts(s, "chat")), seconds=2)
check(arrived, "after the database restarts, a message sent on A reaches B again")
finish()
