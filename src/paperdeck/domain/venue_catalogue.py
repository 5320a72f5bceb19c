"""The venue catalogue: the major ML / NLP / CV / data / AI venues with their abbreviation,
full name and kind, and the patterns that recognise them in a booktitle or journal.

One table drives what a paper is called everywhere: the import's venue inference, the CV
label ("ACL 2025 Findings", "TKDE 2022") in every format, the BibTeX booktitle / journal of a
paper typed by hand, and the grouping by type. A venue the user keeps in the database (the
Venues screen) may rename one; the store's names win.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

CONFERENCE, JOURNAL, PREPRINT = "conference", "journal", "preprint"


@dataclass(frozen=True, slots=True)
class VenueInfo:
    key: str
    abbr: str
    full_name: str
    kind: str = CONFERENCE          # conference | journal | preprint
    area: str = ""                  # ml, nlp, cv, data, ai, systems, speech, ir, robotics, security
    pattern: str = ""               # on lower-cased booktitle / journal / abbr text

    @property
    def acl_family(self) -> bool:
        return self.key in ACL_FAMILY


def _v(key, abbr, full, kind=CONFERENCE, area="", pattern=""):
    return VenueInfo(key, abbr, full, kind, area, pattern or rf"\b{re.escape(abbr.lower())}\b")


# Order matters: the first match wins, so the more specific names come first (the ACL-family
# chapters before ACL; LREC-COLING before either; journals of a society before its conference).
CATALOGUE: tuple[VenueInfo, ...] = (
    # Journals first: "Transactions of the Association for Computational Linguistics" is not ACL.
    _v("tacl", "TACL", "Transactions of the Association for Computational Linguistics", JOURNAL, "nlp",
       r"transactions of the association for computational linguistics|\btacl\b"),
    _v("cl", "CL", "Computational Linguistics", JOURNAL, "nlp", r"^computational linguistics$"),
    _v("jmlr", "JMLR", "Journal of Machine Learning Research", JOURNAL, "ml",
       r"journal of machine learning research|\bjmlr\b"),
    _v("tmlr", "TMLR", "Transactions on Machine Learning Research", JOURNAL, "ml",
       r"transactions on machine learning research|\btmlr\b"),
    _v("tpami", "TPAMI", "IEEE Transactions on Pattern Analysis and Machine Intelligence", JOURNAL, "cv",
       r"pattern analysis and machine intelligence|\bt-?pami\b"),
    _v("ijcv", "IJCV", "International Journal of Computer Vision", JOURNAL, "cv",
       r"international journal of computer vision|\bijcv\b"),
    _v("tip", "TIP", "IEEE Transactions on Image Processing", JOURNAL, "cv", r"transactions on image processing"),
    _v("tnnls", "TNNLS", "IEEE Transactions on Neural Networks and Learning Systems", JOURNAL, "ml",
       r"neural networks and learning systems|\btnnls\b"),
    _v("tkde", "TKDE", "IEEE Transactions on Knowledge and Data Engineering", JOURNAL, "data",
       r"knowledge (and|&) data engineering|\btkde\b"),
    _v("tkdd", "TKDD", "ACM Transactions on Knowledge Discovery from Data", JOURNAL, "data",
       r"transactions on knowledge discovery from data|\btkdd\b"),
    _v("tois", "TOIS", "ACM Transactions on Information Systems", JOURNAL, "ir",
       r"transactions on information systems|\btois\b"),
    _v("tist", "TIST", "ACM Transactions on Intelligent Systems and Technology", JOURNAL, "ai",
       r"intelligent systems and technology|trans\. intell\. syst\. technol|\btist\b"),
    _v("tods", "TODS", "ACM Transactions on Database Systems", JOURNAL, "data",
       r"transactions on database systems|\btods\b"),
    _v("tbd", "IEEE TBD", "IEEE Transactions on Big Data", JOURNAL, "data", r"transactions on big data|\btbd\b"),
    _v("vldbj", "VLDB Journal", "The VLDB Journal", JOURNAL, "data", r"\bvldb journal\b|\bvldbj\b"),
    _v("csur", "ACM CSUR", "ACM Computing Surveys", JOURNAL, "ai", r"computing surveys|comput\. surv\.|\bcsur\b"),
    _v("aij", "AIJ", "Artificial Intelligence", JOURNAL, "ai", r"^artificial intelligence$|\baij\b"),
    _v("jair", "JAIR", "Journal of Artificial Intelligence Research", JOURNAL, "ai",
       r"journal of artificial intelligence research|\bjair\b"),
    _v("natmi", "Nature Machine Intelligence", "Nature Machine Intelligence", JOURNAL, "ml", r"nature machine intelligence"),
    _v("nature", "Nature", "Nature", JOURNAL, "", r"^nature$"),
    _v("science", "Science", "Science", JOURNAL, "", r"^science$"),
    _v("fcs", "FCS", "Frontiers of Computer Science", JOURNAL, "", r"frontiers of computer science"),
    # SIGMOD's proceedings are a journal (PACMMOD) but a CV calls them SIGMOD.
    _v("sigmod", "SIGMOD", "ACM SIGMOD International Conference on Management of Data", CONFERENCE, "data",
       r"\bsigmod\b|proc\. acm manag\. data|proceedings of the acm on management of data|\bpacmmod\b"),
    _v("vldb", "VLDB", "International Conference on Very Large Data Bases", CONFERENCE, "data",
       r"\bp?vldb\b|very large data bases"),
    # NLP. The ACL-family chapters name "the Association for Computational Linguistics" too.
    _v("lrec-coling", "LREC-COLING", "Joint International Conference on Computational Linguistics, "
       "Language Resources and Evaluation", CONFERENCE, "nlp", r"\blrec-coling\b"),
    _v("emnlp", "EMNLP", "Conference on Empirical Methods in Natural Language Processing", CONFERENCE, "nlp",
       r"empirical methods in natural language processing|\bemnlp\b"),
    _v("naacl", "NAACL", "Annual Conference of the Nations of the Americas Chapter of the Association for "
       "Computational Linguistics", CONFERENCE, "nlp",
       r"north american chapter of the association|americas chapter of the association|\bnaacl\b"),
    _v("eacl", "EACL", "Conference of the European Chapter of the Association for Computational Linguistics",
       CONFERENCE, "nlp", r"european chapter of the association|\beacl\b"),
    _v("aacl", "AACL", "Conference of the Asia-Pacific Chapter of the Association for Computational Linguistics",
       CONFERENCE, "nlp", r"asia-pacific chapter of the association|\baacl\b"),
    _v("coling", "COLING", "International Conference on Computational Linguistics", CONFERENCE, "nlp",
       r"\bcoling\b|international conference on computational linguistics"),
    _v("conll", "CoNLL", "Conference on Computational Natural Language Learning", CONFERENCE, "nlp",
       r"computational natural language learning|\bconll\b"),
    _v("acl", "ACL", "Annual Meeting of the Association for Computational Linguistics", CONFERENCE, "nlp",
       r"annual meeting of the association for computational linguistics|findings of the association for "
       r"computational linguistics: acl|\bacl\b"),
    _v("arr", "ACL ARR", "ACL Rolling Review", CONFERENCE, "nlp", r"\bacl rolling review\b|\barr\b"),
    _v("colm", "COLM", "Conference on Language Modeling", CONFERENCE, "nlp", r"conference on language modeling|\bcolm\b"),
    _v("lrec", "LREC", "Language Resources and Evaluation Conference", CONFERENCE, "nlp",
       r"language resources and evaluation|\blrec\b"),
    _v("sigdial", "SIGDIAL", "Annual Meeting of the Special Interest Group on Discourse and Dialogue", CONFERENCE,
       "nlp", r"\bsigdial\b|discourse and dialogue"),
    _v("inlg", "INLG", "International Natural Language Generation Conference", CONFERENCE, "nlp",
       r"natural language generation conference|\binlg\b"),
    _v("semeval", "SemEval", "International Workshop on Semantic Evaluation", CONFERENCE, "nlp", r"\bsemeval\b"),
    # Machine learning.
    _v("neurips", "NeurIPS", "Conference on Neural Information Processing Systems", CONFERENCE, "ml",
       r"neural information processing systems|\bneurips\b|\bnips\b"),
    _v("iclr", "ICLR", "International Conference on Learning Representations", CONFERENCE, "ml",
       r"international conference on learning representations|\biclr\b"),
    _v("icml", "ICML", "International Conference on Machine Learning", CONFERENCE, "ml",
       r"international conference on machine learning|\bicml\b"),
    _v("aistats", "AISTATS", "International Conference on Artificial Intelligence and Statistics", CONFERENCE, "ml",
       r"artificial intelligence and statistics|\baistats\b"),
    _v("uai", "UAI", "Conference on Uncertainty in Artificial Intelligence", CONFERENCE, "ml",
       r"uncertainty in artificial intelligence|\buai\b"),
    _v("colt", "COLT", "Conference on Learning Theory", CONFERENCE, "ml", r"conference on learning theory|\bcolt\b"),
    _v("mlsys", "MLSys", "Conference on Machine Learning and Systems", CONFERENCE, "systems",
       r"machine learning and systems|\bmlsys\b|\bsysml\b"),
    # General AI.
    _v("aaai", "AAAI", "AAAI Conference on Artificial Intelligence", CONFERENCE, "ai", r"\baaai\b"),
    _v("ijcai", "IJCAI", "International Joint Conference on Artificial Intelligence", CONFERENCE, "ai",
       r"\bijcai\b|international joint conference on artificial intelligence"),
    _v("ecai", "ECAI", "European Conference on Artificial Intelligence", CONFERENCE, "ai",
       r"european conference on artificial intelligence|\becai\b"),
    # Computer vision and multimedia.
    _v("cvpr", "CVPR", "IEEE/CVF Conference on Computer Vision and Pattern Recognition", CONFERENCE, "cv",
       r"computer vision and pattern recognition|\bcvpr\b"),
    _v("iccv", "ICCV", "IEEE/CVF International Conference on Computer Vision", CONFERENCE, "cv",
       r"international conference on computer vision|\biccv\b"),
    _v("eccv", "ECCV", "European Conference on Computer Vision", CONFERENCE, "cv",
       r"european conference on computer vision|\beccv\b"),
    _v("wacv", "WACV", "IEEE/CVF Winter Conference on Applications of Computer Vision", CONFERENCE, "cv",
       r"winter conference on applications of computer vision|\bwacv\b"),
    _v("bmvc", "BMVC", "British Machine Vision Conference", CONFERENCE, "cv", r"british machine vision|\bbmvc\b"),
    _v("mm", "ACM MM", "ACM International Conference on Multimedia", CONFERENCE, "cv",
       r"acm international conference on multimedia|\bacm mm\b|\bacm multimedia\b"),
    # Data mining, the web, retrieval, databases.
    _v("kdd", "KDD", "ACM SIGKDD Conference on Knowledge Discovery and Data Mining", CONFERENCE, "data",
       r"knowledge discovery and data mining|\bkdd\b"),
    _v("www", "WWW", "The ACM Web Conference", CONFERENCE, "data", r"\bweb conference\b|\bwww\b"),
    _v("sigir", "SIGIR", "International ACM SIGIR Conference on Research and Development in Information Retrieval",
       CONFERENCE, "ir", r"\bsigir\b|research and development in information retrieval"),
    _v("wsdm", "WSDM", "ACM International Conference on Web Search and Data Mining", CONFERENCE, "data",
       r"web search and data mining|\bwsdm\b"),
    _v("cikm", "CIKM", "ACM International Conference on Information and Knowledge Management", CONFERENCE, "data",
       r"information and knowledge management|\bcikm\b"),
    _v("recsys", "RecSys", "ACM Conference on Recommender Systems", CONFERENCE, "ir",
       r"conference on recommender systems|\brecsys\b"),
    _v("icdm", "ICDM", "IEEE International Conference on Data Mining", CONFERENCE, "data",
       r"ieee international conference on data mining|\bicdm\b"),
    _v("sdm", "SDM", "SIAM International Conference on Data Mining", CONFERENCE, "data",
       r"siam international conference on data mining|\bsdm\b"),
    _v("icde", "ICDE", "IEEE International Conference on Data Engineering", CONFERENCE, "data",
       r"international conference on data engineering|\bicde\b"),
    _v("ecir", "ECIR", "European Conference on Information Retrieval", CONFERENCE, "ir",
       r"european conference on information retrieval|\becir\b"),
    # Speech, robotics, HCI, systems, security.
    _v("interspeech", "Interspeech", "Annual Conference of the International Speech Communication Association",
       CONFERENCE, "speech", r"\binterspeech\b"),
    _v("icassp", "ICASSP", "IEEE International Conference on Acoustics, Speech and Signal Processing", CONFERENCE,
       "speech", r"acoustics, speech,? and signal processing|\bicassp\b"),
    _v("corl", "CoRL", "Conference on Robot Learning", CONFERENCE, "robotics", r"conference on robot learning|\bcorl\b"),
    _v("icra", "ICRA", "IEEE International Conference on Robotics and Automation", CONFERENCE, "robotics",
       r"international conference on robotics and automation|\bicra\b"),
    _v("iros", "IROS", "IEEE/RSJ International Conference on Intelligent Robots and Systems", CONFERENCE, "robotics",
       r"intelligent robots and systems|\biros\b"),
    _v("chi", "CHI", "ACM CHI Conference on Human Factors in Computing Systems", CONFERENCE, "hci",
       r"human factors in computing systems|\bchi\b"),
    _v("osdi", "OSDI", "USENIX Symposium on Operating Systems Design and Implementation", CONFERENCE, "systems",
       r"operating systems design and implementation|\bosdi\b"),
    _v("sosp", "SOSP", "ACM Symposium on Operating Systems Principles", CONFERENCE, "systems",
       r"symposium on operating systems principles|\bsosp\b"),
    _v("ccs", "CCS", "ACM Conference on Computer and Communications Security", CONFERENCE, "security",
       r"computer and communications security|\bccs\b"),
    _v("arxiv", "arXiv", "arXiv", PREPRINT, "", r"\barxiv\b|^corr$"),
)
ACL_FAMILY = frozenset({"acl", "emnlp", "naacl", "eacl", "aacl", "coling", "lrec-coling"})
_BY_KEY = {venue.key: venue for venue in CATALOGUE}
_COMPILED = tuple((venue, re.compile(venue.pattern)) for venue in CATALOGUE)


# Journals that are a conference's proceedings (SIGMOD's PACMMOD, VLDB's PVLDB, ACM's PACM
# series): the CV names the conference, but the publisher's citation is an @article there.
_PROCEEDINGS_JOURNAL = re.compile(
    r"proc\. acm manag\. data|proceedings of the acm on|\bpacm[a-z]*\b"
    r"|proc\. vldb endow|proceedings of the vldb endowment|\bpvldb\b")


def is_proceedings_journal(text: str) -> bool:
    return bool(_PROCEEDINGS_JOURNAL.search(re.sub(r"\s+", " ", (text or "").lower()).strip()))


def venue_by_key(key: str | None) -> VenueInfo | None:
    return _BY_KEY.get((key or "").strip().lower())


def match_venue(text: str) -> VenueInfo | None:
    """The catalogue venue a booktitle / journal / abbreviation names, if any."""
    lowered = re.sub(r"\s+", " ", (text or "").lower()).strip()
    if not lowered:
        return None
    for venue, pattern in _COMPILED:
        if pattern.search(lowered):
            return venue
    return None


# -- tracks ------------------------------------------------------------------------------------

# (track key, pattern on the venue text, label on a CV). The label follows the venue and year:
# "ACL 2025 Findings", "NeurIPS 2024 Datasets and Benchmarks". Main shows no label in lists.
TRACKS: tuple[tuple[str, str, str], ...] = (
    ("findings", r"\bfindings\b", "Findings"),
    ("srw", r"student research workshop", "Student Research Workshop"),
    ("workshop", r"\bworkshops?\b", "Workshop"),
    ("industry", r"industry track", "Industry Track"),
    ("demo", r"system demonstrations|\bdemos?\b", "Demo"),
    ("datasets-benchmarks", r"datasets and benchmarks", "Datasets and Benchmarks"),
    ("short", r"\(volume 2: short papers\)|\bshort papers?\b", "Short"),
    ("main", r"^$", "Main conference"),
)
TRACK_LABELS = {key: label for key, _pattern, label in TRACKS}
_TRACK_BY_LABEL = {label.lower(): key for key, _pattern, label in TRACKS}


@lru_cache(maxsize=4096)  # a .bib file repeats its venues: ~10 us an entry, asked once per text
def infer_track(text: str, venue: VenueInfo | None) -> str | None:
    lowered = (text or "").lower()
    for key, pattern, _label in TRACKS[:-1]:
        if re.search(pattern, lowered):
            return key
    return "main" if venue is not None and venue.acl_family else None


def track_key(track: str | None) -> str | None:
    """A stored track ("findings", "Findings", "datasets_benchmarks") as its key, or the text."""
    if not track or not track.strip():
        return None
    text = track.strip().lower().replace("_", "-")
    if text in TRACK_LABELS:
        return text
    return _TRACK_BY_LABEL.get(text, track.strip())


def track_label(track: str | None) -> str | None:
    key = track_key(track)
    return TRACK_LABELS.get(key, key) if key else None


# -- a venue's own short name, when the catalogue does not know it -----------------------------

_ORDINAL = (r"\b(\d+(st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|"
            r"twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
            r"(twenty|thirty|forty|fifty)-?(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)?)\b")


@lru_cache(maxsize=4096)  # as infer_track: ten regular expressions per text, asked once each
def short_venue_name(text: str) -> str | None:
    """A name fit for a CV label from an unknown booktitle / journal:
    "Proceedings of the 24th Nordic Conference on Computational Linguistics (NoDaLiDa)" ->
    "NoDaLiDa"; "Proceedings of the 8th BlackboxNLP Workshop: Analyzing..." -> "BlackboxNLP
    Workshop"; "Frontiers in Robotics and AI" stays whole. Years are dropped."""
    text = re.sub(r"\s+", " ", text or "").strip().strip(",.")
    if not text:
        return None
    acronym = re.search(r"\(([A-Z][A-Za-z0-9\-@&+]*[A-Z][A-Za-z0-9\-@&+]*)(?:[\s'’-]*\d{2,4})?\)", text)
    if acronym and not re.fullmatch(r"Volume.*", acronym.group(1)):
        return acronym.group(1)
    name = re.sub(r"^(in )?(the )?proceedings of (the )?(the )?", "", text, flags=re.IGNORECASE)
    name = re.sub(r"\((volume|vol\.)[^)]*\)", "", name, flags=re.IGNORECASE)
    name = re.sub(_ORDINAL, "", name, flags=re.IGNORECASE)
    name = re.sub(r"\b(19|20)\d{2}\b", "", name)
    name = name.split(":")[0]
    name = re.sub(r"\s+", " ", name).strip(" ,.-")
    name = re.sub(r"^(the|an?) ", "", name, flags=re.IGNORECASE)
    return name or None
