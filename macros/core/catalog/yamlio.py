"""YAML with line numbers, via libyaml (CSafeLoader is ~5x faster than the pure-Python loader).

Dates stay strings (no implicit timestamps): the schemas validate their form and the models parse them,
so a contributor's ``2019-4-12`` is reported, not silently turned into something else.

Hostile input fails fast with the file and line: a file over ``MAX_FILE_BYTES`` is not read, a symlink is
not followed, anchors and aliases (``&a`` / ``*a``: a 591-byte "alias bomb" expands to billions of
values) are refused, and so is nesting deeper than ``MAX_DEPTH`` (libyaml's composer recurses in C:
100,000 levels crash the process) or more than ``MAX_NODES`` values.
"""
from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from types import GeneratorType
from typing import Any

import yaml

# libyaml is in PyYAML's wheels; fall back to the pure-Python loader only on exotic platforms.
_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Path_ = tuple  # a path into the document: ('scope', 'gemeenten', 0)

MAX_FILE_BYTES = 512 * 1024  # the largest real file is under 10 kB; one record with every text field full is ~60 kB
MAX_DEPTH = 20  # real data nests at most 5 levels
MAX_NODES = 100_000
_CHEAP_DEPTH_BOUND = 100  # below this (see _may_be_deep) libyaml's C composer recurses safely


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


def _mark(node: yaml.Node | yaml.Event) -> tuple[int, int]:
    mark = node.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


_ALIAS = "een anker of verwijzing (&naam / *naam) is in data niet toegestaan: schrijf de waarde voluit"


def _too_deep(line: int, column: int) -> YamlSyntaxError:
    return YamlSyntaxError(line, column, f"de gegevens zijn te diep genest (meer dan {MAX_DEPTH} niveaus)")


def _enter(node: yaml.Node, path: Path_, out: Located, visited: set[int]) -> None:
    """The checks every node passes first (aliases, counts, depth), and where it starts."""
    if id(node) in visited:  # the composer hands out the anchored node again for every alias
        raise YamlSyntaxError(*_mark(node), _ALIAS)
    visited.add(id(node))
    if len(visited) > MAX_NODES:
        raise YamlSyntaxError(*_mark(node), f"te veel waarden in één bestand (meer dan {MAX_NODES})")
    if len(path) > MAX_DEPTH:
        raise _too_deep(*_mark(node))
    out.marks[path] = _mark(node)


def _key(key_node: yaml.Node, path: Path_, out: Located, seen: set[Any]) -> Any:
    """A mapping key: text, and noted when it came before in the same mapping."""
    if not isinstance(key_node, yaml.ScalarNode):  # a list or block as a key
        raise YamlSyntaxError(*_mark(key_node), "een veldnaam moet tekst zijn")
    key = key_node.value
    if key in seen:
        out.duplicates.append((path + (key,), *_mark(key_node)))
    seen.add(key)
    return key


def _walk(node: yaml.Node, path: Path_, out: Located, visited: set[int]) -> None:
    """Record where every value starts; refuse aliases (a node met twice), deep nesting, huge counts."""
    _enter(node, path, out, visited)
    if isinstance(node, yaml.MappingNode):
        seen: set[Any] = set()
        for key_node, value_node in node.value:
            _walk(value_node, path + (_key(key_node, path, out, seen),), out, visited)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, path + (i,), out, visited)


class _Unusual(Exception):
    """A node ``_build`` leaves to PyYAML's own constructor (a tag, merge key or failure it does not know)."""


_STR, _MAP, _SEQ = "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"
_PLAIN_KEYS = {_STR, "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool",
               "tag:yaml.org,2002:null"}  # not '<<' (merge) or '=' (value): flatten_mapping rewrites those


