"""The browser channel under load (issue 17's figures), against a release
`incident-chat serve --channel` that this script starts on a free loopback port
over a fresh SQLite store:

- fan-out: SOCKETS connected browsers (simulated WebSocket clients) in one
  channel; one of them runs a command that notifies (a timeline event), and the
  time from sending it to its notification arriving is taken at every socket
  (p50, p99, max over ROUNDS rounds; target p99 at most 100 ms);
- first load: the page and everything it loads (bytes, at most 150 KB) and the
  time to fetch them on loopback (p50 and p99 of 200 loads; at most 50 ms);
- idle connections: the server's resident memory before and after IDLE idle
  sockets (at most 100 MB for 1,000).

Usage: channel.py PATH/TO/incident-chat [SOCKETS ROUNDS IDLE]
Prints one line a figure; exits 1 when the server cannot be started.
"""
import asyncio
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

import websockets

BINARY = os.path.abspath(sys.argv[1])
SOCKETS = int(sys.argv[2]) if len(sys.argv) > 2 else 200
ROUNDS = int(sys.argv[3]) if len(sys.argv) > 3 else 20
IDLE = int(sys.argv[4]) if len(sys.argv) > 4 else 1000

CHANNEL = """workspace: bench
channel: bench
"""
SETUP = """@aws ssm-incidents create-replication-set --regions us-east-1={}
@aws ssm-incidents create-response-plan --name bench --incident-template '{"title":"Bench","impact":3}' --chat-channel '{"chatbotSns":["arn:aws:sns:us-east-1:111122223333:incident-chat"]}'
@aws ssm-incidents start-incident --response-plan-arn arn:aws:ssm-incidents::111122223333:response-plan/bench
"""


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def start_server(folder):
    with open(os.path.join(folder, "channel.yaml"), "w") as f:
        f.write(CHANNEL)
    with open(os.path.join(folder, "setup.chat"), "w") as f:
        f.write(SETUP)
    store = os.path.join(folder, "store.sqlite")
    subprocess.run([BINARY, "run", "--store", store, os.path.join(folder, "setup.chat")], check=True,
                   stdout=subprocess.DEVNULL)
    arn = subprocess.run([BINARY, "exec", "--store", store, "@aws ssm-incidents list-incident-records "
                          "--query 'incidentRecordSummaries[0].arn' --output text"],
                         check=True, capture_output=True, text=True).stdout.strip()
    out = open(os.path.join(folder, "serve.out"), "w+")
    server = subprocess.Popen([BINARY, "serve", "--port", "0", "--store", store, "--channel",
                               os.path.join(folder, "channel.yaml")], stdout=out, stderr=subprocess.STDOUT, cwd=folder)
    for _ in range(100):
        out.seek(0)
        found = re.search(r"http://127\.0\.0\.1:\d+", out.read())
        if found:
            return server, found.group(0), arn
        if server.poll() is not None:
            break
        time.sleep(0.1)
    server.kill()
    out.seek(0)
    sys.exit(f"serve did not start: {out.read()}")


def http(endpoint, path, body=None, headers=None):
    request = urllib.request.Request(endpoint + path, data=None if body is None else json.dumps(body).encode(),
                                     headers=headers or {}, method="GET" if body is None else "POST")
    with urllib.request.urlopen(request) as response:
        return dict(response.headers), response.read()


def cookie(headers, name):
    for key, value in headers.items():
        if key.lower() == "set-cookie" and value.startswith(name + "="):
            return value.split(";", 1)[0].split("=", 1)[1]
    return None


def sign_in(endpoint, name):
    headers, body = http(endpoint, "/channel/session")
    csrf = json.loads(body)["csrf"]
    headers, body = http(endpoint, "/channel/signin", {"name": name},
                         {"Content-Type": "application/json", "X-CSRF-Token": csrf,
                          "Cookie": f"ic_csrf={cookie(headers, 'ic_csrf')}"})
    return cookie(headers, "ic_session"), json.loads(body)["csrf"]


