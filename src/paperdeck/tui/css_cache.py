"""Textual's parsed CSS: parsed once per run, and kept between runs in the user's cache folder.

Textual parses each widget class's DEFAULT_CSS and each .tcss file into rule sets, keeping the
last 64 in an LRU per stylesheet. The app has more sources than that (~130 once every screen
was shown), and the stylesheet is parsed again whenever a newly mounted widget class adds its
CSS, source by source through that LRU: past 64 sources, each of those passes missed on every
one of them (190 parses, 21 ms of Pitch's first showing at medium). A screen's own CSS file
re-parses everything in a fresh stylesheet too. And every start parsed the ~56 sources of the
first frame (~30 ms at medium).

`install()` wraps `Stylesheet._parse_rules` so that a source parsed once (the same text, place,
flags and theme variables) gives its rules again; `save()` (at the app's end) writes the rules
parsed in this run, pickled, to `<user cache>/paperdeck/textual-css.bin`, and the next run reads
each back when it is first asked for. The file is used only by the same Textual (its files'
sizes and times); an unreadable file or entry is parsed as usual. Past MAX_ENTRIES (sources
since edited, themes no longer used) a save keeps only what this run asked for.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path
from typing import Any

from textual.css.stylesheet import Stylesheet

MAGIC = b"paperdeck-textual-css-1\n"
CACHE_NAME = "textual-css.bin"
# ~130 sources per theme once every screen is shown, ~1.3 KB each pickled: a few themes' worth.
MAX_ENTRIES = 1000
# Where the rule sets are made and what they are made of: a Textual whose files differ (another
# version) never reads this one's rules.
_TEXTUAL_FILES = (
    "css/parse.py", "css/model.py", "css/styles.py", "css/_styles_builder.py", "css/tokenize.py",
    "css/tokenizer.py", "css/scalar.py", "css/types.py", "css/stylesheet.py", "color.py", "style.py",
)

_parsed: dict[bytes, list[Any]] = {}   # key -> rule sets, this run
_stored: dict[bytes, bytes] = {}       # key -> pickled rule sets, as read (unpickled when asked for)
_new: set[bytes] = set()               # parsed in this run, to be written
_state: dict[str, Any] = {"path": None, "loaded": False, "variables": (None, b"")}
_original = Stylesheet._parse_rules


def install(cache_path: Path | None = None) -> None:
    """Parse each source once per run, and read (then `save`) the cache file at `cache_path`
    (default: the user's cache folder, found when first needed)."""
    _state["path"] = cache_path
    Stylesheet._parse_rules = _parse_rules  # type: ignore[method-assign]


def save() -> None:
    """Write the rules parsed in this run beside those read. Never raises: a cache."""
    path = _state["path"]
    if not _new or path is None:
        return
    entries = dict(_stored)
    if len(entries) + len(_new) > MAX_ENTRIES:  # what no run asks for again goes
        entries = {key: blob for key, blob in entries.items() if key in _parsed}
    for key in _new:
        try:
            entries[key] = pickle.dumps(_parsed[key], protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # noqa: BLE001 - a rule set that does not pickle is parsed next time
            continue
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(MAGIC + _textual_stamp() + pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(temporary, path)
        _new.clear()
    except OSError:
        try:
            temporary.unlink()
        except OSError:
            pass


def _parse_rules(self: Stylesheet, css: str, read_from: Any, is_default_rules: bool = False,
                 tie_breaker: int = 0, scope: str = "") -> list[Any]:
    key = _key(self, css, read_from, is_default_rules, tie_breaker, scope)
    rules = _parsed.get(key)
    if rules is not None:
        return rules
    if not _state["loaded"]:
        _load()
    blob = _stored.get(key)
    if blob is not None:
        try:
            rules = pickle.loads(blob)
        except Exception:  # noqa: BLE001 - a damaged entry: parse it
            rules = None
    if rules is None:
        rules = _original(self, css, read_from, is_default_rules, tie_breaker, scope)
        if not any(rule.errors for rule in rules):  # rules with errors are reported, never kept
            _new.add(key)
    _parsed[key] = rules
    return rules


def _key(stylesheet: Stylesheet, css: str, read_from: Any, is_default_rules: bool, tie_breaker: int,
         scope: str) -> bytes:
    variables = stylesheet._variables
    seen, digest = _state["variables"]
    if seen is not variables:  # a new theme's values: hashed once per dict, not per source
        digest = hashlib.blake2b(repr(sorted(variables.items())).encode(), digest_size=16).digest()
        _state["variables"] = (variables, digest)
    text = repr((css, read_from, is_default_rules, tie_breaker, scope)).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(text + digest, digest_size=16).digest()


def _load() -> None:
    _state["loaded"] = True
    if _state["path"] is None:
        from ..paths import cache_dir

        _state["path"] = cache_dir() / CACHE_NAME
    try:
        data = _state["path"].read_bytes()
        head = MAGIC + _textual_stamp()
        if data.startswith(head):
            entries = pickle.loads(data[len(head):])
            if isinstance(entries, dict):
                _stored.update(entries)
    except Exception:  # noqa: BLE001 - missing, unreadable or foreign: parse as usual
        pass


def _textual_stamp() -> bytes:
    """Textual's place and its CSS files' sizes and times (never its version: importlib.metadata
    costs a quarter of a second)."""
    import textual

    root = Path(textual.__file__).parent
    parts = [str(root)]
    for name in _TEXTUAL_FILES:
        try:
            stat = (root / name).stat()
            parts.append(f"{stat.st_size}:{stat.st_mtime_ns}")
        except OSError:
            parts.append("-")
    return hashlib.blake2b("|".join(parts).encode(), digest_size=16).hexdigest().encode() + b"\n"
