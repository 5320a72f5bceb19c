"""The venue catalogue: real booktitles and journals (from the shared .bib files) to the venue,
track and CV label a researcher writes."""

from __future__ import annotations

import pytest

from paperdeck.domain.bibtex import parse_bibtex
from paperdeck.domain.resume_entry import venue_label
from paperdeck.domain.venue_catalogue import CATALOGUE, infer_track, match_venue, short_venue_name, venue_by_key


@pytest.mark.parametrize("text, key, track", [
    ("Findings of the Association for Computational Linguistics: EMNLP 2025", "emnlp", "findings"),
    ("Findings of the Association for Computational Linguistics: ACL-IJCNLP 2021", "acl", "findings"),
    ("Proceedings of the 63rd Annual Meeting of the Association for Computational Linguistics (Volume 2: Short Papers)",
     "acl", "short"),
    ("Proceedings of the 60th Annual Meeting of the Association for Computational Linguistics: Student Research Workshop",
     "acl", "srw"),
    ("Proceedings of the 2025 Conference of the Nations of the Americas Chapter of the Association for "
     "Computational Linguistics: Human Language Technologies (Volume 1: Long Papers)", "naacl", "main"),
    # Its name until 2024 (the shared files have five).
    ("Proceedings of the 2024 Conference of the North American Chapter of the Association for Computational "
     "Linguistics: Human Language Technologies (Volume 1: Long Papers)", "naacl", "main"),
    ("Proceedings of the 2024 Joint International Conference on Computational Linguistics, Language Resources and "
     "Evaluation (LREC-COLING 2024)", "lrec-coling", "main"),
    ("Transactions of the Association for Computational Linguistics", "tacl", None),
    ("Proceedings of the Neural Information Processing Systems Track on Datasets and Benchmarks 1", "neurips",
     "datasets-benchmarks"),
    ("Forty-first International Conference on Machine Learning", "icml", None),
    ("IEEE Transactions on Knowledge & Data Engineering", "tkde", None),
    ("ACM Trans. Intell. Syst. Technol.", "tist", None),
    ("Proc. ACM Manag. Data", "sigmod", None),
    ("Proceedings of the ACM on Web Conference 2026", "www", None),
    ("Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)", "cvpr", None),
    ("First Conference on Language Modeling", "colm", None),
    ("arXiv preprint arXiv:2412.19442", "arxiv", None),
    ("Frontiers in Robotics and AI", None, None),
    ("Applied Sciences", None, None),
])
def test_real_venue_names(text, key, track):
    venue = match_venue(text)
    assert (venue.key if venue else None) == key
    assert infer_track(text, venue) == track


@pytest.mark.parametrize("text, short", [
    ("Proceedings of the 24th Nordic Conference on Computational Linguistics (NoDaLiDa)", "NoDaLiDa"),
    ("Tenth Workshop on NLP for Similar Languages, Varieties and Dialects (VarDial 2023)", "VarDial"),
    ("Proceedings of The 18th Linguistic Annotation Workshop (LAW-XVIII)", "LAW-XVIII"),
    ("Proceedings of the 8th BlackboxNLP Workshop: Analyzing and Interpreting Neural Networks for NLP",
     "BlackboxNLP Workshop"),
    ("Proceedings of the The 4th Workshop on Perspectivist Approaches to NLP", "Workshop on Perspectivist Approaches to NLP"),
    ("Frontiers in Robotics and AI", "Frontiers in Robotics and AI"),
    ("Proceedings of the 4th International Conference on Artificial Intelligence and Intelligent Information Processing",
     "International Conference on Artificial Intelligence and Intelligent Information Processing"),
    ("", None),
])
def test_short_names_of_unknown_venues(text, short):
    assert short_venue_name(text) == short


def test_catalogue_keys_and_abbreviations_are_unique_and_cover_the_major_venues():
    keys = [venue.key for venue in CATALOGUE]
    assert len(keys) == len(set(keys))
    assert len({venue.abbr.lower() for venue in CATALOGUE}) == len(CATALOGUE)
    for key in ("neurips", "iclr", "icml", "acl", "emnlp", "naacl", "coling", "cvpr", "iccv", "eccv", "kdd", "www",
                "sigir", "sigmod", "vldb", "icde", "aaai", "ijcai", "tacl", "jmlr", "tmlr", "tpami", "tkde"):
        venue = venue_by_key(key)
        assert venue is not None and venue.full_name and venue.abbr, key


@pytest.mark.parametrize("venue, year, track, label", [
    ("ACL", 2025, "findings", "ACL 2025 Findings"),
    ("ACL", 2025, "Findings", "ACL 2025 Findings"),
    ("EMNLP", 2024, "main", "EMNLP 2024"),
    ("NeurIPS", 2023, "workshop", "NeurIPS 2023 Workshop"),
    ("BlackboxNLP Workshop", 2025, "workshop", "BlackboxNLP Workshop 2025"),
    ("TKDE", 2022, None, "TKDE 2022"),
    (None, 2025, "workshop", "2025 Workshop"),
    (None, 2025, None, "Accepted 2025"),
])
def test_venue_label(venue, year, track, label):
    assert venue_label(venue, year, track) == label


def test_every_entry_of_the_shared_files_gets_a_label_with_a_venue(tmp_path):
    """No published entry of the shared files is labelled by its year alone."""
    from pathlib import Path

    for path in sorted((Path(__file__).parent / "data" / "bib").glob("*.bib")):
        for paper in parse_bibtex(path.read_text("utf-8")).papers:
            if paper.status == "published":
                assert paper.venue_name, f"{path.name}: {paper.key} has no venue name"
                assert not paper.venue_name.strip().isdigit()
