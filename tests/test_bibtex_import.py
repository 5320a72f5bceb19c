"""BibTeX import with the real files in tests/data/bib (counts from their README)."""

from __future__ import annotations

from pathlib import Path

import pytest

from paperdeck.domain.bib_import import split_duplicates
from paperdeck.domain.bibtex import parse_bibtex
from paperdeck.models.imports import Action
from paperdeck.usecases.imports import run_import

BIB = Path(__file__).parent / "data" / "bib"
README_COUNTS = {
    "YerbaPage_custom.bib": 139,
    "mainlp_papers.bib": 106,
    "JerryLife_papers.bib": 21,
    "594zyc_papers.bib": 13,
}


def read(name: str) -> str:
    return (BIB / name).read_text(encoding="utf-8")


def import_file(store, path):
    return run_import(store, "bib", [str(path)])


def added(plan):
    return [item for item in plan.items if item.action is Action.ADD]


def skipped(plan):
    return [item for item in plan.items if item.action is Action.SKIP]


@pytest.mark.parametrize("name, count", README_COUNTS.items())
def test_every_entry_is_accounted_for(store, name, count):
    plan = import_file(store, BIB / name)
    assert plan.entries == count
    assert len(added(plan)) + len(skipped(plan)) + len(plan.problems) == count
    assert store.counts()["papers"] == len(added(plan))
    again = import_file(store, BIB / name)
    assert added(again) == [] and len(skipped(again)) == count - len(plan.problems)
    assert not again.applied and store.counts()["papers"] == len(added(plan))


def test_mainlp_duplicate_key_is_reported_with_key_and_line(store):
    plan = import_file(store, BIB / "mainlp_papers.bib")
    assert [(p.entry, p.line) for p in plan.problems] == [("lutgen-etal-2025-neural", 1471)]
    assert "Duplicate entry key" in str(plan.problems[0])
    assert str(plan.problems[0]).startswith(f"{BIB / 'mainlp_papers.bib'}: lutgen-etal-2025-neural (line 1471): ")
    assert len(added(plan)) == 105


def test_latex_accents_and_von_names_are_decoded(store):
    from paperdeck.domain.names import display_name, parse_name

    import_file(store, BIB / "mainlp_papers.bib")
    stored = {a for paper in store.papers.all() for a in paper.authors}
    shown = {display_name(a) for a in stored}
    assert any(a.startswith("Özge") for a in shown)
    assert any("Zarrieß" in a for a in shown)
    assert "Rob van der Goot" in shown
    goot = next(a for a in stored if display_name(a) == "Rob van der Goot")
    assert parse_name(goot).last == "van der Goot"  # {van der Goot} stays one last name
    assert not any("\\" in a for a in stored)


def test_awards_orals_and_roles_from_the_common_fields():
    text = r"""
@inproceedings{a, title = {A}, author = {Wu†, Zhaomin and Li*, Si}, booktitle = {ICLR}, year = 2026,
  award = {ICLR 2026 Oral (1\%)}, award_text = {This paper was selected for oral presentation}}
@inproceedings{b, title = {B}, author = {Li, Si}, booktitle = {NeurIPS}, year = 2024, note = {Spotlight presentation}}
@inproceedings{c, title = {C}, author = {Li, Si}, booktitle = {ACL}, year = 2024, annotation = {Outstanding Paper Award}}
@inproceedings{d, title = {D}, author = {Li, Si}, booktitle = {EMNLP}, year = 2024,
  award_text = {Selected for oral presentation at EMNLP 2024}}
@inproceedings{e, title = {E}, author = {Li, Si}, booktitle = {EMNLP}, year = 2024, note = {Best Paper Award}}
@inproceedings{f, title = {F}, author = {Li, Si}, booktitle = {EMNLP}, year = 2024, note = {to appear}}
@inproceedings{g, title = {G}, author = {Li, Si}, booktitle = {SIGMOD}, year = 2023,
  award_name = {(Best Artifact Honorable Mention, 3 out of ~600)}}
"""
    papers = {p.key: p for p in parse_bibtex(text).papers}
    assert {key: p.award for key, p in papers.items()} == {
        "a": "Oral, 1%", "b": "Spotlight", "c": "Outstanding Paper", "d": "Oral", "e": "Best Paper", "f": None,
        "g": "Best Artifact Honorable Mention, 3 out of 600",   # `~` is a tie; the formats add the parentheses
    }
    assert (papers["a"].equal_contribution, papers["a"].corresponding) == ([1], [0])


def test_a_windows_1252_file_is_read_as_such_and_said(store, tmp_path):
    path = tmp_path / "cp1252.bib"
    path.write_bytes('@article{k, title = {\u201cQuoted\u201d \u2013 caf\u00e9}, author = {M\u00fcller, J\u00fcrgen}, '
                     'journal = {TKDE}, year = 2021}'.encode("cp1252"))
    plan = import_file(store, path)
    assert plan.files[0].encoding == "windows-1252"
    paper = store.papers.all()[0]
    assert paper.title == "\u201cQuoted\u201d \u2013 café" and paper.authors == ["Jürgen Müller"]
    assert "\u0093" not in paper.title


