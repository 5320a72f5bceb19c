"""YAML as data, with the two bombs defused: aliases and deep nesting.

An alias costs nothing to load (PyYAML shares the object), but every walk over the result
expands it: nine aliases of nine aliases ... is a billion strings by the tenth level (the
"billion laughs"). Tracker files use no anchors at all, so an alias is refused outright, as
soon as the document is composed and before any value is built. Nesting is capped too, since
building values recurses.

Speed: composing PyYAML nodes and constructing values from them costs ~10x the C parser's
events. Plain data (maps, lists, untagged scalars: every tracker file) is built straight from
the events, with PyYAML's own resolver and scalar constructors, so values are the same. Anything
else (an alias, an explicit tag, a merge key, a complex key, deep nesting, a malformed file, a
value that cannot be built) is read again the composing way, whose checks and errors stand.
"""

from __future__ import annotations

from typing import Any

MAX_DEPTH = 64


class YamlRefused(ValueError):
    """The document is not data we read: one line, with the line number where known."""


def load(text: str) -> Any:
    """The single YAML document in `text` as Python data (safe types only).

    Raises yaml.YAMLError for malformed YAML and YamlRefused for aliases, deep nesting and
    values Python refuses to build (a 5,000-digit integer).
    """
    try:
        return _load_plain(text)
    except _NotPlain:
        return _load_composed(text)


# Below this size a file is loaded in one piece: splitting it would save less than a child costs.
SPLIT_MIN_CHARS = 200_000


def halves(text: str) -> tuple[str, str] | None:
    """`text` cut in two at a top-level sequence entry ("- " at the start of a line) near its
    middle, so that each half may be loaded on its own core (`load_part`); None when the text is
    small or not a plain top-level list (document markers, directives, anything before the list).

    A cut inside a multi-line quoted or flow value leaves the first half unterminated, which
    `load_part` refuses: then the whole text is loaded as usual."""
    if len(text) < SPLIT_MIN_CHARS or not text.startswith("- ") or "\n---" in text or "\n..." in text:
        return None
    cut = text.find("\n- ", len(text) // 2)
    return None if cut < 0 else (text[:cut + 1], text[cut + 1:])


def load_part(text: str) -> list[Any] | None:
    """One of `halves` as a list of plain data, or None when it is anything else (malformed,
    an alias, a tag...): the caller then loads the whole text with `load`, whose checks and
    messages stand."""
    try:
        data = _load_plain(text)
    except _NotPlain:
        return None
    return data if type(data) is list else None


def _load_composed(text: str) -> Any:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check(node)
        try:
            return loader.construct_document(node)
        except (ValueError, OverflowError, RecursionError) as error:
            raise YamlRefused(f"a value cannot be read ({str(error).splitlines()[0][:120]})") from None
    finally:
        loader.dispose()


class _NotPlain(Exception):
    """The document needs the composing path (or fails there with its own message)."""


_STR = "tag:yaml.org,2002:str"
# Scalar tags whose constructed values are immutable, so one value may stand for each equal text.
_SHAREABLE = {"tag:yaml.org,2002:null", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int",
              "tag:yaml.org,2002:float", "tag:yaml.org,2002:timestamp", _STR}


def _load_plain(text: str) -> Any:
    """Build the document from the parser's events; raise _NotPlain at anything but plain data."""
    import yaml
    from yaml.events import (
        DocumentEndEvent, DocumentStartEvent, MappingEndEvent, MappingStartEvent, ScalarEvent,
        SequenceEndEvent, SequenceStartEvent, StreamEndEvent, StreamStartEvent,
    )
    from yaml.nodes import ScalarNode

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    plain: dict[str, Any] = {}  # a plain scalar's text -> its value

    def plain_value(value: str) -> Any:
        tag = loader.resolve(ScalarNode, value, (True, False))
        if tag == _STR:
            built: Any = value
        elif tag in _SHAREABLE:
            try:
                built = loader.yaml_constructors[tag](loader, ScalarNode(tag, value))
            except (ValueError, OverflowError) as error:
                raise _NotPlain from error
        else:  # a merge key `<<`, a `=` value key: the constructor's own rules apply
            raise _NotPlain
        plain[value] = built
        return built

    # stack: one frame per open collection: [container, pending key or _NO_KEY]
    stack: list[list[Any]] = []
    root: Any = None
    done = False
    try:
        get = loader.get_event
        if type(get()) is not StreamStartEvent:
            raise _NotPlain
        event = get()
        if type(event) is StreamEndEvent:
            return None
        if type(event) is not DocumentStartEvent:
            raise _NotPlain
        while True:
            event = get()
            kind = type(event)
            if kind is ScalarEvent:
                if event.anchor is not None or event.tag is not None:
                    raise _NotPlain
                if event.implicit[0]:
                    value = event.value
                    built = plain[value] if value in plain else plain_value(value)
                else:
                    built = event.value
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                if event.anchor is not None or event.tag is not None or len(stack) >= MAX_DEPTH - 1:
                    raise _NotPlain
                built = {} if kind is MappingStartEvent else []
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                stack.pop()
                if not stack:
                    done = True
                continue
            elif kind is DocumentEndEvent:
                break
            else:  # an alias, or anything this loop does not know
                raise _NotPlain
            if not stack:
                root = built
                if kind is ScalarEvent:
                    done = True
            else:
                frame = stack[-1]
                container = frame[0]
                if type(container) is list:
                    container.append(built)
                elif frame[1] is _NO_KEY:
                    if type(built) is dict or type(built) is list:
                        raise _NotPlain  # a complex key: unhashable, the composing path says so
                    frame[1] = built
                else:
                    container[frame[1]] = built
                    frame[1] = _NO_KEY
            if kind is not ScalarEvent:
                stack.append([built, _NO_KEY])
        if not done or type(get()) is not StreamEndEvent:
            raise _NotPlain  # a second document: the composing path names the error
    except (yaml.YAMLError, TypeError) as error:  # TypeError: an unhashable scalar key
        raise _NotPlain from error
    finally:
        loader.dispose()
    return root


_NO_KEY = object()


def _check(root: Any) -> None:
    """Walk the composed nodes once: a node met twice is an alias; depth is bounded."""
    from yaml.nodes import MappingNode, SequenceNode

    seen: set[int] = set()
    stack: list[tuple[Any, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if id(node) in seen:
            raise YamlRefused(f"it uses a YAML alias (the anchor at line {node.start_mark.line + 1}); "
                              "aliases are not read (tracker files have none)")
        seen.add(id(node))
        if depth > MAX_DEPTH:
            raise YamlRefused(f"it is nested more than {MAX_DEPTH} levels deep (line {node.start_mark.line + 1})")
        if isinstance(node, SequenceNode):
            stack.extend((child, depth + 1) for child in node.value)
        elif isinstance(node, MappingNode):
            for key, value in node.value:
                stack.append((key, depth + 1))
                stack.append((value, depth + 1))
