"""`paperdeck today` as a subprocess: text, JSON, colour rules, empty database, import hygiene."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import struct
import subprocess
import sys
import termios

import pytest

from conftest import FROZEN_NOW, run_cli

ANSI = "\x1b["


def _prepare(db_path) -> None:
    """Papers with stale stages, a markup-like and a CJK title, a control character."""
    from paperdeck.models.papers import Stage
    from paperdeck.store import open_store

    store = open_store(db_path)
    try:
        store.papers.add("[red]Reward-Aware[/] prompts", Stage.EXPERIMENTS, stage_entered_at="2026-10-01T00:00:00Z")
        store.papers.add("多模态 Agent 评估 🚀", Stage.WRITING, stage_entered_at="2026-11-20T00:00:00Z")
        store.papers.add("Clear\x1b[2Jscreen", Stage.DESIGN, stage_entered_at="2026-09-01T00:00:00Z")
        store.papers.add("Old accepted paper", Stage.DECISION, stage_entered_at="2025-01-01T00:00:00Z")
    finally:
        store.close()


def run_in_pty(args: list[str], env: dict[str, str], columns: int = 0) -> str:
    """Run the CLI with stdout on a pseudo-terminal, as in a shell's start-up file (`columns`
    wide; 0: a terminal that does not say)."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "paperdeck.cli.main", *args],
            stdout=follower, stderr=subprocess.PIPE,
            env={name: value for name, value in {**os.environ, **env}.items() if name != "COLUMNS"},  # the pty's width
        )
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        assert process.wait(timeout=60) == 0, process.stderr.read()
        return b"".join(chunks).decode()
    finally:
        os.close(leader)


def test_empty_database_exits_zero(tmp_path):
    result = run_cli("today", "--db", str(tmp_path / "fresh.db"))
    assert result.returncode == 0, result.stderr
    assert "Deadlines" in result.stdout
    assert "none" in result.stdout
    assert "Line of the day" in result.stdout


def test_text_lists_stalled_papers_literally(seeded_db):
    db_path = seeded_db
    _prepare(db_path)
    result = run_cli("today", "--db", str(db_path))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "[red]Reward-Aware[/] prompts" in out  # markup shown as typed
    assert "Clear␛[2Jscreen" in out  # the escape made visible, never sent
    assert "\x1b" not in out  # not a terminal: no colour at all
    stalled = out.split("Stalled")[1].split("Flashcards")[0]
    assert "Reward-Aware" in stalled and "Clear" in stalled
    assert "多模态" not in stalled  # 9 days in Writing: not stalled at the default 14
    assert "Old accepted paper" not in stalled  # decided papers never stall


def test_stalled_days_setting_is_respected(seeded_db):
    db_path = seeded_db
    _prepare(db_path)
    from paperdeck.store import open_store

    store = open_store(db_path)
    store.settings.update(stalled_days=5)
    store.close()
    data = json.loads(run_cli("today", "--json", "--db", str(db_path)).stdout)
    titles = [alert["title"] for alert in data["stalled"]]
    assert "多模态 Agent 评估 🚀" in titles
    assert data["stalled_days"] == 5


def test_json_output_is_plain_data(seeded_db):
    db_path = seeded_db
    _prepare(db_path)
    result = run_cli("today", "--json", "--days", "30", "--db", str(db_path))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["days"] == 30
    assert data["now"].endswith("Z")
    assert set(data) >= {"deadlines", "at_risk", "stalled", "cards", "pitch", "line"}
    stalled = {alert["title"]: alert for alert in data["stalled"]}
    assert stalled["Clear\x1b[2Jscreen"]["stage"] == "design"  # JSON keeps the text, escaped
    assert "\x1b" not in result.stdout
    assert data["line"]["key"].startswith(("reason.", "platform."))
    assert set(data["cards"]) >= {"due", "new", "streak", "retention"}


def test_estimates_are_marked_in_text_and_json(seeded_db, cli):
    db_path = seeded_db
    text = cli("today", "--days", "3660", "--db", str(db_path)).stdout
    assert any(line.rstrip().endswith("est.") for line in text.splitlines())
    data = json.loads(cli("today", "--json", "--days", "3660", "--db", str(db_path)).stdout)
    assert any(item["is_estimate"] for item in data["deadlines"])
    for item in data["deadlines"]:
        assert (item["at"] is None) != (item["on_date"] is None)
        assert item["at"] is None or item["at"].endswith("Z")


def test_colour_on_a_terminal_but_never_with_no_color(seeded_db):
    db_path = seeded_db
    _prepare(db_path)
    coloured = run_in_pty(["today", "--db", str(db_path)], {"TERM": "xterm-256color", "NO_COLOR": ""})
    assert ANSI in coloured
    plain = run_in_pty(["today", "--db", str(db_path)], {"TERM": "xterm-256color", "NO_COLOR": "1"})
    assert ANSI not in plain.replace("␛[2J", "")
    assert "Reward-Aware" in plain


@pytest.mark.parametrize("days", ["-1", "99999", "abc"])
def test_bad_horizon_is_refused(tmp_path, days):
    result = run_cli("today", "--days", days, "--db", str(tmp_path / "p.db"))
    assert result.returncode == 2
    assert "days" in result.stderr
    assert "Traceback" not in result.stderr