def test_venues_and_tracks_are_inferred():
    papers = {p.key: p for p in parse_bibtex(read("mainlp_papers.bib")).papers}
    findings = papers["zhao-etal-2025-makieval"]
    assert (findings.venue_key, findings.track, findings.year, findings.status) == ("emnlp", "findings", 2025, "published")
    assert findings.doi == "10.18653/v1/2025.findings-emnlp.1256"
    jerry = {p.key: p for p in parse_bibtex(read("JerryLife_papers.bib")).papers}
    venues = {(p.venue_key, p.track) for p in jerry.values()}
    assert ("iclr", None) in venues and ("kdd", None) in venues and ("acl", "findings") in venues
    yerba = parse_bibtex(read("YerbaPage_custom.bib")).papers
    assert {"neurips", "iclr", "icml", "acl", "emnlp", "naacl"} <= {p.venue_key for p in yerba}


def test_author_markers_become_equal_contribution():
    jerry = parse_bibtex(read("JerryLife_papers.bib")).papers
    marked = [p for p in jerry if "Zhaomin Wu" in p.authors and p.equal_contribution]
    assert marked, "Wu*, Zhaomin should be marked as equal contribution"
    assert all("*" not in a and "†" not in a for p in jerry for a in p.authors)
    assert not any("&amp;" in (p.venue_name or "") for p in jerry)


def test_arxiv_only_entries_are_preprints():
    yerba = {p.key: p for p in parse_bibtex(read("YerbaPage_custom.bib")).papers}
    misc = yerba["lindenbauer2025complexitytrapsimpleobservation"]
    assert (misc.status, misc.arxiv_id, misc.venue_key) == ("preprint", "2508.21433", None)
    scholar = yerba["li2024survey"]  # @article{journal = "arXiv preprint arXiv:2412.19442"}
    assert (scholar.status, scholar.arxiv_id) == ("preprint", "2412.19442")
    assert sum(p.status == "preprint" for p in yerba.values()) >= 72


def test_duplicates_need_an_id_and_a_similar_title_or_the_same_title():
    text = """
@inproceedings{a, title = {Same Paper}, author = {A, B}, booktitle = {ICLR}, year = 2024, doi = {10.1/X}}
@inproceedings{b, title = {Same paper.}, author = {A, B}, booktitle = {ICLR}, year = 2024, doi = {https://doi.org/10.1/x}}
@misc{c, title = {Third Paper on Scaling Laws}, eprint = {2401.00001v2}, archivePrefix = {arXiv}}
@article{d, title = {Third Paper on Scaling Law}, journal = {arXiv preprint arXiv:2401.00001}}
@misc{e, title = {{S}ame {P}aper.}}
@misc{f, title = {A Different Paper Entirely}, eprint = {2401.00001}, archivePrefix = {arXiv}}
"""
    split = split_duplicates(parse_bibtex(text).papers, [(7, "Another paper", None, None)])
    assert [p.key for p in split.new] == ["a", "c", "f"]
    assert [(d.paper.key, d.why.split(" as ")[0]) for d in split.duplicates] == [
        ("b", "same DOI and title"), ("d", "same arXiv id and title"), ("e", "same title"),
    ]
    kept = next(p for p in split.new if p.key == "f")
    assert "shares its arXiv id 2401.00001 with entry c but not its title" in split.notes[id(kept)]
    in_db = split_duplicates(parse_bibtex(text).papers, [(7, "Same paper", None, None)])
    assert (in_db.duplicates[0].paper.key, in_db.duplicates[0].paper_id) == ("a", 7)
    assert "paper #7 in the database" in in_db.duplicates[0].why


def test_malformed_entries_are_reported_and_the_rest_imported(store, tmp_path):
    text = """@article{good1, title = {Fine}, year = 2020}

@article{broken, title = {Unclosed, year = 2021

@article{notitle, author = {X, Y}, year = 2022}
@article{good2, title = {[red]Also fine[/] \x1b[2J}, year = {not a year}}
"""
    path = tmp_path / "mixed.bib"
    path.write_text(text, "utf-8")
    plan = import_file(store, path)
    titles = sorted(p.title for p in store.papers.all())
    assert "Fine" in titles
    assert any(p.entry == "notitle" and p.line == 5 and "no title" in p.message for p in plan.problems)
    assert plan.problems, "the unclosed entry is reported"
    assert all(p.entry and p.file == str(path) for p in plan.problems)


def test_empty_and_garbage_input():
    assert parse_bibtex("").total == 0
    assert parse_bibtex("just some text, no entries\n" * 100).total == 0


