"""Loading rules: one YAML file per rule, its id taken from its path (`Style/Rule.yml`)."""
from __future__ import annotations

import dataclasses
import sys
import typing
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from . import yamlfast
from .bundled import bundled_rules_dir, bundled_styles
from .errors import RuleError
from .kinds import KINDS, UNSUPPORTED_VALE_KINDS
from .kinds.base import Kind, OptionError, RuleInfo
from .model import CATEGORIES, FACTORY, Record, Severity
from .yamlfast import LazyNode, yaml     # (PyYAML, imported through the pattern store)

HEADER_KEYS = {"extends", "message", "level", "category", "scope", "link", "description", "examples",
               "profiles", "formats", "name"}
# Vale header keys deskcheck does not implement: a rule using them loads, with a warning
VALE_HEADER_KEYS = {"limit", "code", "selector"}

# Vale's spelling kind is skipped too until a kind of that name is registered (a registered kind wins)
SKIPPED_VALE_KINDS = UNSUPPORTED_VALE_KINDS | {"spelling"}

Warn = Callable[[str], None]


def _stderr(msg: str) -> None:
    print(f"deskcheck: warning: {msg}", file=sys.stderr)


class Rule(Record):
    # written out, not built by @dataclass (a millisecond of a cold start; see model.FrozenRecord)
    _fields = _repr = __match_args__ = ("id", "kind", "kind_name", "level", "category", "scope", "message", "path",
                                        "link", "description", "examples", "profiles", "formats", "enabled")
    id: str
    kind: Kind
    kind_name: str
    level: Severity
    category: str
    scope: tuple[str, ...]
    message: str
    path: str
    link: str
    description: str
    examples: dict[str, list[Any]]
    profiles: tuple[str, ...]
    formats: tuple[str, ...]
    enabled: bool

    def __init__(self, id: str, kind: Kind, kind_name: str, level: Severity, category: str, scope: tuple[str, ...],
                 message: str, path: str, link: str = "", description: str = "",
                 examples: dict[str, list[Any]] = FACTORY, profiles: tuple[str, ...] = (),
                 formats: tuple[str, ...] = (), enabled: bool = True) -> None:
        self.id = id
        self.kind = kind
        self.kind_name = kind_name
        self.level = level
        self.category = category
        self.scope = scope
        self.message = message
        self.path = path
        self.link = link
        self.description = description
        self.examples = {} if examples is FACTORY else examples
        self.profiles = profiles
        self.formats = formats
        self.enabled = enabled


    @property
    def style(self) -> str:
        return self.id.split(".", 1)[0]


def _line_of(node: "yaml.Node | LazyNode | None", key: str) -> int | None:
    if isinstance(node, LazyNode):
        node = node.get()
    if isinstance(node, yaml.MappingNode):
        for k, _v in node.value:
            if getattr(k, "value", None) == key:
                return int(k.start_mark.line) + 1
    return None


