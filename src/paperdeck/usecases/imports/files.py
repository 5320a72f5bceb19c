"""The one file reader of every import: regular files only, a byte cap, one decoding rule.

- Folders, FIFOs, devices and sockets are refused from `stat`, before anything opens them
  (opening a FIFO blocks until a writer comes; /dev/zero never ends). The file is then opened
  non-blocking and checked again with `fstat`, so a path swapped in between is refused too.
- The cap is counted while reading, never taken from `st_size` (a device reports 0).
- Text is UTF-8, with or without a BOM; UTF-16 with a BOM; else Windows-1252 (what Excel
  and older editors write), which is said in the plan. NUL bytes mean it is not text.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ...domain.file_kinds import NOT_REGULAR_ZH, not_regular
from ...textsafe import one_line

MAX_IMPORT_BYTES = 20 * 1024 * 1024
CHUNK = 1024 * 1024
STDIN = "-"


class FileRefused(ValueError):
    """A file that is not read at all; str() is one line naming the file (English);
    `message("zh")` the same line in Chinese."""

    def __init__(self, name: str, reason: str, reason_zh: str = ""):
        super().__init__(f"{shown_name(name)}: {reason}")
        self.name = name
        self.reason = reason
        self.reason_zh = reason_zh or NOT_REGULAR_ZH.get(reason, "")

    def message(self, language: str = "en") -> str:
        if language == "zh" and self.reason_zh:
            return f"{shown_name(self.name)}：{self.reason_zh}"
        return str(self)


NO_SUCH_FILE = ("no such file", "没有这个文件")


def _cannot_read(error: OSError) -> tuple[str, str]:
    why = error.strerror or str(error)
    return f"cannot read: {why}", f"无法读取：{why}"


@dataclass(frozen=True, slots=True)
class InputText:
    name: str                    # as the user gave it ("-" for standard input)
    text: str
    encoding: str                # "utf-8", "utf-8 with BOM", "utf-16", "windows-1252"


def shown_name(name: str) -> str:
    """A file name fit for a one-line message: controls visible, long names shortened."""
    text = one_line(name if name != STDIN else "(standard input)")
    return text if len(text) <= 120 else text[:57] + "…" + text[-60:]


def read_input(name: str, *, limit: int = MAX_IMPORT_BYTES, stdin: BinaryIO | None = None) -> InputText:
    """Read one import file (or standard input for "-") as text. Raises FileRefused."""
    if name == STDIN and stdin is not None:
        data = _read_capped(stdin.read, name, limit)
    else:
        data = _read_path(name, limit)
    text, encoding = decode(data, name)
    return InputText(name, text, encoding)


def _kind_of(mode: int) -> str | None:
    """Why a file of this mode is refused, or None for a regular file."""
    return not_regular(mode)


def _read_path(name: str, limit: int) -> bytes:
    if "\x00" in name:
        raise FileRefused(name, *NO_SUCH_FILE)
    path = Path(name).expanduser()
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise FileRefused(name, *NO_SUCH_FILE) from None
    except OSError as error:
        raise FileRefused(name, *_cannot_read(error)) from None
    refusal = _kind_of(mode)
    if refusal:
        raise FileRefused(name, refusal)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        raise FileRefused(name, *_cannot_read(error)) from None
    with os.fdopen(fd, "rb", buffering=0) as handle:
        refusal = _kind_of(os.fstat(fd).st_mode)  # the path may have been swapped since stat
        if refusal:
            raise FileRefused(name, refusal)
        try:
            return _read_capped(handle.read, name, limit)
        except OSError as error:
            raise FileRefused(name, *_cannot_read(error)) from None


def _read_capped(read, name: str, limit: int) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = read(min(CHUNK, limit + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise FileRefused(name, f"larger than {_size(limit)} (the import limit); not imported",
                              f"大于 {_size(limit)}（导入上限）；未导入")


def _size(count: int) -> str:
    return f"{count // (1024 * 1024)} MB" if count >= 1024 * 1024 else f"{count:,} bytes"


def decode(data: bytes, name: str) -> tuple[str, str]:
    """The text of `data` and the encoding it was read in; FileRefused if it is not text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise FileRefused(name, "not text: it starts like UTF-16 but is not; save it as UTF-8",
                              "不是文本：开头像 UTF-16 但并不是；请存为 UTF-8") from None
    if b"\x00" in data:
        raise FileRefused(name, "not a text file (it holds NUL bytes); save it as UTF-8 text",
                          "不是文本文件（含 NUL 字节）；请存为 UTF-8 文本")
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8 with BOM"
        except UnicodeDecodeError as error:
            where = _where(data, error.start + 3)
            raise FileRefused(name, f"not UTF-8 text ({where}); save it as UTF-8",
                              f"不是 UTF-8 文本（{where}）；请存为 UTF-8") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        first_bad = error.start
    try:
        return data.decode("cp1252"), "windows-1252"
    except UnicodeDecodeError:
        where = _where(data, first_bad)
        raise FileRefused(name, f"not UTF-8 text ({where}); save it as UTF-8",
                          f"不是 UTF-8 文本（{where}）；请存为 UTF-8") from None


def _where(data: bytes, offset: int) -> str:
    line = data.count(b"\n", 0, offset) + 1
    return f"byte 0x{data[offset]:02x} at line {line}"


def expand_names(text: str) -> list[str]:
    """A typed list of files (shell quoting, `~`, and * ? [ ] patterns) as file names.

    A pattern that matches nothing stays as typed, so the reader says "no such file" about it.
    """
    import glob
    import shlex

    try:
        words = shlex.split(text)
    except ValueError as error:
        raise ValueError(f"cannot read the file list: {error}") from None
    names: list[str] = []
    for word in words:
        pattern = os.path.expanduser(word)
        matches = sorted(glob.glob(pattern)) if glob.has_magic(pattern) else []
        names.extend(matches or [word])
    return names


def file_names(plan) -> str:
    """The plan's files by their base names, for an undo label: "a.yml, b.yml (+3 more)"."""
    names = [Path(read.name).name or read.name for read in plan.files]
    shown = ", ".join(names[:3])
    return shown + (f" (+{len(names) - 3} more)" if len(names) > 3 else "")
