"""JSON Schema validation with Dutch messages that point at the line of the offending value."""
from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import fastjsonschema

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

from .errors import did_you_mean, field_name, shorten

_TYPES_NL = {
    "string": "tekst", "integer": "een geheel getal", "number": "een getal", "boolean": "true of false",
    "array": "een lijst", "object": "een blok met velden", "null": "leeg",
}


def _type_nl(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "een getal"
    if isinstance(value, str):
        return "tekst"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, dict):
        return "een blok met velden"
    if value is None:
        return "leeg"
    return type(value).__name__


def _pattern_after_length(validator: Any, pattern: str, instance: Any, schema: dict) -> Iterator[ValidationError]:
    """``pattern``, but not on a string already over its ``maxLength``: that error says enough, and a
    pattern is never run on a value of unbounded length (the limit is checked first, in linear time)."""
    if isinstance(instance, str) and len(instance) > schema.get("maxLength", len(instance)):
        return
    from jsonschema import Draft202012Validator
    yield from Draft202012Validator.VALIDATORS["pattern"](validator, pattern, instance, schema)


@lru_cache(maxsize=1)
def _validator_class() -> Any:
    """jsonschema's 2020-12 validator with our ``pattern``. Imported only when a record is invalid:
    valid records take fastjsonschema's compiled check, and importing jsonschema (with referencing)
    took ~45 ms of every build."""
    from jsonschema import Draft202012Validator, validators
    return validators.extend(Draft202012Validator, {"pattern": _pattern_after_length})


@dataclass(frozen=True)
class SchemaIssue:
    path: tuple
    field: str
    message: str


def _schema_files(folder: Path) -> tuple[tuple[str, bytes], ...]:
    return tuple((file.name, file.read_bytes()) for file in sorted(folder.glob("*.schema.json")))


class SchemaSet:
    """All schemas of one data/schemas folder, with their cross-file $refs resolved.

    ``fingerprint`` names the exact schema files (names and bytes): the same fingerprint, the same
    verdict on every document (``LoadCache`` relies on it)."""

    def __init__(self, folder: Path, files: tuple[tuple[str, bytes], ...] | None = None):
        self.folder = folder
        files = _schema_files(folder) if files is None else files
        self.fingerprint = hashlib.sha256(repr(files).encode()).hexdigest()
        self._uris: dict[str, str] = {}
        self._raw: dict[str, dict] = {}
        for filename, raw in files:
            name = filename.removesuffix(".schema.json")
            self._uris[name] = filename  # relative refs ("gemeenschappelijk.schema.json#/...") resolve by name
            self._raw[name] = json.loads(raw.decode("utf-8"))
        self._registry: Any = None  # jsonschema's, made for the first invalid record
        self._validators: dict[str, Any] = {}
        self._fast: dict[str, Any] = {}

    def validator(self, name: str) -> Any:
        if self._registry is None:
            from referencing import Registry, Resource
            from referencing.jsonschema import DRAFT202012
            self._registry = Registry().with_resources(
                (self._uris[n], Resource.from_contents(contents, default_specification=DRAFT202012))
                for n, contents in self._raw.items())
        if name not in self._validators:
            uri = self._uris[name]
            schema = self._raw[name]
            self._validators[name] = _validator_class()(
                {"$schema": schema.get("$schema"), "$ref": uri}, registry=self._registry
            )
        return self._validators[name]

    def is_valid(self, name: str, data: Any) -> bool:
        """Fast path: the schema compiled to Python by fastjsonschema (the same published schema)."""
        if name not in self._fast:
            # use_default=False: a check never writes into the document (LoadCache keeps documents).
            # detailed_exceptions=False: only "valid or not" is asked here; the detailed raises embed a
            # copy of the schema in each, which made compiling the schemas take ~95 instead of ~35 ms.
            self._fast[name] = fastjsonschema.compile(_const_as_enum(bundle(self._raw, name)), use_formats=False,
                                                      use_default=False, detailed_exceptions=False)
        try:
            self._fast[name](data)
            return True
        except fastjsonschema.JsonSchemaException:
            return False

    def validate(self, name: str, data: Any) -> Iterator[SchemaIssue]:
        """Every problem in ``data``, in Dutch. Valid records take the fast path only."""
        if self.is_valid(name, data):
            return
        for error in self.validator(name).iter_errors(data):
            yield from _translate(error)


def _leaf_errors(error: ValidationError) -> list[ValidationError]:
    """For oneOf/anyOf, the most relevant sub-errors (those that got furthest)."""
    if not error.context:
        return [error]
    by_branch: dict[int, list[ValidationError]] = {}
    for sub in error.context:
        by_branch.setdefault(sub.relative_schema_path[0], []).append(sub)
    # Prefer a branch whose type matched (its errors are about content, not type).
    typed = [errs for errs in by_branch.values() if not any(e.validator in ("type", "const") for e in errs)]
    if typed:
        best = max(typed, key=lambda errs: max(len(e.absolute_path) for e in errs))
        return [leaf for e in best for leaf in _leaf_errors(e)]
    return [error]


