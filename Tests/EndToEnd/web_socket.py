"""The channel's WebSocket with bad input (see web.sh), over websocket-client
(which Selenium brings): a forged CSRF token or no session gets no socket;
a frame that is not JSON closes the connection; a message over 40,000
characters and a flood are refused and not stored; a socket opened after
message N gets N+1, N+2, ... in order, each once. Prints ok/FAIL lines.

Usage: web_socket.py ENDPOINT NAME PASSWORD
"""
import json
import os
import sys
import time
import urllib.request

import websocket

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import check, finish  # noqa: E402

ENDPOINT, NAME, PASSWORD = sys.argv[1:4]
HOST = ENDPOINT.split("//", 1)[1]


def http(path, body=None, headers=None):
    request = urllib.request.Request(ENDPOINT + path, data=None if body is None else json.dumps(body).encode(),
                                     headers=headers or {}, method="GET" if body is None else "POST")
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, dict(response.headers), json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), json.loads(error.read() or b"{}")


def cookie_value(headers, name):
    for key, value in headers.items():
        if key.lower() == "set-cookie" and value.startswith(name + "="):
            return value.split(";", 1)[0].split("=", 1)[1]
    return None


_, headers, form = http("/channel/session")
pre = cookie_value(headers, "ic_csrf")
status, headers, me = http("/channel/signin", {"name": NAME, "password": PASSWORD},
                           {"Content-Type": "application/json", "X-CSRF-Token": form["csrf"], "Cookie": f"ic_csrf={pre}"})
check(status == 200, f"{NAME} signs in over HTTP", f"{status} {me}")
session = cookie_value(headers, "ic_session")
csrf = me.get("csrf", "")
cookie = f"ic_session={session}"


def connect(after=0, token=None, with_cookie=True, origin=ENDPOINT):
    url = f"ws://{HOST}/channel/socket?after={after}&csrf={token if token is not None else csrf}"
    return websocket.create_connection(url, cookie=cookie if with_cookie else None, origin=origin, timeout=5)


def refused(**kwargs):
    try:
        connect(**kwargs).close()
        return False
    except websocket.WebSocketBadStatusException:
        return True


check(refused(token="forged"), "a forged CSRF token gets no socket")
check(refused(with_cookie=False), "no session cookie gets no socket")
check(refused(origin="http://evil.example"), "another site's page gets no socket")


def frames_until(ws, predicate, seconds=5):
    got = []
    end = time.time() + seconds
    while time.time() < end:
        try:
            frame = json.loads(ws.recv())
        except websocket.WebSocketTimeoutException:
            break
        got.append(frame)
        if predicate(frame):
            break
    return got


ws = connect()
hello = json.loads(ws.recv())
check(hello.get("type") == "hello" and hello.get("user") == NAME, "the socket says hello", str(hello))
backlog = frames_until(ws, lambda f: False, seconds=1)
last = max([f["seq"] for f in backlog if f.get("type") == "message"] or [0])

ws.send(json.dumps({"type": "message", "text": "x" * 40_001}))
answer = frames_until(ws, lambda f: f.get("type") == "refused")
check(answer and "40000" in answer[-1].get("text", "").replace(",", ""), "a message over 40,000 characters is refused", str(answer[-1:])[:200])

for i in range(100):
    ws.send(json.dumps({"type": "message", "text": f"flood {i}"}))
frames = frames_until(ws, lambda f: False, seconds=2)
posted = [f for f in frames if f.get("type") == "message" and f["text"].startswith("flood ")]
refusals = [f for f in frames if f.get("type") == "refused"]
check(len(posted) <= 20 and len(refusals) >= 80, "100 messages at once: most refused", f"{len(posted)} posted, {len(refusals)} refused")
seqs = [f["seq"] for f in posted]
check(seqs == sorted(seqs) and len(set(seqs)) == len(seqs), "the ones taken arrive in order, once each")

# A socket opened after message `last` gets exactly what came since, in order.
again = connect(after=last)
json.loads(again.recv())
replay = [f for f in frames_until(again, lambda f: False, seconds=1) if f.get("type") == "message"]
check([f["seq"] for f in replay] == seqs and all(f["seq"] > last for f in replay), "a reconnect after N gets N+1... in order, once",
      f"{[f['seq'] for f in replay]} vs {seqs}")
again.close()

ws.send("this is not JSON")
code = None
end = time.time() + 3
while time.time() < end and code is None:
    try:
        opcode, data = ws.recv_data(control_frame=True)
    except (websocket.WebSocketConnectionClosedException, websocket.WebSocketTimeoutException):
        break
    if opcode == websocket.ABNF.OPCODE_CLOSE:
        code = int.from_bytes(data[:2], "big") if len(data) >= 2 else 0
check(code == 1003, "a frame that is not JSON closes the connection (1003)", f"close code {code}")
ws.close()
finish()
