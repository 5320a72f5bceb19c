"""Hostile text stored through every store API and imported from files, then printed by the CLI.

Each value is refused with a StoreError message or stored exactly as given; printing it later
never lets a control character through (the CLI's stdout and stderr are checked byte for byte).
"""

from __future__ import annotations

import json

from hostile import HOSTILE, raw_controls
from paperdeck.store import StoreError, open_store

MARKUP = HOSTILE["markup"]


def store_everywhere(store) -> dict[str, list[str]]:
    """Feed every value to every text-taking store API; return what each refused."""
    refused: dict[str, list[str]] = {}

    def attempt(where: str, name: str, action, check) -> None:
        try:
            saved = action()
        except StoreError as error:
            assert str(error).strip(), f"{where}/{name}: refused without a message"
            refused.setdefault(where, []).append(name)
            return
        check(saved)

    deck = store.cards.add_deck("hostile deck")
    for name, value in HOSTILE.items():
        attempt("paper title", name,
                lambda: store.papers.add(value, status="accepted", venue_key="neurips", target_year=2026),
                lambda paper: _same(store.papers.get(paper.id).title, value.strip(), name))
        attempt("card front", name, lambda: store.cards.add(deck.id, value, value, value),
                lambda card_id: _same(store.cards.get(_id(card_id)).back, value, name))
        attempt("deck name", name, lambda: store.cards.add_deck(value + f" {name}"), lambda deck: None)
        attempt("venue name", name, lambda: store.venues.add(value), lambda venue: None)
        attempt("setting my_name", name, lambda: store.settings.update(my_name=value),
                lambda _: _same(store.settings.load().my_name, value, name))
    paper_id = store.papers.all()[0].id
    for part in store.pitches.parts():
        for name, value in HOSTILE.items():
            attempt("pitch part", name, lambda: store.pitches.save_section(paper_id, part.key, value),
                    lambda _: _same(store.pitches.bodies(paper_id)[part.key], value, name))
    store.settings.update(my_name=MARKUP)
    return refused


def _id(value):
    return getattr(value, "id", value)


def _same(stored, given, name) -> None:
    assert stored in (given, given.strip()), f"{name}: stored {stored[:60]!r}, given {given[:60]!r}"


def test_store_apis_store_literally_or_refuse_with_a_message(store):
    refused = store_everywhere(store)
    # The empty title must be refused; markup, escapes, CJK and SQL must be stored as typed.
    assert "empty" in refused.get("paper title", [])
    for where, names in refused.items():
        assert not {"markup", "sql", "cjk-emoji-combining", "clear-screen"} & set(names), (where, names)


def test_cli_prints_hostile_stored_text_safely(seeded_db, cli):
    db_path = seeded_db
    opened = open_store(db_path)
    store_everywhere(opened)
    opened.close()
    runs = [("today",), ("today", "--json"), ("info",), ("backup", "--list")]
    runs += [("snippet", "--format", fmt) for fmt in ("txt", "md", "tex", "bib")]
    for argv in runs:
        result = cli(*argv, "--db", str(db_path))
        assert result.returncode in (0, 1), (argv, result.stderr[-500:])
        assert "Traceback" not in result.stderr, argv
        assert not raw_controls(result.stdout + result.stderr), (argv, raw_controls(result.stdout + result.stderr))
    snippet = cli("snippet", "--db", str(db_path))
    assert "[red]red[/]" in snippet.stdout  # markup printed literally, not interpreted
    assert "论文标题 📄" in snippet.stdout and "DROP TABLE papers" in snippet.stdout
    assert "␛[2J" in snippet.stdout  # the escape made visible instead of clearing the screen
    data = json.loads(cli("today", "--json", "--db", str(db_path)).stdout)
    assert isinstance(data, dict)


def bib_entry(key: str, value: str) -> str:
    value = value.replace("{", "(").replace("}", ")")
    return (f"@inproceedings{{{key},\n  title = {{{value} {key}}},\n  author = {{{value} and Doe, Jane}},\n"
            f"  booktitle = {{{value}}},\n  year = {{{value if value.isdigit() else 2025}}},\n}}\n")


def test_imported_bibtex_with_hostile_fields(seeded_db, tmp_path, cli):
    db_path = seeded_db
    bib = tmp_path / "hostile.bib"
    bib.write_text("".join(bib_entry(f"k{n}", v) for n, v in enumerate(HOSTILE.values()) if "\x00" not in v)
                   + "@article{broken, title = {unclosed\n", encoding="utf-8")
    result = cli("import", "bib", str(bib), "--db", str(db_path))
    assert result.returncode in (0, 1) and "Traceback" not in result.stderr, result.stderr[-500:]
    assert not raw_controls(result.stdout + result.stderr)
    titles = [paper.title for paper in _papers(db_path)]
    assert any("[red]red[/]" in title for title in titles)
    listing = cli("snippet", "--format", "bib", "--db", str(db_path))
    assert not raw_controls(listing.stdout + listing.stderr)
    nul = tmp_path / "nul.bib"
    nul.write_bytes(b"@article{a,\x00 title={x}}")
    refused = cli("import", "bib", str(nul), "--db", str(db_path))
    assert refused.returncode == 2 and "not a text file" in refused.stderr


def _papers(db_path):
    opened = open_store(db_path, seed=False)
    try:
        return opened.papers.all()
    finally:
        opened.close()


def test_imported_deadline_yaml_with_hostile_fields(store, db_path, cli, tmp_path):
    import yaml

    from paperdeck.usecases.imports import run_import

    for name, value in HOSTILE.items():
        entries = [
            {"title": value, "year": 2026, "deadline": "2027-05-15 23:59", "timezone": "AoE"},
            {"title": f"Conf {name}", "year": value, "deadline": value, "timezone": value},
            {"title": f"Dated {name}", "year": 2026, "deadline": "2026-02-30 23:59", "timezone": "UTC-12"},
        ]
        path = tmp_path / f"hostile-{name}.yaml"
        path.write_text(yaml.safe_dump(entries, allow_unicode=True), "utf-8")
        plan = run_import(store, "deadlines", [str(path)])
        assert any(problem.entry.startswith("Dated") for problem in plan.problems), name
        if value.strip():
            assert any(venue.name == value.strip() for venue in store.venues.all()), name
    shown = cli("today", "--days", "400", "--db", str(db_path))
    assert shown.returncode == 0, shown.stderr[-500:]
    assert not raw_controls(shown.stdout + shown.stderr)
