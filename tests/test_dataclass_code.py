"""Dataclass methods compiled once and read back at the next start (dataclass_code.py).

Each case runs in a fresh interpreter with its own cache file, as `paperdeck` starts."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

PROBE = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    from paperdeck import dataclass_code
    installed = dataclass_code.install(Path(sys.argv[1]))
    from dataclasses import dataclass, field, FrozenInstanceError

    @dataclass(frozen=True)
    class Point:
        x: int
        y: int = 2
        tags: list = field(default_factory=list, compare=False)

        def total(self) -> int:
            return self.x + self.y

    @dataclass(order=True)
    class Named:
        name: str

    a, b = Point(1), Point(1, tags=["t"])
    try:
        a.x = 5
        frozen = False
    except FrozenInstanceError:
        frozen = True
    print(json.dumps({
        "installed": installed,
        "compiled_now": len(dataclass_code._new),
        "repr": repr(a), "eq": a == b, "hash": hash(a) == hash(b), "frozen": frozen, "total": a.total(),
        "order": Named("a") < Named("b"),
        "init_annotation": repr(Point.__init__.__annotations__.get("return")),
    }))
    if sys.argv[2:] == ["save"]:
        dataclass_code.save()
""")


def probe(cache, *extra: str, env: dict | None = None) -> dict:
    done = subprocess.run([sys.executable, "-c", PROBE, str(cache), *extra], capture_output=True, text=True,
                          timeout=60, env=env)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture
def clean_env(monkeypatch):
    import os

    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def test_methods_read_back_behave_as_compiled_ones(tmp_path, clean_env):
    cache = tmp_path / "dataclass-code.bin"
    first = probe(cache, "save", env=clean_env)
    assert first["installed"] and first["compiled_now"] > 0
    assert cache.is_file()
    second = probe(cache, env=clean_env)
    assert second["compiled_now"] == 0  # every method came from the cache
    for key in ("repr", "eq", "hash", "frozen", "total", "order", "init_annotation"):
        assert second[key] == first[key], key
    assert second["repr"] == "Point(x=1, y=2, tags=[])" and second["eq"] and second["frozen"]
    assert second["init_annotation"] == "None"  # as dataclasses makes it (no string annotations)


@pytest.mark.parametrize("content", [b"", b"garbage \x1b[31m" * 50, b"\x00" * 4 + b"not marshal"])
def test_a_damaged_or_foreign_cache_is_ignored_and_written_anew(tmp_path, clean_env, content):
    cache = tmp_path / "dataclass-code.bin"
    cache.write_bytes(content)
    report = probe(cache, "save", env=clean_env)
    assert report["compiled_now"] > 0 and report["repr"] == "Point(x=1, y=2, tags=[])"
    assert probe(cache, env=clean_env)["compiled_now"] == 0


def test_nothing_is_written_where_python_writes_no_bytecode(tmp_path, clean_env):
    cache = tmp_path / "dataclass-code.bin"
    probe(cache, "save", env={**clean_env, "PYTHONDONTWRITEBYTECODE": "1"})
    assert not cache.exists()


def test_another_pythons_dataclasses_are_left_alone(tmp_path):
    script = textwrap.dedent("""
        import dataclasses, sys
        from pathlib import Path
        from paperdeck import dataclass_code
        original = dataclasses._create_fn
        dataclass_code.KNOWN_CREATE_FN = {}  # as on a Python whose _create_fn differs
        print(dataclass_code.install(Path(sys.argv[1])), dataclasses._create_fn is original)
    """)
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "c.bin")], capture_output=True, text=True, timeout=60)
    assert done.stdout.split() == ["False", "True"], done.stderr


def test_the_copy_matches_this_python(tmp_path):
    """The test suite's Python is one the cache is made for: a new Python version fails here
    (then check its `_create_fn` and add its fingerprint), instead of silently not caching."""
    import dataclasses

    from paperdeck import dataclass_code

    if sys.version_info[:2] not in dataclass_code.KNOWN_CREATE_FN:
        pytest.skip("no cache for this Python")
    original = dataclasses._create_fn
    if original is dataclass_code._create_fn:  # installed already in this process (the CLI's import)
        return
    assert dataclass_code._fingerprint(original) == dataclass_code.KNOWN_CREATE_FN[sys.version_info[:2]]
