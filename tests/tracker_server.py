"""A local HTTP server on 127.0.0.1 (http.server in a thread) serving the shared tracker files in
the ccfddl and Hugging Face repository layouts, for `deadlines update` from the CLI and from the
Venues screen: it records the requests and can hang a path (a timeout)."""

from __future__ import annotations

import shutil
import threading
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

DATA = Path("/work/shared/testdata/deadlines")
ICML_2027 = """
- title: ICML
  year: 2027
  id: icml27
  full_name: International Conference on Machine Learning
  deadlines:
    - type: abstract
      label: Abstract Submission
      date: '2027-01-15 23:59:59'
      timezone: AoE
    - type: paper
      label: Paper Submission
      date: '2027-01-22 23:59:59'
      timezone: AoE
  start: 2027-07-12
  end: 2027-07-18
"""


class Tracker:
    """The files, the requests seen, and the paths that hang (for the timeout)."""

    def __init__(self, root: Path):
        self.root = root
        self.requests: list[tuple[str, str, str]] = []   # (path, If-None-Match, status)
        self.hang: set[str] = set()
        self.release = threading.Event()
        self.lock = threading.Lock()


def _handler(tracker: Tracker):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:  # quiet
            pass

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            path = self.path.split("?")[0]
            if path in tracker.hang:
                tracker.release.wait(30)  # until the test is over: the client times out first
                return
            file = tracker.root / path.lstrip("/")
            if not file.is_file():
                return self._answer(path, 404)
            body = file.read_bytes()
            etag = f'"{hash(body) & 0xFFFFFFFF:x}"'
            if self.headers.get("If-None-Match") == etag:
                return self._answer(path, 304, etag=etag)
            self._answer(path, 200, body, etag)

        def _answer(self, path: str, status: int, body: bytes = b"", etag: str = "") -> None:
            with tracker.lock:
                tracker.requests.append((path, self.headers.get("If-None-Match", ""), str(status)))
            self.send_response(status)
            if etag:
                self.send_header("ETag", etag)
                self.send_header("Last-Modified", formatdate(usegmt=True))
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if body:
                self.wfile.write(body)

    return Handler


@pytest.fixture
def server(tmp_path):
    """Both trackers' trees under one local server; yields (tracker, ccfddl base, hf base)."""
    root = tmp_path / "www"
    ccf = root / "ccf" / "conference"
    shutil.copytree(DATA / "ccf-deadlines" / "AI", ccf / "AI")
    shutil.copy(DATA / "ccf-deadlines" / "types.yml", ccf / "types.yml")
    shutil.copytree(DATA / "huggingface-ai-deadlines", root / "hf" / "src" / "data" / "conferences")
    tracker = Tracker(root)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(tracker))
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    yield tracker, f"{base}/ccf", f"{base}/hf/"
    tracker.release.set()
    httpd.shutdown()
    httpd.server_close()



def hf_file(server, name: str) -> Path:
    return server[0].root / "hf" / "src" / "data" / "conferences" / name
