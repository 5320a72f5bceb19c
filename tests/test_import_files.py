"""The one file reader of every import: what it refuses (before opening), the cap, encodings."""

from __future__ import annotations

import io
import os
import signal
import socket
import tempfile

import pytest

from paperdeck.usecases.imports.files import FileRefused, MAX_IMPORT_BYTES, expand_names, read_input


@pytest.fixture
def no_hang():
    """Fail instead of hanging the suite if a read blocks (a FIFO opened without a writer)."""
    def alarm(signum, frame):
        raise TimeoutError("the reader blocked")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, 5)
    yield
    signal.setitimer(signal.ITIMER_REAL, 0)
    signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def fifo(tmp_path, no_hang):
    path = tmp_path / "pipe.bib"
    os.mkfifo(path)
    return path


def refusal(path, **kwargs) -> str:
    with pytest.raises(FileRefused) as caught:
        read_input(str(path), **kwargs)
    message = str(caught.value)
    assert "\n" not in message and message.startswith(str(path) if path != "-" else "(standard input)")
    return message


def test_a_fifo_is_refused_before_it_is_opened(fifo):
    # Opening a FIFO for reading blocks until a writer comes: had the reader opened it, this
    # test would hang instead of failing.
    assert "named pipe (FIFO)" in refusal(fifo)


def test_a_symlink_to_a_fifo_is_refused_too(fifo, tmp_path):
    link = tmp_path / "link.yml"
    link.symlink_to(fifo)
    assert "named pipe (FIFO)" in refusal(link)


def test_devices_folders_and_sockets(tmp_path):
    assert "is a device" in refusal("/dev/zero")  # st_size 0, endless: refused from its type
    assert "is a device" in refusal("/dev/null")
    assert "is a folder" in refusal(tmp_path)
    with tempfile.TemporaryDirectory(dir="/tmp") as short:  # a socket path must be short
        path = os.path.join(short, "s.sock")
        server = socket.socket(socket.AF_UNIX)
        try:
            server.bind(path)
            assert "is a socket" in refusal(path)
        finally:
            server.close()


def test_missing_unreadable_and_odd_names(tmp_path):
    assert refusal(tmp_path / "missing.bib").endswith("no such file")
    locked = tmp_path / "locked.bib"
    locked.write_text("x")
    locked.chmod(0)
    if os.geteuid() != 0:
        assert "Permission denied" in refusal(locked)
    assert "no such file" in str(pytest.raises(FileRefused, read_input, "a\x00b").value)
    long_name = str(tmp_path / ("x" * 300))
    with pytest.raises(FileRefused) as caught:
        read_input(long_name)
    assert len(str(caught.value)) < 200  # the name is shortened in the one line


def test_the_cap_is_counted_while_reading_not_taken_from_st_size(tmp_path):
    big = tmp_path / "big.csv"
    with open(big, "wb") as handle:
        handle.truncate(2049)  # sparse: nothing written, so the test stays fast
    assert "larger than 2,048 bytes" in refusal(big, limit=2048)
    exact = tmp_path / "exact.csv"
    exact.write_bytes(b"a" * 2048)
    assert read_input(str(exact), limit=2048).text == "a" * 2048
    # Standard input has no size at all: the cap holds there too.
    endless = io.BytesIO(b"b" * 5000)
    assert "larger than" in refusal("-", limit=2048, stdin=endless)
    assert MAX_IMPORT_BYTES == 20 * 1024 * 1024


@pytest.mark.parametrize(("data", "text", "encoding"), [
    ("naïve 论文".encode(), "naïve 论文", "utf-8"),
    (b"\xef\xbb\xbf" + "naïve".encode(), "naïve", "utf-8 with BOM"),
    ("naïve".encode("utf-16"), "naïve", "utf-16"),
    ("“smart” quotes – café".encode("cp1252"), "“smart” quotes – café", "windows-1252"),
    (b"", "", "utf-8"),
])
def test_encodings_are_decided_in_one_place(tmp_path, data, text, encoding):
    path = tmp_path / "in.txt"
    path.write_bytes(data)
    read = read_input(str(path))
    assert (read.text, read.encoding) == (text, encoding)


def test_binary_and_broken_text(tmp_path):
    png = tmp_path / "image.bib"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert "not a text file" in refusal(png)
    broken = tmp_path / "broken.bib"
    broken.write_bytes(b"\xef\xbb\xbfok\nthen \x81 bad")
    assert "not UTF-8 text (byte 0x81 at line 2)" in refusal(broken)


def test_patterns_and_quoting(tmp_path):
    for name in ("a.yml", "b.yml", "c.txt", "with space.yml"):
        (tmp_path / name).write_text("x")
    assert expand_names(f"{tmp_path}/*.yml") == [str(tmp_path / n) for n in ("a.yml", "b.yml", "with space.yml")]
    assert expand_names(f"'{tmp_path}/with space.yml' {tmp_path}/none*.yml") == [
        str(tmp_path / "with space.yml"), f"{tmp_path}/none*.yml"]  # no match: kept, so it is reported
    with pytest.raises(ValueError, match="cannot read the file list"):
        expand_names("'unclosed")
