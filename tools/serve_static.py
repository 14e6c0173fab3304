#!/usr/bin/env python3
"""Serve a built site the way a production host does: gzip for text, the rules of the site's `_headers`
file (Netlify/Cloudflare Pages format), `404.html` for missing pages. For Lighthouse (`make lighthouse`)
and for a look at the built site: `python tools/serve_static.py site --port 8001`. Standard library only.
"""
from __future__ import annotations

import argparse
import gzip
import mimetypes
import re
import threading
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml",
                "application/manifest+json")
TYPES = {".ics": "text/calendar", ".js": "application/javascript", ".json": "application/json",
         ".svg": "image/svg+xml", ".xml": "application/xml", ".webmanifest": "application/manifest+json",
         ".map": "application/json"}


def parse_headers_file(path: Path) -> list[tuple[re.Pattern, list[tuple[str, str]]]]:
    """`_headers`: a path pattern on its own line, then indented `Name: value` lines; `#` comments."""
    rules: list[tuple[re.Pattern, list[tuple[str, str]]]] = []
    if not path.is_file():
        return rules
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            pattern = "".join(".*" if ch == "*" else re.escape(ch) for ch in line.strip())
            rules.append((re.compile(pattern + r"\Z"), []))
        elif rules:
            name, _, value = line.strip().partition(":")
            rules[-1][1].append((name.strip(), value.strip()))
    return rules


def make_handler(root: Path):
    root = root.resolve()
    rules = parse_headers_file(root / "_headers")

    @lru_cache(maxsize=4096)
    def compressed(path: Path, mtime: float) -> bytes:
        return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)

    class Handler(BaseHTTPRequestHandler):
        server_version = "kennisbank-static"
        sys_version = ""

        def log_message(self, *args):
            pass

        def resolve(self) -> tuple[int, Path | None]:
            rel = unquote(urlsplit(self.path).path).lstrip("/")
            target = (root / rel).resolve()
            if root not in target.parents and target != root:
                return 404, None
            if target.is_dir():
                if rel and not rel.endswith("/"):
                    return 301, None
                target = target / "index.html"
            if target.is_file() and target.name != "_headers":
                return 200, target
            return 404, root / "404.html" if (root / "404.html").is_file() else None

        def send(self, head_only: bool) -> None:
            status, path = self.resolve()
            if status == 301:
                self.send_response(301)
                self.send_header("Location", urlsplit(self.path).path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if path is None:
                self.send_error(404)
                return
            ctype = TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            if ctype.startswith("text/") or ctype in ("application/javascript", "application/json"):
                ctype += "; charset=utf-8"
            body = path.read_bytes()
            gz = "gzip" in self.headers.get("Accept-Encoding", "") and ctype.startswith(COMPRESSIBLE)
            if gz:
                body = compressed(path, path.stat().st_mtime)
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            if ctype.startswith(COMPRESSIBLE):
                self.send_header("Vary", "Accept-Encoding")
            if gz:
                self.send_header("Content-Encoding", "gzip")
            url_path = urlsplit(self.path).path
            for pattern, headers in rules:
                if pattern.match(url_path):
                    for name, value in headers:
                        self.send_header(name, value)
            self.end_headers()
            if not head_only:
                self.wfile.write(body)

        def do_GET(self):
            self.send(head_only=False)

        def do_HEAD(self):
            self.send(head_only=True)

    return Handler


def start(root: Path, host: str = "127.0.0.1", port: int = 0) -> tuple[ThreadingHTTPServer, str]:
    """Serve ``root`` in a background thread; returns the server and its base URL."""
    server = ThreadingHTTPServer((host, port), make_handler(root))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://{host}:{server.server_address[1]}/"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("root", type=Path, nargs="?", default=Path("site"))
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=8001)
    args = ap.parse_args()
    server = ThreadingHTTPServer((args.host, args.port), make_handler(args.root))
    print(f"{args.root} op http://{args.host}:{args.port}/ (gzip, _headers); Ctrl-C stopt", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
