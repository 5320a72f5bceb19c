"""Compiled dataclass methods kept between runs, as .pyc files keep compiled modules.

Python 3.11 writes each dataclass's `__init__`, `__repr__`, `__eq__` (and a frozen
one's `__setattr__`, `__delattr__`, `__hash__`) as source text and compile it, at every start:
~170 compiles for `paperdeck today` (~20 ms of its ~150) and ~450 before the app's first frame
(ours and Textual's). `install()` wraps `dataclasses._create_fn` so that a text compiled once
is read back from `__pycache__/dataclass-code.<tag>.bin` beside this module: the same source,
the same compiled code, executed the same way; only `compile()` is skipped.

Only for the `_create_fn` it was written against (checked by its code: 3.12 names a local
otherwise, 3.13 compiles a class's methods at once; those keep their own); a missing, unreadable or foreign cache is ignored; nothing is written where
Python would write no .pyc (`sys.dont_write_bytecode`, a read-only install).
"""

import dataclasses
import marshal
import os
import sys
from importlib._bootstrap_external import MAGIC_NUMBER  # type: ignore[attr-defined]
from pathlib import Path
from typing import Any

# `dataclasses._create_fn`'s bytecode, constants and names in the version this copies.
KNOWN_CREATE_FN = {(3, 11): "e2897126e12ecae7"}
CACHE_NAME = f"dataclass-code.{sys.implementation.cache_tag}.bin"

_stored: dict[str, bytes] = {}  # source text -> its marshalled code, as read (loaded when used)
_new: dict[str, bytes] = {}     # compiled in this run, to be written
_cache_path: "Path | None" = None


def install(cache_path: "Path | None" = None) -> bool:
    """Use (and later `save`) the cache; False when this Python's dataclasses are not the ones
    this copies (nothing changes then)."""
    global _cache_path
    original = dataclasses._create_fn  # type: ignore[attr-defined]
    if original is _create_fn:
        return True
    if _fingerprint(original) != KNOWN_CREATE_FN.get(sys.version_info[:2]):
        return False
    _cache_path = cache_path or Path(__file__).with_name("__pycache__") / CACHE_NAME
    _stored.update(_read(_cache_path))
    dataclasses._create_fn = _create_fn  # type: ignore[attr-defined]
    return True


def save() -> None:
    """Write what this run compiled (at exit: the next start reads it). Never raises."""
    if not _new or _cache_path is None or sys.dont_write_bytecode:
        return
    merged = {**_read(_cache_path), **_stored, **_new}
    temporary = _cache_path.with_name(f"{_cache_path.name}.{os.getpid()}.tmp")
    try:
        _cache_path.parent.mkdir(exist_ok=True)
        temporary.write_bytes(MAGIC_NUMBER + marshal.dumps(merged))
        os.replace(temporary, _cache_path)
        _new.clear()
    except OSError:  # a read-only install: as without .pyc files
        try:
            temporary.unlink()
        except OSError:
            pass


def _read(path: Path) -> dict[str, bytes]:
    """The cache: each code kept marshalled, so a start unmarshals only the ones it uses."""
    try:
        data = path.read_bytes()
        if not data.startswith(MAGIC_NUMBER):
            return {}
        found = marshal.loads(data[len(MAGIC_NUMBER):])
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    return found if isinstance(found, dict) else {}


def _code_for(text: str) -> Any:
    raw = _stored.get(text)
    if type(raw) is bytes:
        try:
            code = marshal.loads(raw)
            if type(code) is type(_code_for.__code__):
                return code
        except (ValueError, EOFError, TypeError):
            pass
    code = compile(text, "<string>", "exec", dont_inherit=True)
    _stored[text] = _new[text] = marshal.dumps(code)
    return code


def _fingerprint(function: Any) -> str:
    import hashlib

    code = function.__code__
    # A nested code object (the body's generator) by its bytecode: its repr holds its address.
    constants = [value.co_code if hasattr(value, "co_code") else value for value in code.co_consts]
    return hashlib.sha256(code.co_code + repr((constants, code.co_names)).encode()).hexdigest()[:16]


def _create_fn(name, args, body, *, globals=None, locals=None, return_type=dataclasses.MISSING):  # noqa: A002
    # dataclasses._create_fn (3.11) line for line, but for the compile.
    if locals is None:
        locals = {}  # noqa: A001
    return_annotation = ""
    if return_type is not dataclasses.MISSING:
        locals["_return_type"] = return_type
        return_annotation = "->_return_type"
    args = ",".join(args)
    body = "\n".join(f"  {b}" for b in body)
    txt = f" def {name}({args}){return_annotation}:\n{body}"
    local_vars = ", ".join(locals.keys())
    txt = f"def __create_fn__({local_vars}):\n{txt}\n return {name}"
    ns: dict[str, Any] = {}
    exec(_code_for(txt), globals, ns)
    return ns["__create_fn__"](**locals)