def _load_yaml(path: Path) -> tuple[Any, LazyNode]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise RuleError("rule file is not valid UTF-8", str(path)) from None
    except OSError as exc:
        raise RuleError(f"cannot read rule file: {exc.strerror or exc}", str(path)) from None
    try:
        data = yamlfast.load_cached(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise RuleError(f"invalid YAML: {problem}", str(path), mark.line + 1 if mark else None) from None
    return data, LazyNode(text)


@lru_cache(maxsize=None)
def _option_types(options: type) -> dict[str, Any]:
    # resolving the annotations is the slow part of reading a rule: once per kind, not per rule
    simple = _simple_types(options)
    return simple if simple is not None else typing.get_type_hints(options)


# the annotations kinds' options use, as `from __future__ import annotations` leaves them (text)
_SIMPLE_TYPES: dict[str, Any] = {"str": str, "int": int, "bool": bool, "float": float, "dict": dict, "list": list,
                                 "list[str]": list[str]}
_SIMPLE_NAMES = ("str", "int", "bool", "float", "dict", "list")


def _simple_types(options: type) -> dict[str, Any] | None:
    """What typing.get_type_hints answers for an options class whose every annotation is one of
    _SIMPLE_TYPES' texts, read from the table instead of evaluated (~2 ms of a cold start for
    the bundled kinds); None for anything else (a base class, another annotation, a module or
    class that gives one of those names another meaning), which get_type_hints then resolves."""
    if options.__mro__[1:] != (object,):
        return None
    module = sys.modules.get(options.__module__)
    if module is None:
        return None
    scopes = (vars(module), vars(options))
    if any(name in scope for scope in scopes for name in _SIMPLE_NAMES):
        return None
    out = {}
    for name, annotation in vars(options).get("__annotations__", {}).items():
        resolved = _SIMPLE_TYPES.get(annotation) if isinstance(annotation, str) else None
        if resolved is None:
            return None
        out[name] = resolved
    return out


def _coerce(value: Any, ftype: Any, key: str) -> Any:
    """Check an option's value against its declared type; accept a scalar for a list."""
    origin = typing.get_origin(ftype) or ftype
    if origin is list:
        if isinstance(value, (str, int, float)):
            return [value]
        if not isinstance(value, list):
            raise ValueError(f"'{key}' must be a list")
        return value
    if origin is dict:
        if not isinstance(value, dict):
            raise ValueError(f"'{key}' must be a mapping")
        return value
    if origin is bool:
        if not isinstance(value, bool):
            raise ValueError(f"'{key}' must be true or false")
        return value
    if origin is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"'{key}' must be a whole number")
        return value
    if origin is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError(f"'{key}' must be a number")
        return float(value)
    if origin is str:
        if not isinstance(value, (str, int, float)):
            raise ValueError(f"'{key}' must be text")
        return str(value)
    return value


def _entry_line(lazy: LazyNode, key: str, entry: str) -> int | None:
    """The line of `entry` (a mapping key or list item under top-level `key`), for an error in it."""
    node = lazy.get()     # the rule file's node tree, composed once, only on this error path
    for k, v in node.value if isinstance(node, yaml.MappingNode) else []:
        if getattr(k, "value", None) == key:
            children = [kk for kk, _ in v.value] if isinstance(v, yaml.MappingNode) else (
                v.value if isinstance(v, yaml.SequenceNode) else [])
            for child in children:
                if getattr(child, "value", None) == entry:
                    return int(child.start_mark.line) + 1
    return None


