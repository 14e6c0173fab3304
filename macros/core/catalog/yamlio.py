"""YAML with line numbers, via libyaml (CSafeLoader is ~5x faster than the pure-Python loader).

Dates stay strings (no implicit timestamps): the schemas validate their form and the models parse them,
so a contributor's ``2019-4-12`` is reported, not silently turned into something else.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

# libyaml is in PyYAML's wheels; fall back to the pure-Python loader only on exotic platforms.
_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Path_ = tuple  # a path into the document: ('scope', 'gemeenten', 0)


class _Loader(_Base):
    """Safe loader without the timestamp resolver."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in _Base.yaml_implicit_resolvers.items()
}


@dataclass
class Located:
    """A parsed document and where each value in it starts (1-based line and column)."""

    data: Any
    marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    duplicates: list[tuple[Path_, int, int]] = field(default_factory=list)

    def where(self, path: Path_) -> tuple[int, int]:
        """Line and column of ``path``, or of its nearest ancestor that has one."""
        p = tuple(path)
        while p:
            if p in self.marks:
                return self.marks[p]
            p = p[:-1]
        return self.marks.get((), (1, 1))


class YamlSyntaxError(Exception):
    def __init__(self, line: int, column: int, message: str):
        self.line, self.column, self.message = line, column, message
        super().__init__(f"{line}:{column}: {message}")


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _walk(node: yaml.Node, path: Path_, out: Located) -> None:
    out.marks[path] = _mark(node)
    if isinstance(node, yaml.MappingNode):
        seen: set[Any] = set()
        for key_node, value_node in node.value:
            key = key_node.value
            if key in seen:
                out.duplicates.append((path + (key,), *_mark(key_node)))
            seen.add(key)
            _walk(value_node, path + (key,), out)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, path + (i,), out)


_DUTCH_PROBLEMS = {
    "found character '\\t' that cannot start any token": "een tab-teken mag niet: gebruik spaties om in te springen",
    "mapping values are not allowed": "hier mag geen ':' staan (zet de tekst tussen aanhalingstekens)",
    "did not find expected node content": "hier ontbreekt een waarde",
    "found character that cannot start any token": "dit teken mag hier niet staan (zet de tekst tussen aanhalingstekens)",
    "found undefined alias": "onbekende verwijzing (alias)",
    "could not find expected ':'": "hier wordt een ':' verwacht (ontbreekt een dubbele punt of aanhalingsteken?)",
    "found unexpected end of stream": "het bestand houdt onverwacht op (ontbreekt een afsluitend aanhalingsteken?)",
    "expected <block end>, but found": "de inspringing klopt niet",
    "did not find expected key": "de inspringing klopt niet of er ontbreekt een ':'",
    "did not find expected '-' indicator": "de inspringing van de lijst klopt niet",
    "found unknown escape character": "onbekend escape-teken in tekst tussen dubbele aanhalingstekens",
    "found duplicate anchor": "dubbel anker",
    "while scanning a quoted scalar": "een aanhalingsteken wordt niet afgesloten",
}


def _dutch(problem: str | None, context: str | None) -> str:
    text = " ".join(x for x in (context, problem) if x)
    for english, dutch in _DUTCH_PROBLEMS.items():
        if english in text:
            return f"ongeldige YAML: {dutch} ({problem or context})"
    return f"ongeldige YAML: {text or 'onleesbaar'}"


def parse(text: str) -> Located:
    """Parse one YAML document; raise YamlSyntaxError with the line a person should look at."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return Located(None, {(): (1, 1)})
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        total = text.count("\n") + (0 if text.endswith("\n") else 1)
        # At the end of a file libyaml points one line past the end: the context mark is the line.
        if mark is not None and exc.context_mark is not None and mark.line + 1 > max(total, 1):
            mark = exc.context_mark
        line = (mark.line + 1) if mark else 1
        column = (mark.column + 1) if mark else 1
        line = min(line, max(total, 1))
        lines = text.splitlines()
        at = lines[line - 1][column - 1:column] if line <= len(lines) else ""
        message = ("ongeldige YAML: een tab-teken mag niet; gebruik spaties om in te springen" if at == "\t"
                   else _dutch(exc.problem, exc.context))
        raise YamlSyntaxError(line, column, message) from exc
    except yaml.YAMLError as exc:  # pragma: no cover - non-marked errors are rare
        raise YamlSyntaxError(1, 1, f"ongeldige YAML: {exc}") from exc
    finally:
        loader.dispose()
    out = Located(data)
    _walk(node, (), out)
    return out


def load_file(path: Path) -> Located:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise YamlSyntaxError(1, 1, f"het bestand is geen UTF-8 ({exc.reason})") from exc
    return parse(text)
