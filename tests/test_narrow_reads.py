"""The screens' narrow reads give what whole papers give: which papers belong on the resume
(placements), what their cite keys are made from (the first author, read by SQLite's JSON,
whatever the stored author list holds), the Pitch screen's paper list (choices) and what the
month grid's milestones are computed from (aims)."""

from __future__ import annotations

import pytest

from paperdeck.domain.bibtex_out import assign_cite_keys
from paperdeck.domain.deadlines import local_today
from paperdeck.domain.resume_entry import entry_status
from paperdeck.domain.targets import milestone_items
from paperdeck.models.papers import Stage
from paperdeck.store.paper_reads import submissions_by_paper
from paperdeck.usecases.paper_targets import paper_milestones, paper_targets

# Author lists as a hand-edited or old database may hold them (raw column text).
STORED_AUTHORS = {
    "plain": '["San Zhang", "Si Li"]',
    "escaped quote": '["O\\"Brien Pat"]',
    "unicode escape": '["Zo\\u00eb Smith"]',
    "lone surrogate": '["\\ud800 Surrogate"]',
    "raw cjk": '["张三"]',
    "spaced": ' ["Spaced Out"] ',
    "empty list": "[]",
    "null first": "[null]",
    "not a list": '{"name": "Object Author"}',
    "a string": '"Just Text"',
    "malformed": '["Unclosed',
    "empty text": "",
}


@pytest.fixture
def odd_authors(store, add_paper):
    ids = {}
    for n, (name, text) in enumerate(STORED_AUTHORS.items()):
        paper = add_paper(f"Efficient Paper {n}", target_year=2023)
        with store.transaction() as conn:  # written past the checks, as an old version or SQL might
            conn.execute("UPDATE papers SET authors = ? WHERE id = ?", (text, paper.id))
        ids[name] = paper.id
    return ids


def whole_paper_keys(store) -> dict[int, str]:
    return assign_cite_keys((p.id, p.cite_key, p.authors, p.target_year, p.title) for p in store.papers.all())


def test_cite_keys_from_the_first_author_read_in_sql_are_the_whole_papers_keys(store, odd_authors):
    papers = {p.id: p for p in store.papers.all()}
    sources = {row[0]: row for row in store.papers.cite_key_sources()}
    for name, paper_id in odd_authors.items():
        assert sources[paper_id][2] == tuple(papers[paper_id].authors[:1]), name
    keys = assign_cite_keys(sources.values())
    assert keys == whole_paper_keys(store)
    assert keys[odd_authors["unicode escape"]] == "smith2023efficient"
    assert keys[odd_authors["escaped quote"]] == "pat2023efficient"  # "O\"Brien" is a first name here
    assert keys[odd_authors["malformed"]].startswith("paper")  # no author read: "paper<id>2023efficient"


def test_placements_decide_as_whole_papers_do(store, add_paper):
    add_paper("Accepted", status="accepted")
    add_paper("Decided", decision="accepted")
    add_paper("On arXiv", arxiv_id="2401.00001")
    add_paper("Preprint", status="Pre-print")
    add_paper("In review", stage=Stage.UNDER_REVIEW)
    add_paper("Dropped", status="dropped", on_resume=False)
    submitted = add_paper("Submitted")
    store.papers.submit(submitted.id, "NeurIPS")
    add_paper("Idea")
    history = submissions_by_paper(store)
    whole = {p.id: p for p in store.papers.all()}
    placed = store.papers.placements()
    assert [p.id for p in placed] == [p.id for p in store.papers.all()]  # board order, as before
    for place in placed:
        paper = whole[place.id]
        assert (place.is_example, place.stage, place.status, place.decision, place.on_resume, place.version,
                place.arxiv_id) == (paper.is_example, paper.stage, paper.status, paper.decision, paper.on_resume,
                                    paper.version, paper.arxiv_id)
        assert entry_status(place, history.get(place.id, ()), place.arxiv_id) == entry_status(
            paper, history.get(paper.id, ()), paper.arxiv_id)


def test_choices_and_aims_are_whole_papers_columns(store, add_paper):
    add_paper("Mine", Stage.WRITING, venue_key="iclr", target_year=2027, track="workshop", target_cycle=2)
    add_paper("Decided", Stage.DECISION, venue_key="acl", decision="rejected")
    whole = store.papers.all()
    assert store.papers.choices() == [(p.id, p.title, p.stage, p.is_example) for p in whole]  # board order
    aims = {aim.id: aim for aim in store.papers.aims()}
    assert aims == {p.id: (p.id, p.title, p.stage, p.venue_key, p.target_year, p.track, p.decision, p.target_cycle)
                    for p in whole}


def test_briefs_are_whole_papers_columns_in_board_order(store, add_paper):
    """What the day's summary reads of every paper: the columns of whole papers, the guide's
    examples marked as Paper.is_example marks them (an empty seed key is not an example)."""
    add_paper("Mine", Stage.WRITING, venue_key="iclr", target_year=2027, track="workshop", target_cycle=2)
    add_paper("Decided", Stage.DECISION, venue_key="acl", decision="rejected")
    blank = add_paper("Blank seed key", Stage.IDEATION)
    seeded = add_paper("Seeded", Stage.DESIGN)
    with store.transaction() as conn:
        conn.execute("UPDATE papers SET seed_key = '' WHERE id = ?", (blank.id,))
        conn.execute("UPDATE papers SET seed_key = 'example.one' WHERE id = ?", (seeded.id,))
    whole = store.papers.all()
    assert store.papers.briefs() == [
        (p.id, p.title, p.stage, p.venue_key, p.target_year, p.track, p.decision, p.target_cycle,
         p.stage_entered_at, p.is_example) for p in whole]
    examples = {brief.id: brief.is_example for brief in store.papers.briefs()}
    assert (examples[blank.id], examples[seeded.id]) == (False, True)