def load_rule(path: Path, style: str, base_dir: Path, warn: Warn = _stderr) -> Rule | None:
    """Load one rule file; None when it is a Vale kind deskcheck skips."""
    spath = str(path)
    data, node = _load_yaml(path)
    if not isinstance(data, dict):
        raise RuleError("a rule file must be a mapping of keys to values", spath, 1)
    rule_id = f"{style}.{path.stem}"
    kind_name = data.get("extends")
    if not kind_name:
        raise RuleError("missing 'extends' (the rule's kind)", spath, 1)
    kind_name = str(kind_name)
    if kind_name in SKIPPED_VALE_KINDS and kind_name not in KINDS:
        warn(f"{spath}: skipped: Vale kind '{kind_name}' is not supported by deskcheck")
        return None
    kind_cls = KINDS.get(kind_name)
    if kind_cls is None:
        raise RuleError(f"unknown kind '{kind_name}' (valid kinds: {', '.join(sorted(KINDS))})",
                        spath, _line_of(node, "extends"))
    if "message" not in data:
        raise RuleError("missing 'message'", spath, 1)
    # kind_cls is typed by the registry; option parsing is generic over its dataclass
    fields = {f.name: f for f in dataclasses.fields(kind_cls.Options)}
    hints = _option_types(kind_cls.Options)
    opts: dict[str, Any] = {}
    ignored: list[str] = []
    for key, value in data.items():
        if key in HEADER_KEYS:
            continue
        if key in VALE_HEADER_KEYS or key in kind_cls.ignored_vale_options:
            ignored.append(str(key))
            continue
        if key not in fields:
            raise RuleError(f"unknown key '{key}' for kind '{kind_name}' (allowed: "
                            f"{', '.join(sorted(set(fields) | HEADER_KEYS))})", spath, _line_of(node, key))
        try:
            opts[key] = _coerce(value, hints.get(key, Any), key)
        except ValueError as exc:
            raise RuleError(str(exc), spath, _line_of(node, key)) from None
    try:
        level = Severity.parse(str(data.get("level", "warning")))
    except ValueError as exc:
        raise RuleError(str(exc), spath, _line_of(node, "level")) from None
    category = str(data.get("category", kind_cls.default_category))
    if category not in CATEGORIES:
        raise RuleError(f"unknown category '{category}' (valid: {', '.join(CATEGORIES)})", spath,
                        _line_of(node, "category"))
    scope = data.get("scope") or kind_cls.default_scope   # Vale reads an empty scope as text
    scope = tuple(str(s) for s in ([scope] if isinstance(scope, str) else scope))
    from .scopes import validate_scope
    try:
        validate_scope(scope)
    except ValueError as exc:
        raise RuleError(str(exc), spath, _line_of(node, "scope")) from None
    examples = data.get("examples") or {}
    if not isinstance(examples, dict) or set(examples) - {"good", "bad"}:
        raise RuleError("'examples' must be a mapping with 'good' and/or 'bad' lists", spath,
                        _line_of(node, "examples"))
    info = RuleInfo(rule_id, str(data["message"]), spath, base_dir)
    try:
        kind = kind_cls(kind_cls.Options(**opts), info)
    except OptionError as exc:
        line = _entry_line(node, exc.key, exc.entry) if exc.entry is not None else None
        raise RuleError(str(exc), spath, line or _line_of(node, exc.key) or 1) from None
    except (ValueError, TypeError) as exc:
        raise RuleError(str(exc), spath, 1) from None
    kind.scope = scope
    ignored.extend(kind.ignored_options)
    if ignored:
        # one warning per file, so a Vale style folder loads without a wall of notices
        warn(f"{spath}: Vale option(s) not supported by deskcheck, ignored: {', '.join(ignored)}")
    profiles = data.get("profiles") or ()
    formats = data.get("formats") or ()
    return Rule(
        id=rule_id, kind=kind, kind_name=kind_name, level=level, category=category, scope=scope,
        message=str(data["message"]), path=spath, link=str(data.get("link", "") or ""),
        description=str(data.get("description", "") or ""), examples=examples,
        profiles=tuple([profiles] if isinstance(profiles, str) else profiles),
        formats=tuple([formats] if isinstance(formats, str) else formats),
    )


def load_style(folder: Path, warn: Warn = _stderr) -> list[Rule]:
    """Every rule in a style folder (`data/` and hidden files are not rules)."""
    if not folder.is_dir():
        raise RuleError("style folder not found", str(folder))
    rules = []
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() in (".yml", ".yaml") and path.is_file():
            rule = load_rule(path, folder.name, folder, warn)
            if rule is not None:
                rules.append(rule)
    return rules


@lru_cache(maxsize=16)
def _bundled_style(name: str) -> tuple[Rule, ...]:
    return tuple(load_style(bundled_rules_dir() / name))


def load_styles(styles: list[str], base: Path | None = None, warn: Warn = _stderr) -> list[Rule]:
    """Styles by bundled name or by folder (relative to `base`, the config file's folder)."""
    rules: list[Rule] = []
    bundled = set(bundled_styles())
    for style in styles:
        candidate = (base / style) if base is not None else Path(style)
        if style in bundled and not candidate.is_dir():
            rules.extend(r.replace() for r in _bundled_style(style))
        elif candidate.is_dir():
            rules.extend(load_style(candidate, warn))
        else:
            raise RuleError(f"style '{style}' is neither a bundled style ({', '.join(sorted(bundled))}) "
                            "nor a folder", str(candidate))
    return rules
