"""The paper form's Links tab: one field per kind of link (arXiv, code, ...)."""

from __future__ import annotations

from textual.app import ComposeResult

from ...i18n_words import pick
from ...models.papers import LINK_KINDS, Paper
from ..widgets.safe_text import SafeInput
from .paper_form_rows import field, fill

LINK_LABELS = {  # (zh, en); names of sites are the same in both
    "arxiv": ("arXiv", "arXiv"), "code": ("代码（GitHub）", "Code (GitHub)"), "project": ("项目主页", "Project page"),
    "huggingface": ("Hugging Face", "Hugging Face"), "openreview": ("OpenReview", "OpenReview"),
    "paperswithcode": ("PapersWithCode", "PapersWithCode"),
}


class LinksTab:
    """Mixed into PaperFormModal: the Links tab's fields (`f-link_<kind>`, saved with Save)."""

    def _links(self) -> ComposeResult:
        for kind in LINK_KINDS:
            yield from field(pick(LINK_LABELS[kind], self.language), SafeInput(id=f"f-link_{kind}", compact=True))

    def _fill_links(self, paper: Paper) -> None:
        for kind in LINK_KINDS:
            fill(self.fields[f"link_{kind}"], paper.links.get(kind, ""))