def first_load(endpoint):
    """The page, then what it names (script, style), as a browser's first visit fetches them."""
    started = time.perf_counter()
    _, page = http(endpoint, "/")
    total = len(page)
    for path in re.findall(rb'(?:src|href)="(/[^"]+)"', page):
        _, body = http(endpoint, path.decode())
        total += len(body)
    return total, time.perf_counter() - started


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


async def connect(host, session, csrf):
    socket = await websockets.connect(f"ws://{host}/channel/socket?after=0&csrf={csrf}",
                                      additional_headers={"Cookie": f"ic_session={session}", "Origin": f"http://{host}"},
                                      max_queue=None, open_timeout=30)
    hello = json.loads(await socket.recv())
    assert hello.get("type") == "hello", hello
    return socket


async def fan_out(endpoint, session, csrf, arn):
    host = endpoint.split("//", 1)[1]
    sockets = await asyncio.gather(*(connect(host, session, csrf) for _ in range(SOCKETS)))
    latencies = []
    # Round 0 warms up (the first command's caches) and is not counted.
    for round_ in range(ROUNDS + 1):
        marker = f"bench-{round_}-{time.time_ns()}"
        arrived = asyncio.get_running_loop().create_future()
        pending = set(range(SOCKETS))
        times = {}

        async def listen(index, socket):
            while True:
                raw = await socket.recv()
                # Only the notification names the marker as it is (the command's echo quotes it).
                if marker not in raw:
                    continue
                frame = json.loads(raw)
                if frame.get("kind") == "notification":
                    times[index] = time.perf_counter()
                    pending.discard(index)
                    if not pending and not arrived.done():
                        arrived.set_result(None)
                    return

        listeners = [asyncio.create_task(listen(i, s)) for i, s in enumerate(sockets)]
        sent = time.perf_counter()
        await sockets[0].send(json.dumps({"type": "message", "text":
            f"@aws ssm-incidents create-timeline-event --incident-record-arn {arn} --event-time 2026-12-03T10:00:00Z "
            f"--event-type 'Custom Event' --event-data '\"{marker}\"'"}))
        try:
            await asyncio.wait_for(arrived, 30)
        finally:
            for task in listeners:
                task.cancel()
        if round_ > 0:
            latencies += [(t - sent) * 1000 for t in times.values()]
        await asyncio.sleep(0.3)  # under the 5 messages a second a responder may send
    await asyncio.gather(*(s.close() for s in sockets))
    return latencies


async def idle(endpoint, session, csrf, pid):
    host = endpoint.split("//", 1)[1]
    before = rss_mb(pid)
    sockets = []
    for start in range(0, IDLE, 100):
        sockets += await asyncio.gather(*(connect(host, session, csrf) for _ in range(min(100, IDLE - start))))
    await asyncio.sleep(1)
    after = rss_mb(pid)
    await asyncio.gather(*(s.close() for s in sockets))
    return before, after


def main():
    folder = tempfile.mkdtemp(prefix="web-bench-")
    server, endpoint, arn = start_server(folder)
    try:
        session, csrf = sign_in(endpoint, "bench")
        loads = [first_load(endpoint) for _ in range(200)]
        size = loads[0][0]
        load_ms = [seconds * 1000 for _, seconds in loads]
        print(f"web: first load {size / 1024:.1f} KB (at most 150 KB), "
              f"p50 {statistics.median(load_ms):.2f} ms, p99 {percentile(load_ms, 0.99):.2f} ms (at most 50 ms)")

        latencies = asyncio.run(fan_out(endpoint, session, csrf, arn))
        print(f"web: a notification to {SOCKETS} sockets, {ROUNDS} rounds: p50 {statistics.median(latencies):.1f} ms, "
              f"p99 {percentile(latencies, 0.99):.1f} ms (at most 100 ms), max {max(latencies):.1f} ms")

        before, after = asyncio.run(idle(endpoint, session, csrf, server.pid))
        print(f"web: {IDLE} idle sockets: server resident memory {before:.1f} MB before, {after:.1f} MB with them "
              f"(+{after - before:.1f} MB; at most 100 MB)")
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
