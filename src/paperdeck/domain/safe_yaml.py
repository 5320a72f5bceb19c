"""YAML as data, with the two bombs defused: aliases and deep nesting.

An alias costs nothing to load (PyYAML shares the object), but every walk over the result
expands it: nine aliases of nine aliases ... is a billion strings by the tenth level (the
"billion laughs"). Tracker files use no anchors at all, so an alias is refused outright, as
soon as the document is composed and before any value is built. Nesting is capped too, since
building values recurses.
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