def test_latest_submission_days_are_the_last_of_each_history(store, add_paper):
    """What a target reads of a paper's submissions (the day of its latest), as the whole
    history orders them: an undated one sorts first, a later day after an earlier one."""
    from paperdeck.store.paper_reads import latest_submitted_on

    twice = add_paper("Resubmitted")
    store.papers.submit(twice.id, "ICLR", venue_key="iclr", year=2026, submitted_on="2025-10-01")
    store.papers.submit(twice.id, "ICML", venue_key="icml", year=2026, submitted_on="2026-01-20")
    undated = add_paper("Undated last")
    store.papers.submit(undated.id, "ACL", venue_key="acl", year=2026, submitted_on="2026-02-01")
    blank = store.papers.submit(undated.id, "ACL", venue_key="acl", year=2026)
    with store.transaction() as conn:  # no day recorded (an older version, a hand edit)
        conn.execute("UPDATE submissions SET submitted_on = NULL WHERE id = ?", (blank.id,))
    add_paper("Never submitted")
    history = submissions_by_paper(store)
    assert latest_submitted_on(store) == {paper_id: found[-1].submitted_on for paper_id, found in history.items()}
    assert latest_submitted_on(store)[twice.id] == "2026-01-20"
    assert latest_submitted_on(store)[undated.id] == "2026-02-01"  # the undated one sorts first


def test_month_grid_milestones_are_those_of_whole_papers_targets(store, add_paper):
    """A paper naming a cycle of its edition gets that cycle's plan, as on the board."""
    from datetime import datetime, timezone

    now = datetime(2026, 11, 30, 12, 0, tzinfo=timezone.utc)
    _kdd_with_two_cycles(store)
    two = add_paper("Cycle two", Stage.DESIGN, venue_key="kdd", target_year=2027, target_cycle=2)
    add_paper("Any cycle", Stage.DESIGN, venue_key="kdd", target_year=2027)
    add_paper("Workshop", Stage.IDEATION, venue_key="iclr", track="workshop")
    whole = store.papers.all()
    zone = store.settings.zone()
    expected = milestone_items({p.id: p.title for p in whole}, paper_targets(store, whole, now, zone).values(),
                               local_today(now, zone))
    assert paper_milestones(store, now) == expected
    submit_by = {item.paper_title: item.on_date for item in expected if item.name == "submit_by"}
    assert (submit_by["Cycle two"].month, submit_by["Any cycle"].month) == (6, 2)
    assert two.target_cycle == 2


def test_the_dashboard_and_today_count_down_to_the_cycle_the_board_shows(store, add_paper):
    """`today` and the Dashboard read paper outlines; a paper naming a cycle of its edition
    counts down to that cycle there too, not to the edition's first."""
    from datetime import datetime, timezone

    from paperdeck.usecases.today import gather

    now = datetime(2026, 11, 30, 12, 0, tzinfo=timezone.utc)
    _kdd_with_two_cycles(store)
    two = add_paper("Cycle two", Stage.DESIGN, venue_key="kdd", target_year=2027, target_cycle=2)
    one = add_paper("Any cycle", Stage.DESIGN, venue_key="kdd", target_year=2027)
    board = paper_targets(store, store.papers.all(), now, store.settings.zone())
    working = {item.paper_id: item for item in gather(store, now).mine.working}
    for paper in (two, one):
        assert working[paper.id].next_on == board[paper.id].next.date
    assert working[two.id].next_on.month > working[one.id].next_on.month


@pytest.mark.parametrize("stored", ['[42, "Real Name"]', "[NaN]", '[{"name": "X"}, true]'])
def test_numbers_and_objects_in_a_stored_author_list_read_as_text_not_a_crash(store, add_paper, stored):
    """A hand-edited author list holding numbers or objects: each reads as its JSON text, on
    the resume, in its cite key and in a whole paper alike."""
    from paperdeck.usecases.resume import resume_view

    paper = add_paper("Hand edited", Stage.DECISION, venue_key="iclr", target_year=2024, decision="accepted",
                      on_resume=1)
    store.conn.execute("UPDATE papers SET authors = ? WHERE id = ?", (stored, paper.id))
    authors = store.papers.get(paper.id).authors
    assert authors and all(isinstance(name, str) for name in authors)
    view = resume_view(store)
    assert paper.id in {entry.paper_id for entry in view.entries}


def _kdd_with_two_cycles(store) -> None:
    """KDD 2027 with two submission cycles: February's and June's."""
    from datetime import datetime, timezone

    store.venues.add("KDD", key="kdd")
    for month, name in ((2, "First"), (6, "Second")):
        store.venues.add_deadline("kdd", 2027, "paper", at=datetime(2027, month, 1, 11, 59, tzinfo=timezone.utc),
                                  label=f"Paper submission ({name} Cycle)")
