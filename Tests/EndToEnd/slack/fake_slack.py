"""A fake Slack Web API (and a Teams workflow webhook) for slack.sh, on a free loopback port.

Usage: fake_slack.py RECORD_FILE PORT_FILE

  POST /api/chat.postMessage    {"ok": true, "channel": ..., "ts": "1795514400.0000N"}
  POST /api/chat.postEphemeral  {"ok": true, "message_ts": ...}
  POST /api/users.info          user=U0ALICE (form): {"ok": true, "user": {"id": ..., "name": ...}}
                                from NAMES below, else {"ok": false, "error": "user_not_found"}
  POST /api/conversations.history  latest=TS (form): the message the test put there, if any
  POST /api/views.open          {"ok": true, "view": {...}}
  POST /api/apps.connections.open  {"ok": true, "url": "ws://127.0.0.1:PORT/link"}: Socket Mode's
                                WebSocket (hello on connecting; the acknowledgements it gets are recorded
                                as method "socket_ack", each connection as "socket_connect")
  POST /teams/workflow          202 (a Teams workflow webhook takes the card)
  POST /control                 {"rate_limit": N}: answer the next N API calls 429 with Retry-After: 1;
                                {"messages": {TS: {"user": ..., "text": ...}}}: messages of the channel;
                                {"send": TEXT}: a frame to the Socket Mode connection; {"drop": true}: close it;
                                {"silent": N}: the next N connections never say hello;
                                {"mute": N}: the next N apps.connections.open name a port that accepts the
                                connection and never answers its WebSocket upgrade (each recorded as "socket_mute")

Every request is recorded as one JSON line: method (the last path part), the
status answered, the Authorization header, the Content-Type, the body
(parsed: JSON, or the form's fields) and when it came (time, seconds since 1970).
"""
import asyncio
import json
import os
import socket as sockets
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "support"))
from fake_server import reply, serve  # noqa: E402

record_path, port_path = sys.argv[1], sys.argv[2]
socket = {"loop": None, "port": None, "current": None}


def record(entry):
    entry["time"] = time.time()
    with open(record_path, "a") as out:
        out.write(json.dumps(entry) + "\n")


def socket_mode():
    """Socket Mode's WebSocket server, in a thread of its own (PyPI's websockets)."""
    from websockets.asyncio.server import serve as ws_serve

    async def link(ws):
        socket["current"] = ws
        with lock:
            record({"method": "socket_connect", "status": 101, "body": {}})
        with lock:
            silent = state["silent"] > 0
            state["silent"] -= 1 if silent else 0
        if not silent:
            await ws.send(json.dumps({"type": "hello", "num_connections": 1}))
        try:
            async for frame in ws:
                with lock:
                    try:
                        body = json.loads(frame)
                    except ValueError:
                        body = frame
                    record({"method": "socket_ack", "status": 0, "body": body})
        except Exception:
            pass

    async def main():
        async with ws_serve(link, "127.0.0.1", 0) as server:
            socket["port"] = server.sockets[0].getsockname()[1]
            await asyncio.Future()

    socket["loop"] = asyncio.new_event_loop()
    socket["loop"].run_until_complete(main())


def mute():
    """A port that accepts connections, reads what comes and never answers (an upgrade that never completes)."""
    server = sockets.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    socket["mute_port"] = server.getsockname()[1]
    held = []

    def hold(conn):
        held.append(conn)
        try:
            while conn.recv(4096):
                pass
        except OSError:
            pass

    while True:
        conn, _ = server.accept()
        with lock:
            record({"method": "socket_mute", "status": 0, "body": {}})
        threading.Thread(target=hold, args=(conn,), daemon=True).start()


def to_socket(coroutine_of):
    ws = socket["current"]
    if ws is not None:
        asyncio.run_coroutine_threadsafe(coroutine_of(ws), socket["loop"]).result(5)
NAMES = {"U0ALICE": "alice", "U0MAL": "mallory"}
lock = threading.Lock()
state = {"ts": 0, "rate_limit": 0, "messages": {}, "silent": 0, "mute": 0}


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
                state["silent"] += int(body.get("silent", 0))
                state["mute"] += int(body.get("mute", 0))

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
            elif method == "apps.connections.open":
                muted = state["mute"] > 0
                state["mute"] -= 1 if muted else 0
                answer = {"ok": True, "url": "ws://127.0.0.1:%d/link" % socket["mute_port" if muted else "port"]}
            elif method == "views.open":
                answer = {"ok": True, "view": {"id": "V0NOTE"}}
            elif method == "conversations.history":
                found = state["messages"].get(body.get("latest", ""))
                answer = {"ok": True, "messages": [dict(found, type="message", ts=body["latest"])] if found else []}
            elif method == "users.info":
                user = body.get("user", "")
                answer = ({"ok": True, "user": {"id": user, "name": NAMES[user]}} if user in NAMES
                          else {"ok": False, "error": "user_not_found"})
            else:
                status, answer = 404, {"ok": False, "error": "unknown_method"}
            record({"method": method, "status": status, "authorization": self.headers.get("Authorization"),
                    "contentType": kind, "body": body, "answer": answer})
        if method == "control":  # outside the lock: the socket's thread records what it gets
            if "send" in body:
                to_socket(lambda ws: ws.send(body["send"]))
            if body.get("drop"):
                to_socket(lambda ws: ws.close(1011, "dropped on purpose"))
        reply(self, status, json.dumps(answer).encode() if answer is not None else b"", headers)

    def log_message(self, *args):
        pass


threading.Thread(target=socket_mode, daemon=True).start()
threading.Thread(target=mute, daemon=True).start()
while socket["port"] is None or socket.get("mute_port") is None:
    threading.Event().wait(0.01)
serve(Handler, port_path)
