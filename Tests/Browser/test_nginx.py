"""The built site served by Debian's nginx with the configuration the README gives (gzip_static,
and brotli_static from libnginx-mod-http-brotli-static): a client that accepts brotli gets the .br
file and one that accepts gzip gets the .gz, each with its Content-Encoding, and either decompresses
to the original bytes; a client that accepts neither gets the original.

nginx runs on a free loopback port with a configuration in a temporary folder, in one process
(master_process off), so it needs no root and drops no privileges."""

from __future__ import annotations

import gzip
import http.client
import os
import socket
import subprocess
import tempfile
import time
import unittest
from pathlib import Path

import harness

NGINX = "/usr/sbin/nginx"
BROTLI_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so"
MIME_TYPES = "/etc/nginx/mime.types"

CONFIG = """
daemon off;
master_process off;
worker_processes 1;
pid {scratch}/nginx.pid;
error_log {scratch}/error.log warn;
load_module {module};
events {{ worker_connections 64; }}
http {{
    include {mime_types};
    types {{ application/manifest+json webmanifest; }}
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {scratch}/body;
    proxy_temp_path {scratch}/proxy;
    fastcgi_temp_path {scratch}/fastcgi;
    uwsgi_temp_path {scratch}/uwsgi;
    scgi_temp_path {scratch}/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {site};
        gzip_static on;
        brotli_static on;
        gzip_vary on;
        error_page 404 /404.html;
    }}
}}
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class NginxTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        problems = [f"{path} not found: install the Debian package {package}"
                    for path, package in ((NGINX, "nginx"), (BROTLI_MODULE, "libnginx-mod-http-brotli-static"))
                    if not os.path.exists(path)]
        try:
            import brotli  # noqa: F401
        except ImportError:
            problems.append("python brotli is not importable: install the Debian package python3-brotli")
        if problems:
            raise AssertionError("; ".join(problems))
        cls.site = harness.Site(harness.settings().site)
        cls.scratch = tempfile.TemporaryDirectory(prefix="outreach-nginx-")
        cls.addClassCleanup(cls.scratch.cleanup)
        cls.port = free_port()
        config = Path(cls.scratch.name) / "nginx.conf"
        config.write_text(CONFIG.format(scratch=cls.scratch.name, module=BROTLI_MODULE, mime_types=MIME_TYPES,
                                        port=cls.port, site=cls.site.root.resolve()), encoding="utf-8")
        cls.nginx = subprocess.Popen([NGINX, "-c", str(config), "-e", str(Path(cls.scratch.name) / "error.log")],
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        cls.addClassCleanup(cls.stop_nginx)
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", cls.port), timeout=1).close()
                break
            except OSError:
                if cls.nginx.poll() is not None or time.monotonic() > deadline:
                    log = (Path(cls.scratch.name) / "error.log")
                    raise AssertionError("nginx did not start: " + (cls.nginx.stdout.read() or b"").decode()
                                         + (log.read_text() if log.exists() else ""))
                time.sleep(0.05)

    @classmethod
    def stop_nginx(cls) -> None:
        cls.nginx.terminate()
        try:
            cls.nginx.wait(timeout=10)
        except subprocess.TimeoutExpired:
            cls.nginx.kill()

    def get(self, path: str, encoding: str) -> tuple[int, dict[str, str], bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            connection.request("GET", path, headers={"Accept-Encoding": encoding})
            response = connection.getresponse()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
        finally:
            connection.close()

    def sample_paths(self) -> list[str]:
        """One file of every kind that gets compressed copies, and a page of every language."""
        root = self.site.root
        paths = [f"/{language.folder}/help/" for language in self.site.languages]
        for pattern in ("index.html", "assets/*.css", "assets/*.js", "events.json", "sitemap.xml", "*/events.ics",
                        "*/atom.xml", "*/manifest.webmanifest", "*/sw.js", "*/offline.html", "*/quiz/*/index.html"):
            found = sorted(root.glob(pattern))
            self.assertTrue(found, f"no {pattern} in the built site")
            paths.append("/" + found[0].relative_to(root).as_posix())
        return paths

    def test_brotli_and_gzip_are_sent_precompressed_and_hold_the_original(self):
        import brotli
        for path in self.sample_paths():
            original = self.site.file_for(path).read_bytes()
            file = self.site.file_for(path)
            for encoding, suffix, decompress in (("br", ".br", brotli.decompress), ("gzip", ".gz", gzip.decompress)):
                with self.subTest(path=path, encoding=encoding):
                    status, headers, body = self.get(path, encoding)
                    self.assertEqual(200, status)
                    self.assertEqual(encoding, headers.get("content-encoding"))
                    self.assertEqual(file.with_name(file.name + suffix).read_bytes(), body, "the precompressed file as it is")
                    self.assertEqual(original, decompress(body))

    def test_a_client_that_accepts_neither_gets_the_original(self):
        for path in self.sample_paths()[:3]:
            with self.subTest(path=path):
                status, headers, body = self.get(path, "identity")
                self.assertEqual(200, status)
                self.assertNotIn("content-encoding", headers)
                self.assertEqual(self.site.file_for(path).read_bytes(), body)

    def test_brotli_is_preferred_when_both_are_accepted(self):
        status, headers, _ = self.get("/index.html", "gzip, deflate, br")
        self.assertEqual(200, status)
        self.assertEqual("br", headers.get("content-encoding"))


if __name__ == "__main__":
    unittest.main()
