"""BibTeX out: the entry type by kind, keys kept and unique, the imported fields written back
as they were, and every shared .bib file imported and exported re-parsing cleanly."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import bibtexparser
import pytest

from paperdeck.domain.bibtex_out import assign_cite_keys, generated_key, render_bib
from paperdeck.domain.snippets import build_entry, render, render_list
from paperdeck.models.imports import Action
from paperdeck.models.papers import Paper, Stage, Submission
from paperdeck.usecases.imports import run_import
from paperdeck.usecases.resume import resume_entries

BIB = Path(__file__).parent / "data" / "bib"
SHARED = sorted(BIB.glob("*.bib"))


def paper(**extra) -> Paper:
    fields = dict(id=1, title="Efficient LLM Training with Quantization-Aware LoRA", stage=Stage.DECISION,
                  venue_key="iclr", target_year=2023, decision="accepted", award="Spotlight",
                  authors=["San Zhang", "Rob van der Goot", "Martin Luther King Jr."], doi="10.1000/xyz_1",
                  arxiv_id="2301.00001")
    return Paper(**{**fields, **extra})


def parsed(text: str):
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks, [b.error for b in library.failed_blocks]
    return library.entries


# -- goldens per kind (papers typed by hand) ---------------------------------------------------

def test_conference_paper_golden():
    assert render(build_entry(paper()), "bib") == (
        "@inproceedings{zhang2023efficient,\n"
        "  author        = {Zhang, San and van der Goot, Rob and King, Jr., Martin Luther},\n"
        "  title         = {{Efficient LLM Training with Quantization-Aware LoRA}},\n"
        "  booktitle     = {International Conference on Learning Representations},\n"
        "  year          = {2023},\n"
        "  doi           = {10.1000/xyz\\_1},\n"
        "  eprint        = {2301.00001},\n"
        "  archivePrefix = {arXiv},\n"
        "  note          = {Spotlight}\n"
        "}"
    )


def test_journal_paper_golden():
    text = render(build_entry(paper(venue_key="tkde", award=None, arxiv_id=None, doi=None)), "bib")
    assert text == (
        "@article{zhang2023efficient,\n"
        "  author  = {Zhang, San and van der Goot, Rob and King, Jr., Martin Luther},\n"
        "  title   = {{Efficient LLM Training with Quantization-Aware LoRA}},\n"
        "  journal = {IEEE Transactions on Knowledge and Data Engineering},\n"
        "  year    = {2023}\n"
        "}"
    )


def test_findings_and_workshop_name_their_proceedings():
    findings = render(build_entry(paper(venue_key="acl", track="findings", award=None)), "bib")
    assert "booktitle     = {Findings of the Association for Computational Linguistics: ACL 2023}" in findings
    workshop = render(build_entry(paper(venue_key="neurips", track="workshop", award=None)), "bib")
    assert "booktitle     = {Conference on Neural Information Processing Systems (Workshop)}" in workshop
    assert parsed(findings)[0].entry_type == parsed(workshop)[0].entry_type == "inproceedings"


def test_preprint_golden_is_arxivs_own_form():
    text = render(build_entry(paper(decision=None, award=None, venue_key=None, doi=None)), "bib")
    assert text == (
        "@misc{zhang2023efficient,\n"
        "  author        = {Zhang, San and van der Goot, Rob and King, Jr., Martin Luther},\n"
        "  title         = {{Efficient LLM Training with Quantization-Aware LoRA}},\n"
        "  year          = {2023},\n"
        "  url           = {https://arxiv.org/abs/2301.00001},\n"
        "  eprint        = {2301.00001},\n"
        "  archivePrefix = {arXiv}\n"
        "}"
    )


def test_under_review_is_unpublished_with_its_history_as_the_note():
    review = Paper(id=3, title="Scaling Laws for Reward Models", stage=Stage.UNDER_REVIEW, authors=["Si Li"])
    history = [Submission(1, 3, "arr", "ACL ARR", 2025, None, "2025-02-15", "", "rejected", ""),
               Submission(2, 3, "arr", "ACL ARR", 2025, None, "2025-06-15", "", None, "")]
    entry = parsed(render(build_entry(review, history), "bib"))[0]
    assert (entry.entry_type, entry["note"], entry["author"]) == ("unpublished", "ACL ARR x2 / Under Review", "Li, Si")
    on_arxiv = parsed(render(build_entry(_with(review, arxiv_id="2501.00002"), history), "bib"))[0]
    assert on_arxiv.entry_type == "misc" and on_arxiv["eprint"] == "2501.00002"


def _with(original: Paper, **changes) -> Paper:
    from dataclasses import replace

    return replace(original, **changes)


def test_a_paper_with_no_authors_gets_my_name_in_the_bib_only():
    bare = paper(authors=[], id=9)
    entry = build_entry(bare, my_names=["Si Li"])
    assert parsed(render(entry, "bib"))[0]["author"] == "Li, Si"
    assert "Authors:" not in render(entry, "txt")  # the CV text does not invent an author list
    assert "author" not in parsed(render(build_entry(bare), "bib"))[0].fields_dict


def test_braces_stay_balanced_and_parse_back():
    text = render(build_entry(paper(title="Unbalanced } brace { and 100% & more")), "bib")
    assert parsed(text)[0]["title"] == r"{Unbalanced \textbraceright{} brace \textbraceleft{} and 100\% \& more}"


# -- keys -------------------------------------------------------------------------------------

def test_keys_original_kept_generated_unique_never_colliding():
    keys = assign_cite_keys([
        (5, None, ["Verena Blaschke"], 2024, "MaiBaam Annotation Guidelines"),
        (3, None, ["Verena Blaschke"], 2024, "MaiBaam: A Multi-Dialectal Bavarian Treebank"),
        (4, "blaschke2024maibaam", ["Verena Blaschke"], 2024, "An imported one"),
        (6, "Zhang2023Efficient", ["San Zhang"], 2023, "Efficient A"),
        (7, "zhang2023efficient", ["San Zhang"], 2023, "Efficient B"),    # BibTeX compares keys case-insensitively
        (8, "bad key, with {braces}", ["San Zhang"], 2023, "Efficient C"),
        (9, None, ["张三"], 2023, "基于奖励"),
    ])
    assert keys == {
        4: "blaschke2024maibaam",           # an original key wins over a generated one
        3: "blaschke2024maibaamb", 5: "blaschke2024maibaamc",
        6: "Zhang2023Efficient", 7: "zhang2023efficientb",
        8: "zhang2023efficientc",           # an unusable original key is replaced
        9: "paper92023",
    }
    assert len({key.lower() for key in keys.values()}) == len(keys)


def test_a_crowded_key_takes_the_next_free_suffix_in_id_order():
    """Many papers of one base (a series of generated titles): each takes the next suffix an
    original key (in any case) has not taken, past z to ba, bb, ..."""
    originals = [(1, "zhang2023efficientc", ["X"], 2023, "X"), (2, "ZHANG2023EFFICIENTE", ["X"], 2023, "X")]
    crowd = [(10 + n, None, ["San Zhang"], 2023, f"Efficient {n}") for n in range(30)]
    keys = assign_cite_keys([*reversed(crowd), *originals])
    suffixes = [keys[paper_id].removeprefix("zhang2023efficient") for paper_id, *_ in crowd]
    assert suffixes[:6] == ["", "b", "d", "f", "g", "h"]
    assert suffixes[-3:] == ["bd", "be", "bf"]  # the 30th, 31st, 32nd of the base
    assert len({key.casefold() for key in keys.values()}) == len(keys)


def test_generated_key_skips_small_words():
    assert generated_key(1, ["Rob van der Goot"], 2024, "On the Use of Dialects") == "goot2024use"
    assert generated_key(2, [], None, "") == "paper2"


# -- imported entries go back out as they came in -----------------------------------------------

FAITHFUL = r"""
@inproceedings{devlin-etal-2019-bert,
    title = "{BERT}: Pre-training of Deep Bidirectional Transformers",
    author = "Devlin, Jacob  and
      Chang, Ming-Wei  and
      {van der Goot}, Rob and
      King, Jr., Martin",
    booktitle = "Proceedings of the 2019 Conference of the North American Chapter of the Association for Computational Linguistics",
    month = jun,
    year = "2019",
    address = "Minneapolis, Minnesota",
    publisher = "Association for Computational Linguistics",
    url = "https://aclanthology.org/N19-1423",
    doi = "10.18653/v1/N19-1423",
    pages = "4171--4186",
    abstract = "We introduce a new language representation model called BERT.",
}
@article{wu2022tkde,
  author = {Wu*, Zhaomin and Li, Qinbin and He†, Bingsheng},
  title = {Practical Vertical Federated Learning},
  journal = {IEEE Transactions on Knowledge \&amp; Data Engineering},
  volume = {35}, number = {6}, pages = {5489--5503}, year = {2022},
  selected = {true}, code = {https://github.com/JerryLife/FedOnce}, abbr = {TKDE 2022},
}
"""


def test_imported_entries_are_written_back_faithfully(store, tmp_path):
    path = tmp_path / "mine.bib"
    path.write_text(FAITHFUL, "utf-8")
    run_import(store, "bib", [str(path)])
    text = render_list(resume_entries(store).shown, "bib")
    entries = {entry.key: entry for entry in parsed(text)}
    bert = entries["devlin-etal-2019-bert"]
    assert bert.entry_type == "inproceedings"
    assert bert["title"] == "{BERT}: Pre-training of Deep Bidirectional Transformers"
    assert bert["author"] == "Devlin, Jacob and Chang, Ming-Wei and {van der Goot}, Rob and King, Jr., Martin"
    assert (bert["pages"], bert["doi"], bert["url"], bert["address"]) == (
        "4171--4186", "10.18653/v1/N19-1423", "https://aclanthology.org/N19-1423", "Minneapolis, Minnesota")
    assert "month     = jun," in text  # the month macro stays bare
    assert "abstract" not in bert.fields_dict
    tkde = entries["wu2022tkde"]
    assert tkde.entry_type == "article"
    assert tkde["journal"] == r"IEEE Transactions on Knowledge \& Data Engineering"
    assert tkde["author"] == "Wu, Zhaomin and Li, Qinbin and He, Bingsheng"  # role marks are not names
    assert (tkde["volume"], tkde["number"], tkde["pages"]) == ("35", "6", "5489--5503")


def test_an_edited_title_or_author_list_is_written_from_the_paper(store, tmp_path):
    path = tmp_path / "mine.bib"
    path.write_text(FAITHFUL, "utf-8")
    run_import(store, "bib", [str(path)])
    bert = next(p for p in store.papers.all() if p.cite_key == "devlin-etal-2019-bert")
    store.papers.update(bert.id, None, title="BERT, revised", authors=["Jacob Devlin", "Per {Brinch Hansen}"])
    entry = next(e for e in resume_entries(store).shown if e.paper_id == bert.id)
    out = parsed(render(entry, "bib"))[0]
    assert out["title"] == "{BERT, revised}"
    assert out["author"] == "Devlin, Jacob and Brinch Hansen, Per"
    assert out["pages"] == "4171--4186" and out.key == "devlin-etal-2019-bert"


# -- every shared .bib, in and out ------------------------------------------------------------

@pytest.fixture(scope="module")
def library(tmp_path_factory):
    """All four shared files imported into one database, then exported whole."""
    from paperdeck.store import open_store

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PAPERDECK_NO_SAMPLES", "1")
        db = open_store(tmp_path_factory.mktemp("shared") / "all.db")
    plan = run_import(db, "bib", [str(path) for path in SHARED])
    found = resume_entries(db, unplaced=True)
    originals = {p.id: p for p in db.papers.all()}
    yield plan, found.every, render_list(found.every, "bib"), originals
    db.close()


def test_every_shared_entry_exports_and_parses_back_with_zero_failed_blocks(library):
    plan, entries, text, originals = library
    library_out = bibtexparser.parse_string(text)
    assert library_out.failed_blocks == []
    assert len(library_out.entries) == len(entries) == len(originals) == plan.count(Action.ADD)


def test_exported_keys_are_unique_and_the_originals_are_kept(library):
    _plan, _entries, text, originals = library
    keys = [entry.key for entry in bibtexparser.parse_string(text).entries]
    assert len({key.lower() for key in keys}) == len(keys)
    original_keys = {p.cite_key for p in originals.values()}
    assert original_keys == set(keys)  # the shared files hold no two entries of one key that both import


def test_journal_articles_export_as_article_and_preprints_as_misc(library):
    _plan, entries, text, _originals = library
    out = {entry.key: entry for entry in bibtexparser.parse_string(text).entries}
    journals = {e.cite_key for e in entries if e.kind == "journal"}
    assert {"dai2021elastic", "hu2022oarf", "li2022flsurvey"} <= journals  # Applied Sciences, TIST, TKDE
    assert all(out[key].entry_type == "article" and out[key]["journal"] for key in journals)
    assert out["li2024survey"].entry_type == "misc"          # Scholar's "arXiv preprint" @article
    assert out["li2024survey"]["eprint"] == "2412.19442"
    assert all("booktitle" not in entry.fields_dict or not entry["booktitle"].strip().isdigit()
               for entry in out.values()), "a year is never a booktitle"


def test_a_conference_published_as_a_journal_keeps_its_article(library):
    """SIGMOD's papers appear in PACMMOD: the CV says SIGMOD, but the citation is the journal's
    @article (volume and number are the journal's), never an @inproceedings with them."""
    _plan, entries, text, _originals = library
    deltaboost = next(e for e in entries if e.cite_key == "wu2023deltaboost")
    assert deltaboost.label == "SIGMOD 2023"
    out = {entry.key: entry for entry in bibtexparser.parse_string(text).entries}["wu2023deltaboost"]
    assert out.entry_type == "article" and out["journal"] == "Proc. ACM Manag. Data"
    assert "booktitle" not in out.fields_dict and (out["volume"], out["number"]) == ("1", "2")
    # Scholar's NeurIPS "@article" (its journal a conference's name) is still a conference paper.
    assert render_bib(replace(deltaboost, source={"type": "article", "fields": {
        "journal": "Advances in Neural Information Processing Systems"}})).startswith("@inproceedings{")
