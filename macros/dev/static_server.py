"""Serve a folder on 127.0.0.1 (a free port) in a background thread, quietly; optionally as a slow
connection would (pages in small pieces), so a browser paints a page before all of it has arrived."""
from __future__ import annotations

import functools
import shutil
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any


class _Quiet(SimpleHTTPRequestHandler):
    trickle: float = 0.0  # seconds between the pieces of an HTML page; 0: all at once
    piece = 4096

    def log_message(self, format: str, *args: Any) -> None:  # keep test output readable
        pass

    def send_head(self) -> Any:
        if self.trickle:  # never "304 Not Modified": every visit arrives slowly again
            del self.headers["If-Modified-Since"]
        return super().send_head()

    def end_headers(self) -> None:
        if self.trickle:
            self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def copyfile(self, source: Any, outputfile: Any) -> None:
        if not self.trickle or not self.path.split("?")[0].endswith(("/", ".html")):
            shutil.copyfileobj(source, outputfile)
            return
        while chunk := source.read(self.piece):
            outputfile.write(chunk)
            outputfile.flush()
            time.sleep(self.trickle)


def serve(directory: Path, *, trickle: float = 0.0) -> tuple[ThreadingHTTPServer, str]:
    """`trickle`: send HTML pages 4 KB at a time with this pause in between (stylesheets, scripts and
    images come at once, as from a cache)."""
    handler_class = type("Handler", (_Quiet,), {"trickle": trickle})
    handler = functools.partial(handler_class, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"
