"""A fake Slack Web API (and a Teams workflow webhook) for slack.sh, on a free loopback port.

Usage: fake_slack.py RECORD_FILE PORT_FILE

  POST /api/chat.postMessage    {"ok": true, "channel": ..., "ts": "1795514400.0000N"}
  POST /api/chat.postEphemeral  {"ok": true, "message_ts": ...}
  POST /api/users.info          user=U0ALICE (form): {"ok": true, "user": {"id": ..., "name": ...}}
                                from NAMES below, else {"ok": false, "error": "user_not_found"}
  POST /api/conversations.history  latest=TS (form): the message the test put there, if any
  POST /teams/workflow          202 (a Teams workflow webhook takes the card)
  POST /control                 {"rate_limit": N}: answer the next N API calls 429 with Retry-After: 1;
                                {"messages": {TS: {"user": ..., "text": ...}}}: messages of the channel

Every request is recorded as one JSON line: method (the last path part), the
status answered, the Authorization header, the Content-Type and the body
(parsed: JSON, or the form's fields).
"""
import json
import os
import sys
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "support"))
from fake_server import reply, serve  # noqa: E402

record_path, port_path = sys.argv[1], sys.argv[2]
NAMES = {"U0ALICE": "alice", "U0MAL": "mallory"}
lock = threading.Lock()
state = {"ts": 0, "rate_limit": 0, "messages": {}}


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode("utf-8", "replace")
        kind = self.headers.get("Content-Type", "")
        try:
            body = json.loads(raw) if "json" in kind else dict(urllib.parse.parse_qsl(raw))
        except ValueError:
            body = raw
        method = self.path.rstrip("/").split("/")[-1]
        status, headers, answer = 200, {}, {"ok": True}
        with lock:
            if self.path == "/control":
                state["rate_limit"] = int(body.get("rate_limit", 0))
                state["messages"].update(body.get("messages", {}))
                method = "control"
            elif self.path.startswith("/teams/"):
                status, answer = 202, None
            elif state["rate_limit"] > 0:
                state["rate_limit"] -= 1
                status, headers, answer = 429, {"Retry-After": "1"}, {"ok": False, "error": "ratelimited"}
            elif method == "chat.postMessage":
                state["ts"] += 1
                answer = {"ok": True, "channel": body.get("channel"), "ts": "1795514400.%06d" % state["ts"],
                          "message": {"text": body.get("text")}}
            elif method == "chat.postEphemeral":
                answer = {"ok": True, "message_ts": "1795514400.999999"}
            elif method == "conversations.history":
                found = state["messages"].get(body.get("latest", ""))
                answer = {"ok": True, "messages": [dict(found, type="message", ts=body["latest"])] if found else []}
            elif method == "users.info":
                user = body.get("user", "")
                answer = ({"ok": True, "user": {"id": user, "name": NAMES[user]}} if user in NAMES
                          else {"ok": False, "error": "user_not_found"})
            else:
                status, answer = 404, {"ok": False, "error": "unknown_method"}
            with open(record_path, "a") as out:
                out.write(json.dumps({"method": method, "status": status, "authorization": self.headers.get("Authorization"),
                                      "contentType": kind, "body": body, "answer": answer}) + "\n")
        reply(self, status, json.dumps(answer).encode() if answer is not None else b"", headers)

    def log_message(self, *args):
        pass


serve(Handler, port_path)
