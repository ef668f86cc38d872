"""A webhook receiver for connectors.sh, on a free loopback port.

It records every request as one JSON line (path, attempt number on that
path, status answered, body, and the signature headers of contact delivery) in the file given as the first argument, and
writes its port to the second. The path says how to answer:

  /ok/NAME                  200
  /flaky/N/STATUS/NAME      STATUS for the first N requests on this path, then 200
                            (429 comes with Retry-After: 0)
  /always-fail/NAME         500, always
  /hang/SECONDS/NAME        200, after SECONDS (longer than the sender waits)
"""
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

record_path, port_path = sys.argv[1], sys.argv[2]
lock = threading.Lock()
counts = {}


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", "replace")
        parts = self.path.strip("/").split("/")
        with lock:
            counts[self.path] = counts.get(self.path, 0) + 1
            attempt = counts[self.path]
        status, headers = 200, {}
        if parts[0] == "hang":
            time.sleep(float(parts[1]))
        if parts[0] == "always-fail":
            status = 500
        elif parts[0] == "flaky" and attempt <= int(parts[1]):
            status = int(parts[2])
            if status == 429:
                headers["Retry-After"] = "0"
        with lock, open(record_path, "a") as out:
            out.write(json.dumps({"path": self.path, "attempt": attempt, "status": status,
                                  "contentType": self.headers.get("Content-Type"), "body": body,
                                  "timestamp": self.headers.get("X-IncidentChat-Timestamp"),
                                  "signature": self.headers.get("X-IncidentChat-Signature")}) + "\n")
        answer = b"ok" if status == 200 else b"failing on purpose"
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args):
        pass


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(port_path, "w") as out:
    out.write(str(server.server_address[1]))
server.serve_forever()