def _build(node: yaml.Node, path: Path_, out: Located, visited: set[int], loader: Any) -> Any:
    """``_walk`` and ``construct_document`` in one pass, for documents of plain maps, lists and scalars
    (every data file): the same checks in the same order, the same values. Raises ``_Unusual`` before
    doing anything different from them; ``parse`` then runs the two."""
    _enter(node, path, out, visited)
    if isinstance(node, yaml.ScalarNode):
        return node.value if node.tag == _STR else _scalar(node, loader)
    if isinstance(node, yaml.MappingNode) and node.tag == _MAP:
        mapping: dict[Any, Any] = {}
        seen: set[Any] = set()
        for key_node, value_node in node.value:
            key = _key(key_node, path, out, seen)
            if key_node.tag not in _PLAIN_KEYS:  # (``out`` is dropped then: its duplicate notes too)
                raise _Unusual
            value = _build(value_node, path + (key,), out, visited, loader)
            mapping[key if key_node.tag == _STR else _scalar(key_node, loader)] = value
        return mapping
    if isinstance(node, yaml.SequenceNode) and node.tag == _SEQ:
        return [_build(item, path + (i,), out, visited, loader) for i, item in enumerate(node.value)]
    raise _Unusual


def _scalar(node: yaml.Node, loader: Any) -> Any:
    """A scalar by the constructor PyYAML would pick for its tag, called directly: construct_object
    would keep state that a later construct_document (after ``_Unusual``) must not see."""
    constructor = loader.yaml_constructors.get(node.tag)
    if constructor is None:
        raise _Unusual
    try:
        value = constructor(loader, node)
    except Exception as exc:  # whatever it is, the full walk must come first: PyYAML's path reports it
        raise _Unusual from exc
    if isinstance(value, GeneratorType):  # a collection's constructor on a scalar: leave it to PyYAML
        raise _Unusual
    return value


# A line that starts with 50 of these. Written as "after a newline" plus "at the start" rather than
# ``^`` with re.M: the literal newline lets the regex engine skip ahead (8x quicker on real files).
_DEEP_LINE = re.compile(r"\n[ ?:-]{50}")
_DEEP_START = re.compile(r"[ ?:-]{50}")


def _may_be_deep(text: str) -> bool:
    """False when the nesting depth is surely under ``_CHEAP_DEPTH_BOUND``, found in linear time without
    parsing: block collections nest by indentation and compact indicators (``- - x``) at the start of
    a line (under 50 on every line), flow collections by ``[`` and ``{`` (at most 50 in the file)."""
    return (text.count("[") + text.count("{") > _CHEAP_DEPTH_BOUND // 2 or _DEEP_LINE.search(text) is not None
            or _DEEP_START.match(text) is not None)


def _check_events(text: str) -> None:
    """The exact depth and any alias, from libyaml's event stream (iterative: safe at any depth)."""
    loader = _Loader(text)
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise YamlSyntaxError(*_mark(event), _ALIAS)
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise _too_deep(*_mark(event))
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return  # the syntax error is reported by the real parse, which stops there (depth <= MAX_DEPTH)
    finally:
        loader.dispose()


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
    if _may_be_deep(text):
        _check_events(text)
    loader = _Loader(text)
    out = Located(None)
    try:
        node = loader.get_single_node()
        if node is None:
            return Located(None, {(): (1, 1)})
        try:
            out.data = _build(node, (), out, set(), loader)
        except _Unusual:
            out = Located(None)
            _walk(node, (), out, set())
            out.data = loader.construct_document(node)
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
    return out


def read_source(path: Path) -> bytes:
    """The bytes of a data file; a symlink or a file over ``MAX_FILE_BYTES`` is refused unread."""
    status = os.lstat(path)  # one system call for both checks: a file that is no symlink is its own target
    if stat.S_ISLNK(status.st_mode):
        raise YamlSyntaxError(1, 1, "dit bestand is een symbolische link (symlink); zet het bestand zelf in data/")
    size = status.st_size
    if size > MAX_FILE_BYTES:
        raise YamlSyntaxError(1, 1, f"het bestand is te groot: {size // 1024} kB, maximaal {MAX_FILE_BYTES // 1024} kB")
    return path.read_bytes()


def decode(raw: bytes) -> str:
    """``raw`` as ``Path.read_text(encoding="utf-8")`` gives it: UTF-8, universal newlines."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise YamlSyntaxError(1, 1, f"het bestand is geen UTF-8 ({exc.reason})") from exc
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def load_file(path: Path) -> Located:
    return parse(decode(read_source(path)))
