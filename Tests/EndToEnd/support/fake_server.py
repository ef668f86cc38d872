"""Shared by the end-to-end fakes of remote services (a fake Slack, ...):
an HTTP server on a free loopback port that writes its port to a file, and
one way to answer."""
from http.server import ThreadingHTTPServer


def reply(handler, status, body=b"", headers=None, content_type="application/json; charset=utf-8"):
    handler.send_response(status)
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def serve(handler_class, port_path):
    """Serves until killed; the port goes to `port_path` once it listens."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_class)
    with open(port_path, "w") as out:
        out.write(str(server.server_address[1]))
    server.serve_forever()