def _translate(error: ValidationError) -> Iterator[SchemaIssue]:
    for e in _leaf_errors(error):
        path = tuple(e.absolute_path)
        name = field_name(path)
        v, schema, inst = e.validator, e.schema, e.instance
        custom = schema.get("x-melding") if isinstance(schema, dict) else None
        if v == "required":
            missing = e.message.split("'")[1] if "'" in e.message else str(e.validator_value)
            yield SchemaIssue(path, field_name(path + (missing,)), f"verplicht veld '{missing}' ontbreekt")
        elif v == "additionalProperties":
            allowed = list(schema.get("properties", {}))
            extra = [k for k in inst if k not in allowed] if isinstance(inst, dict) else []
            for key in extra:
                yield SchemaIssue(path + (key,), field_name(path + (key,)),
                                  f"onbekend veld '{shorten(key)}'{did_you_mean(key, allowed)}")
        elif v == "type":
            want = e.validator_value if isinstance(e.validator_value, list) else [e.validator_value]
            yield SchemaIssue(path, name, f"moet {' of '.join(_TYPES_NL.get(str(t), str(t)) for t in want)} zijn, niet {_type_nl(inst)}")
        elif v == "enum":
            options = [str(o) for o in e.validator_value]
            yield SchemaIssue(path, name, f"'{shorten(inst)}' is geen geldige waarde; kies uit: {', '.join(options)}"
                              f"{did_you_mean(str(inst), options)}")
        elif v == "const":
            yield SchemaIssue(path, name, f"'{shorten(inst)}' is niet toegestaan; verwacht '{e.validator_value}'")
        elif v == "pattern":
            yield SchemaIssue(path, name, f"'{shorten(inst)}': {custom or 'heeft niet de juiste vorm'}")
        elif v == "minLength":
            yield SchemaIssue(path, name, custom if custom and not str(inst).strip() else f"te kort (minstens {e.validator_value} tekens)")
        elif v == "maxLength":
            yield SchemaIssue(path, name, f"te lang: {len(inst)} tekens, maximaal {e.validator_value}")
        elif v == "minItems":
            yield SchemaIssue(path, name, f"de lijst moet minstens {e.validator_value} waarde(n) hebben")
        elif v == "uniqueItems":
            yield SchemaIssue(path, name, "de lijst bevat een waarde twee keer")
        elif v in ("minimum", "maximum"):
            word = "minstens" if v == "minimum" else "hoogstens"
            yield SchemaIssue(path, name, f"{shorten(inst)} moet {word} {e.validator_value} zijn")
        elif v in ("oneOf", "anyOf"):
            yield SchemaIssue(path, name, f"'{shorten(inst)}' heeft niet de juiste vorm")
        elif v == "maxItems":
            yield SchemaIssue(path, name, f"te veel waarden: {len(inst)}, maximaal {e.validator_value}")
        elif v == "maxProperties":
            yield SchemaIssue(path, name, f"te veel velden: {len(inst)}, maximaal {e.validator_value}")
        else:  # pragma: no cover - keywords our schemas do not use
            yield SchemaIssue(path, name, shorten(e.message, 200))


COMMON = "gemeenschappelijk"


def bundle(schemas: dict[str, dict], name: str) -> dict:
    """One self-contained draft-07 schema for fastjsonschema with the same meaning as the 2020-12 one.

    Cross-file refs point into a local ``$defs`` copy, and ``$ref`` with sibling keywords (which 2020-12
    applies and draft-07 ignores) becomes ``allOf: [{$ref}, {siblings}]``.
    """
    def fix(node: Any, own: str) -> Any:
        if isinstance(node, list):
            return [fix(x, own) for x in node]
        if not isinstance(node, dict):
            return node
        out = {k: fix(v, own) for k, v in node.items() if k not in ("$schema", "$id")}
        ref = out.get("$ref")
        if isinstance(ref, str):
            file, _, pointer = ref.partition("#")
            target = file.removesuffix(".schema.json") if file else own
            prefix = "g-" if target == COMMON else ""
            out["$ref"] = "#/definitions/" + prefix + pointer.rsplit("/", 1)[1]
            siblings = {k: v for k, v in out.items() if k not in ("$ref", "description", "title", "x-melding")}
            if siblings:
                return {"allOf": [{"$ref": out["$ref"]}, siblings]}
        return out

    root = copy.deepcopy(schemas[name])
    defs = {k: fix(v, name) for k, v in root.pop("$defs", {}).items()}
    defs.update({"g-" + k: fix(v, COMMON) for k, v in schemas[COMMON].get("$defs", {}).items()})
    result = fix(root, name)
    result["definitions"] = defs
    result["$schema"] = "http://json-schema.org/draft-07/schema#"
    return result


def schema_set(folder: str) -> SchemaSet:
    """The schemas in ``folder`` as they are now on disk; compiled once per distinct content, so an
    edited schema takes effect in a long-running process (``mkdocs serve``)."""
    return _schema_set(folder, _schema_files(Path(folder)))


_NAME_MAPS = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")
_VALUES = ("const", "enum", "default", "examples")


def _const_as_enum(node: Any, names: bool = False) -> Any:
    """Every ``const: x`` as ``enum: [x]``, for fastjsonschema: it tests the two with the same code, and
    without detailed exceptions it cannot write its const message (fastjsonschema 2.22: KeyError)."""
    if isinstance(node, list):
        return [_const_as_enum(x) for x in node]
    if not isinstance(node, dict):
        return node
    if names:  # {name: schema}: the names are no keywords
        return {k: _const_as_enum(v) for k, v in node.items()}
    out = {k: v if k in _VALUES else _const_as_enum(v, k in _NAME_MAPS) for k, v in node.items()}
    if "const" not in out:
        return out
    const = out.pop("const")
    return {**out, "enum": [const]} if "enum" not in out else {"allOf": [{"enum": [const]}, out]}


@lru_cache(maxsize=8)
def _schema_set(folder: str, files: tuple[tuple[str, bytes], ...]) -> SchemaSet:
    return SchemaSet(Path(folder), files)