def test_today_loads_neither_textual_nor_rich(tmp_path):
    code = (
        "import sys\n"
        "from paperdeck.cli.main import main\n"
        f"status = main(['today', '--db', {str(tmp_path / 'p.db')!r}])\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich', 'watchfiles'))\n"
        "sys.stderr.write('STATUS:%s LOADED:%s' % (status, ','.join(heavy)))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().endswith("STATUS:0 LOADED:"), result.stderr


def test_gather_with_a_frozen_clock(store, frozen_clock):
    from paperdeck.models.papers import Stage
    from paperdeck.usecases.today import gather

    from paperdeck.models.common import utcnow

    store.papers.add("Stale", Stage.EXPERIMENTS, stage_entered_at="2026-11-01T09:00:00Z")
    store.papers.add("Fresh", Stage.EXPERIMENTS, stage_entered_at="2026-11-28T09:00:00Z")
    summary = gather(store, utcnow(), 14)
    assert summary.now.isoformat() == FROZEN_NOW
    assert [(a.title, a.days_in_stage) for a in summary.stalled] == [("Stale", 28)]
    # The line of the day changes with the day, and only with the day.
    first = summary.line.key
    assert gather(store, utcnow(), 14).line.key == first
    frozen_clock.shift(86400)
    assert gather(store, utcnow(), 14).line.key != first


def test_today_reads_a_database_another_process_just_created(db_path):
    from paperdeck.store import open_store

    store = open_store(db_path)  # kept open: its header is still in the WAL
    try:
        result = run_cli("today", "--db", str(db_path))
        assert result.returncode == 0, result.stderr
    finally:
        store.close()


def test_papers_behind_their_backward_plan_are_at_risk(store, frozen_clock):
    from datetime import datetime, timezone

    from paperdeck.models.common import utcnow
    from paperdeck.models.papers import Stage
    from paperdeck.usecases.today import gather

    store.venues.add_deadline("mlsys", 2027, "paper", at=datetime(2026, 12, 20, 7, 59, tzinfo=timezone.utc))
    late = store.papers.add("Still an idea", Stage.IDEATION, venue_key="mlsys", target_year=2027,
                            stage_entered_at="2026-11-28T09:00:00Z")
    store.papers.add("Nearly done", Stage.SUBMISSION, venue_key="mlsys", target_year=2027,
                     stage_entered_at="2026-11-28T09:00:00Z")
    store.papers.add("Stale but no venue", Stage.IDEATION, stage_entered_at="2026-01-01T09:00:00Z")
    summary = gather(store, utcnow(), 30)
    assert [alert.paper_id for alert in summary.at_risk] == [late.id]
    assert "passed" in summary.at_risk[0].reason
    assert [alert.title for alert in summary.stalled] == ["Stale but no venue"]


def test_text_in_chinese_when_the_language_is_chinese(seeded_db):
    """Every heading, count and date in the content language; stored titles as typed."""
    _prepare(seeded_db)
    assert run_cli("config", "set", "language", "zh", "--db", str(seeded_db)).returncode == 0
    result = run_cli("today", "--db", str(seeded_db))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for heading in ("截止日期（30 天内）", "本周", "我的论文", "进度落后", "停滞（14 天以上未推进）", "闪卡",
                    "讲稿准备（目标 5–8 分钟）", "今日一句（指南）"):
        assert heading in out, heading
    for english in ("Deadlines", "This week", "My papers", "Stalled", "Flashcards", "Pitch readiness",
                    "to study today", "none"):
        assert english not in out, english
    stalled = out.split("停滞")[1].split("闪卡")[0]
    assert "[red]Reward-Aware[/] prompts" in stalled and "实验" in stalled and "天未推进" in stalled
    assert "今日待学" in out and "年" in out.splitlines()[0]


def test_deadline_kinds_are_whole_and_columns_line_up(seeded_db):
    """A tracker's long kind ("Abstract submission deadline") is printed whole, not cut at a
    fixed width, and every deadline row's countdown starts in the same column."""
    result = run_cli("today", "--days", "3660", "--db", str(seeded_db))
    assert result.returncode == 0, result.stderr
    rows = [line for line in result.stdout.splitlines() if line.startswith(("    ", "  ★")) and " ~" in line]
    assert len(rows) > 3
    assert "Abstract submission deadline" in result.stdout
    assert "subm…" not in result.stdout
    assert len({row.index(" ~") for row in rows}) == 1, rows


@pytest.mark.parametrize("language", ["en", "zh"])
def test_on_a_terminal_every_line_fits_its_width(seeded_db, language):
    """A terminal wraps a longer line wherever it ends ("no mov" / "e in 60 days" at 80
    columns): each line is cut to the width instead, the titles' column narrower. Through a
    pipe nothing is cut."""
    from paperdeck.cli.commands.today import cells
    from paperdeck.models.papers import Stage
    from paperdeck.store import open_store

    _prepare(seeded_db)
    store = open_store(seeded_db)
    try:
        store.settings.update(language=language)
        store.papers.add("A long title about sparse attention for long-context reasoning at scale", Stage.WRITING,
                         stage_entered_at="2026-08-01T00:00:00Z", notes="x")
    finally:
        store.close()
    args, env = ["today", "--days", "3660", "--db", str(seeded_db)], {"TERM": "xterm-256color", "NO_COLOR": "1"}
    for columns in (60, 80, 100):
        lines = run_in_pty(args, env, columns).replace("\r\n", "\n").splitlines()
        assert all(cells(line) <= columns for line in lines), (columns, [line for line in lines if cells(line) > columns])
        assert any(line.startswith("  #") and "A long title" in line and "…" in line for line in lines)  # cut
    coloured = run_in_pty(args, {"TERM": "xterm-256color", "NO_COLOR": ""}, 60)
    plain = [re.sub(r"\x1b\[[0-9;]*m", "", line) for line in coloured.replace("\r\n", "\n").splitlines()]
    assert all(cells(line) <= 60 for line in plain)  # colour codes take no cell
    piped = run_cli(*args).stdout.splitlines()
    assert any(cells(line) > 80 for line in piped)
