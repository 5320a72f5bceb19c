"""Reading a tracker file over HTTP (standard library only): a conditional request with the
validators of the last read (ETag / Last-Modified), a timeout, and one retry when the network
or the server failed. Never raises for a network problem: every outcome is a `Fetched`."""

from __future__ import annotations

import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from enum import Enum

from .. import __version__

MAX_BYTES = 4 * 1024 * 1024
DEFAULT_TIMEOUT = 10.0
RETRIES = 1


class Outcome(str, Enum):
    OK = "ok"                      # a body, to parse
    NOT_MODIFIED = "not_modified"  # 304: nothing new since the last read
    MISSING = "missing"            # 404/410: the tracker has no such file
    FAILED = "failed"              # the server answered with an error, or the body was unusable
    UNREACHABLE = "unreachable"    # no answer: offline, refused, timed out


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str
    outcome: Outcome
    text: str = ""
    etag: str = ""
    last_modified: str = ""
    error: str = ""


class _NoRedirectToOtherSchemes(urllib.request.HTTPRedirectHandler):
    """Follow a redirect only to http(s) (never to file: or ftp:)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: D401 - urllib's name
        if not newurl.lower().startswith(("http://", "https://")):
            return None
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OPENER = urllib.request.build_opener(_NoRedirectToOtherSchemes())


def fetch(url: str, etag: str = "", last_modified: str = "", timeout: float = DEFAULT_TIMEOUT) -> Fetched:
    """GET `url`, conditionally; one retry after a timeout, a dropped connection or a 5xx."""
    result = _once(url, etag, last_modified, timeout)
    for _ in range(RETRIES):
        if not (result.outcome is Outcome.UNREACHABLE or (result.outcome is Outcome.FAILED and result.error.startswith("HTTP 5"))):
            break
        result = _once(url, etag, last_modified, timeout)
    return result


def _once(url: str, etag: str, last_modified: str, timeout: float) -> Fetched:
    headers = {"User-Agent": f"paperdeck/{__version__} (deadlines update)", "Accept": "text/plain, */*"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    request = urllib.request.Request(url, headers=headers)
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            body = response.read(MAX_BYTES + 1)
            found_etag = response.headers.get("ETag", "") or ""
            found_modified = response.headers.get("Last-Modified", "") or ""
    except urllib.error.HTTPError as error:
        if error.code == 304:
            return Fetched(url, Outcome.NOT_MODIFIED, etag=etag, last_modified=last_modified)
        if error.code in (404, 410):
            return Fetched(url, Outcome.MISSING, error=f"HTTP {error.code}")
        return Fetched(url, Outcome.FAILED, error=f"HTTP {error.code} {error.reason}".strip())
    except urllib.error.URLError as error:
        reason = error.reason
        text = "timed out" if isinstance(reason, (TimeoutError, socket.timeout)) else str(reason)
        return Fetched(url, Outcome.UNREACHABLE, error=text)
    except (TimeoutError, socket.timeout):
        return Fetched(url, Outcome.UNREACHABLE, error="timed out")
    except (ConnectionError, OSError) as error:  # reset mid-read, a broken TLS stream
        return Fetched(url, Outcome.UNREACHABLE, error=str(error) or type(error).__name__)
    if len(body) > MAX_BYTES:
        return Fetched(url, Outcome.FAILED, error=f"larger than {MAX_BYTES // (1024 * 1024)} MB")
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError:
        return Fetched(url, Outcome.FAILED, error="not UTF-8 text")
    return Fetched(url, Outcome.OK, text, found_etag[:500], found_modified[:100])
