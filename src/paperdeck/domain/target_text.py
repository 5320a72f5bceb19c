"""How a paper's target is written: the short status on a board card ("~57d", "notif. 12d",
"passed") and the full line of a paper's detail and `paperdeck show`. Every screen and command
writes a target through here (the reason a paper is at risk is `targets.late_text`)."""

from __future__ import annotations

from datetime import datetime, tzinfo

from ..models.venues import DeadlineKind
from .deadlines import countdown, when_text
from .targets import TARGET_KINDS, PaperTarget, TargetState, late_text, offer_text

# What a submitted paper waits for, in a word (a card has little room).
SHORT_KINDS: dict[DeadlineKind, tuple[str, str]] = {
    DeadlineKind.SUPPLEMENTARY: ("补充材料", "supp."),
    DeadlineKind.REVIEWS: ("审稿意见", "reviews"),
    DeadlineKind.REBUTTAL: ("Rebuttal", "rebuttal"),
    DeadlineKind.COMMITMENT: ("ARR 承诺", "commit"),
    DeadlineKind.NOTIFICATION: ("通知", "notif."),
    DeadlineKind.CAMERA_READY: ("终稿", "camera"),
    DeadlineKind.CONFERENCE_START: ("会议", "conf."),
    DeadlineKind.CONFERENCE_END: ("会议结束", "conf. ends"),
    DeadlineKind.OTHER: ("其他", "other"),
}
_STATES = {
    TargetState.PASSED: ("已过", "passed"),
    TargetState.UNKNOWN: ("日期未知", "no date"),
}


def _pick(pair: tuple[str, str], language: str) -> str:
    return pair[0] if language == "zh" else pair[1]


def status_text(target: PaperTarget, now: datetime, zone: tzinfo, language: str = "en", *,
                compact: bool = False) -> str:
    """The target in a few cells: its countdown (with what it counts down to, after submission),
    "passed", "no date"; "" with nothing ahead."""
    deadline = target.deadline
    if target.state is TargetState.AHEAD and deadline is not None:
        left = countdown(deadline, now, zone, language, compact=compact)
        if deadline.kind in TARGET_KINDS:
            return left
        return f"{_pick(SHORT_KINDS[deadline.kind], language)} {left}"
    return _pick(_STATES[target.state], language) if target.state in _STATES else ""


def target_line(target: PaperTarget, now: datetime, zone: tzinfo, language: str = "en") -> str:
    """The whole answer: "ICLR 2027 Paper deadline · 294d 3h · Fri 25 Sep 23:59 AoE · Sat 26 Sep
    19:59 CST", "ICLR 2027 deadline passed 25 Sep 2026; next: ICLR 2028 (est. 24 Sep 2027)",
    "MLSys 2027: no date known yet"; "" without a venue."""
    zh = language == "zh"
    deadline = target.deadline
    if target.state is TargetState.AHEAD and deadline is not None:
        what = deadline.display_name(language)
        line = f"{target.edition} {what} · {countdown(deadline, now, zone, language)} · {when_text(deadline, zone, language)}"
        if deadline.is_estimate:
            line += "（估计）" if zh else " (estimate)"
        return line
    if target.state is TargetState.PASSED:
        text = late_text(target, language)
        if text:
            return text
        offer = offer_text(target, language)
        passed = f"{target.edition} 已过" if zh else f"{target.edition} has passed"
        return passed + ((f"；下一届：{offer}" if zh else f"; next: {offer}") if offer else "")
    if target.state is TargetState.UNKNOWN:
        return f"{target.edition}：尚无已知日期" if zh else f"{target.edition}: no date known yet"
    if target.state is TargetState.DONE:
        return f"{target.edition}：没有待办的日期" if zh else f"{target.edition}: nothing ahead"
    return ""
