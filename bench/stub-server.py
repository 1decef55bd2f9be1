#!/usr/bin/env python3
"""A tiny stand-in for the CRM's REST API, used only to check bench/run.sh's logic (bench/selftest.sh starts it).

It answers GET /api/v1/health, GET /api/v1/docs/initializer.js, POST /api/v1/contacts (201 + Location), GET /api/v1/contacts/{id} and
GET /api/v1/contacts?page=&size= in memory. It is not the CRM and its figures mean nothing.

usage: stub-server.py [PORT] [PASSWORD]. With a PASSWORD it behaves like the CRM since issue 4: POST /api/v1/auth/login
{"username": "bench", "password": PASSWORD} answers {"token": ...} (401 otherwise), and every other call but GET health
and docs needs "Authorization: Bearer <that token>" (401 otherwise). Plain HTTP only.
"""
import secrets
import json
import sys
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

CONTACTS = {}
ORDER = []
LOCK = threading.Lock()
PASSWORD = None
TOKEN = secrets.token_urlsafe(32)
PUBLIC = ("/api/v1/health", "/api/v1/docs/initializer.js")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    def send_json(self, status, body, extra=None):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def authorised(self, path):
        if PASSWORD is None or path in PUBLIC:
            return True
        if self.headers.get("Authorization", "") == "Bearer " + TOKEN:
            return True
        self.send_json(401, {"status": 401, "title": "Unauthorized"}, {"WWW-Authenticate": 'Bearer realm="stub"'})
        return False

    def do_GET(self):
        url = urlparse(self.path)
        if not self.authorised(url.path):
            return None
        if url.path == "/api/v1/health":
            return self.send_json(200, {"status": "UP", "version": "stub"})
        if url.path == "/api/v1/docs/initializer.js":
            return self.send_json(200, "window.onload = function () {};")
        if url.path == "/api/v1/contacts":
            query = parse_qs(url.query)
            page, size = int(query.get("page", ["0"])[0]), int(query.get("size", ["20"])[0])
            with LOCK:
                ids = ORDER[page * size:(page + 1) * size]
                items, total = [CONTACTS[i] for i in ids], len(ORDER)
            return self.send_json(200, {"items": items, "total": total, "page": page, "size": size, "links": {}})
        if url.path.startswith("/api/v1/contacts/"):
            contact = CONTACTS.get(url.path.rsplit("/", 1)[1])
            if contact is None:
                return self.send_json(404, {"status": 404, "title": "Not Found"})
            return self.send_json(200, contact)
        return self.send_json(404, {"status": 404, "title": "Not Found"})

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        try:
            body = json.loads(self.rfile.read(length))
        except ValueError:
            return self.send_json(400, {"status": 400, "title": "Bad Request"})
        path = urlparse(self.path).path
        if path == "/api/v1/auth/login" and PASSWORD is not None:
            if body.get("username") == "bench" and secrets.compare_digest(str(body.get("password")), PASSWORD):
                return self.send_json(200, {"token": TOKEN, "totpEnrolmentRequired": False})
            return self.send_json(401, {"status": 401, "title": "Unauthorized"})
        if not self.authorised(path):
            return None
        if path != "/api/v1/contacts" or "@" not in body["emails"][0]["address"]:
            return self.send_json(400, {"status": 400, "title": "Bad Request"})
        contact_id = str(uuid.uuid4())
        body["id"] = contact_id
        with LOCK:
            CONTACTS[contact_id] = body
            ORDER.append(contact_id)
        self.send_json(201, body, {"Location": "/api/v1/contacts/" + contact_id})


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # wrk drops its connections at the end of each run; that is not worth a traceback


if __name__ == "__main__":
    PASSWORD = sys.argv[2] if len(sys.argv) > 2 else None
    Server(("127.0.0.1", int(sys.argv[1]) if len(sys.argv) > 1 else 18181), Handler).serve_forever()
