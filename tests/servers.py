"""Helpers for tests that talk to real gunicorn servers (`portal.operations.bench.server`
starts them, and Varnish in front of them: `gunicorn`, `varnish`): the test
database's URL, a small HTTP client with cookies (a visitor or a member of
staff), and a TCP relay that can cut a server off its database."""

import contextlib
import http.cookiejar
import re
import socket
import threading
import urllib.error
import urllib.parse
import urllib.request
from types import SimpleNamespace

from django.db import connection

from portal.operations.bench.server import free_port
from tests.two_factor import code_for


def database_url():
    """The test database, as a URL another process can open (PostgreSQL)."""
    settings = connection.settings_dict
    user, host, port = settings["USER"], settings["HOST"] or "127.0.0.1", settings["PORT"] or 5432
    password = f":{settings['PASSWORD']}" if settings["PASSWORD"] else ""
    return f"postgres://{user}{password}@{host}:{port}/{settings['NAME']}"


class Browser:
    """Just enough of a browser: cookies, forms, status codes and headers."""

    def __init__(self, base, secure_cookies_over_http=False):
        self.base = base
        # A production server marks its cookies Secure; behind TLS they would come
        # back, but these test servers speak plain HTTP.
        policy = _SecureOverHttp() if secure_cookies_over_http else None
        self.cookies = http.cookiejar.CookieJar(policy)
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirect()
        )

    def get(self, path):
        return self._open(urllib.request.Request(self.base + path))

    def post(self, path, data):
        body = urllib.parse.urlencode(data, doseq=True).encode()
        return self._open(urllib.request.Request(self.base + path, data=body))

    def _open(self, request):
        try:
            with self.opener.open(request, timeout=30) as response:
                return SimpleNamespace(
                    status=response.status, headers=response.headers, content=response.read()
                )
        except urllib.error.HTTPError as error:
            return SimpleNamespace(status=error.code, headers=error.headers, content=error.read())

    def sign_in(self, username, password, app=None):
        """The admin's sign-in; `app` (a TOTP device) gives the code when one is asked for."""
        form = {"username": username, "password": password}
        response = self.post_form("/admin/login/?next=/admin/", form)
        if response.headers["Location"] == "/admin/two-factor/verify/":
            response = self.post_form("/admin/two-factor/verify/", {"code": code_for(app)})
        assert response.headers["Location"] == "/admin/"

    def post_form(self, path, data):
        page = self.get(path)
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page.content).group(1)
        response = self.post(path, {"csrfmiddlewaretoken": token.decode(), **data})
        assert response.status == 302, re.findall(rb"errornote[^<]*<?[^<]*", response.content)
        return response


class _SecureOverHttp(http.cookiejar.DefaultCookiePolicy):
    def return_ok_secure(self, cookie, request):
        return True


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class TcpRelay:
    """A TCP relay to a real server that a test can cut and restore, so that an
    application sees its database go down and come back."""

    def __init__(self, target_port, target_host="127.0.0.1"):
        self.target = (target_host, target_port)
        self.port = free_port()
        self.listener = None
        self.connections = []
        self.lock = threading.Lock()

    def start(self):
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", self.port))
        self.listener.listen()
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def stop(self):
        """Refuse new connections and cut the open ones."""
        # shutdown wakes the thread blocked in accept(); close alone would not.
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        with self.lock:
            for sock in self.connections:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()
            self.connections.clear()

    def _accept(self, listener):
        while True:
            try:
                client, _address = listener.accept()
            except OSError:
                return  # stopped
            try:
                upstream = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.connections += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pump(source, sink):
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                sink.sendall(data)
        with contextlib.suppress(OSError):
            sink.shutdown(socket.SHUT_WR)