def test_a_journal_paper_with_an_arxiv_link_is_published_not_a_preprint(store):
    papers = {p.key: p for p in parse_bibtex(read("594zyc_papers.bib")).papers}
    elastic = papers["dai2021elastic"]  # journal = Applied Sciences, arxiv = 1811.01331
    assert (elastic.status, elastic.venue_name, elastic.arxiv_id) == ("published", "Applied Sciences", "1811.01331")
    jerry = {p.key: p for p in parse_bibtex(read("JerryLife_papers.bib")).papers}
    assert (jerry["hu2022oarf"].venue_key, jerry["hu2022oarf"].venue_name) == ("tist", "TIST")
    import_file(store, BIB / "JerryLife_papers.bib")
    from paperdeck.usecases.resume import entries_from_store

    labels = {e.title: e.label for e in entries_from_store(store)}
    assert labels["The OARF Benchmark Suite: Characterization and Implications for Federated Learning Systems"] == "TIST 2022"


def test_repeated_author_lists_are_parsed_once_but_each_entry_owns_its_lists():
    text = "".join(f"@article{{k{n}, title={{Paper {n}}}, author={{Wu$^*$, Zhaomin and {{van der Goot}}, Rob and others}}, "
                   f"year={{2024}}}}\n" for n in range(3))
    first, second, third = parse_bibtex(text, "repeat.bib").papers
    assert first.authors == second.authors == ["Zhaomin Wu", "Rob {van der Goot}", "et al."]
    assert first.equal_contribution == [0]
    first.authors.append("Someone Else")  # a plan edits one entry's list: the others keep theirs
    first.equal_contribution.clear()
    assert second.authors == ["Zhaomin Wu", "Rob {van der Goot}", "et al."] and second.equal_contribution == [0]
    assert parse_bibtex(text, "again.bib").papers[2].authors == third.authors


def test_imported_papers_get_the_history_and_checklists_an_added_paper_gets(store, add_paper):
    """The import writes every paper's first history row in bulk, and its checklists are read
    from the templates (tests/test_checklist_from_template.py); each must be what adding that
    paper alone gives."""
    from paperdeck.models.papers import Stage

    alone = add_paper("Added by hand", stage=Stage.DECISION)
    plan = import_file(store, BIB / "JerryLife_papers.bib")
    ids = [row[0] for row in store.conn.execute("SELECT id FROM papers WHERE id > ? ORDER BY id", (alone.id,))]
    assert len(ids) == len(added(plan)) > 1

    def checklist(paper_id):
        return [(item.stage.value, item.seed_key, item.text, item.position, item.done)
                for item in store.papers.checklist(paper_id)]

    def history(paper_id):
        return store.conn.execute("SELECT from_stage, to_stage FROM stage_history WHERE paper_id = ?",
                                  (paper_id,)).fetchall()

    expected = [tuple(row) for row in checklist(alone.id)]
    assert len(expected) > 20
    for paper_id in ids:
        assert [tuple(row) for row in checklist(paper_id)] == expected
        assert [tuple(row) for row in history(paper_id)] == [(None, "decision")]
    entered = store.conn.execute(f"SELECT count(*) FROM papers p JOIN stage_history h ON h.paper_id = p.id "
                                 f"WHERE p.id IN ({','.join(map(str, ids))}) AND h.at = p.stage_entered_at").fetchone()[0]
    assert entered == len(ids)


@pytest.mark.parametrize("fast", [True, False])
def test_export_fields_are_kept_in_their_order_on_one_line_and_blank_ones_dropped(fast):
    text = ("@article{a,\n  note = {Oral},\n  title = {T},\n  pages = {1--2},\n  publisher = {  },\n"
            "  Journal = {Journal\n    of {X}},\n  url = {https://x.example},\n}\n")
    paper = parse_bibtex(text, "f.bib", fast=fast).papers[0]
    assert list(paper.source["fields"].items()) == [("journal", "Journal of {X}"), ("pages", "1--2"), ("note", "Oral")]
    assert paper.links == {"url": "https://x.example"} and paper.award == "Oral"


def test_entries_sharing_venue_texts_keep_their_own_type_and_arxiv_status():
    text = "".join(f"@{kind}{{{key},\n  title = {{Paper {key}}},\n  journal = {{Journal of Unknown Things}},\n{extra}}}\n"
                   for kind, key, extra in [("article", "a1", ""), ("misc", "m1", ""), ("article", "a2", ""),
                                            ("misc", "x1", "  eprint = {2401.01234},\n")])
    text += "@misc{x2,\n  title = {Preprint},\n  journal = {arXiv preprint},\n  eprint = {2401.05678},\n}\n"
    text += "@misc{x3,\n  title = {Preprint too},\n  journal = {arXiv preprint},\n}\n"
    papers = {p.key: p for p in parse_bibtex(text, "f.bib").papers}
    assert [papers[k].journal for k in ("a1", "m1", "a2", "x1")] == [True, False, True, False]
    assert papers["a1"].venue_name == papers["m1"].venue_name and papers["a1"].status == "published"
    assert (papers["x2"].status, papers["x2"].arxiv_id, papers["x2"].venue_key) == ("preprint", "2401.05678", None)
    assert (papers["x3"].status, papers["x3"].arxiv_id, papers["x3"].journal) == ("preprint", None, False)
