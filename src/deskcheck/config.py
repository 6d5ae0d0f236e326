"""Configuration: `.deskcheck.yaml`, found upward from each article, validated strictly."""
from __future__ import annotations

import datetime as dt
import fnmatch
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ConfigError
from .model import FrozenRecord, Severity, _set

if TYPE_CHECKING:
    import yaml

CONFIG_NAMES = (".deskcheck.yaml", ".deskcheck.yml", "deskcheck.yaml")
DEFAULT_STYLES = ("Deskcheck", "Newsroom")
PROFILES = ("ap", "uk")
LOCALES = ("en-US", "en-GB")

TOP_KEYS = {"styles", "profile", "locale", "min_level", "fail_level", "rules", "vocabulary", "names",
            "date", "archive", "ignore", "overrides", "languagetool", "options"}
OVERRIDE_KEYS = {"files", "profile", "locale", "rules", "min_level", "vocabulary"}


class RuleSetting(FrozenRecord):
    __slots__ = _fields = __match_args__ = ("enabled", "level")
    enabled: bool
    level: Severity | None

    def __init__(self, enabled: bool = True, level: Severity | None = None) -> None:
        _set(self, "enabled", enabled)
        _set(self, "level", level)


class Config(FrozenRecord):
    # a frozen record written out, not a @dataclass: see model.FrozenRecord
    _fields = __match_args__ = ("path", "styles", "profile", "locale", "min_level", "fail_level", "rules", "accept",
                                "reject", "names", "date", "archive", "ignore", "overrides", "options")
    path: Path | None                       # None: built-in defaults
    styles: tuple[str, ...]
    profile: str
    locale: str | None
    min_level: Severity
    fail_level: Severity
    rules: tuple[tuple[str, RuleSetting], ...]     # ordered: later entries win
    accept: tuple[str, ...]
    reject: tuple[str, ...]
    names: tuple[Path, ...]
    date: dt.date | None
    archive: bool
    ignore: tuple[str, ...]
    overrides: tuple[dict[str, Any], ...]
    options: tuple[tuple[str, Any], ...]    # free-form settings for kinds (languagetool url...)

    def __init__(self, path: Path | None = None, styles: tuple[str, ...] = DEFAULT_STYLES, profile: str = "ap",
                 locale: str | None = None, min_level: Severity = Severity.SUGGESTION,
                 fail_level: Severity = Severity.ERROR, rules: tuple[tuple[str, RuleSetting], ...] = (),
                 accept: tuple[str, ...] = (), reject: tuple[str, ...] = (), names: tuple[Path, ...] = (),
                 date: dt.date | None = None, archive: bool = False, ignore: tuple[str, ...] = (),
                 overrides: tuple[dict[str, Any], ...] = (), options: tuple[tuple[str, Any], ...] = ()) -> None:
        _set(self, "path", path)
        _set(self, "styles", styles)
        _set(self, "profile", profile)
        _set(self, "locale", locale)
        _set(self, "min_level", min_level)
        _set(self, "fail_level", fail_level)
        _set(self, "rules", rules)
        _set(self, "accept", accept)
        _set(self, "reject", reject)
        _set(self, "names", names)
        _set(self, "date", date)
        _set(self, "archive", archive)
        _set(self, "ignore", ignore)
        _set(self, "overrides", overrides)
        _set(self, "options", options)


    @property
    def base(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def for_file(self, path: str) -> "Config":
        """This config with the overrides whose `files` globs match the article applied."""
        cfg = self
        if not self.overrides:
            return cfg      # the common case: no path to resolve (a syscall per folder level)
        rel = _relative(path, self.base)
        for ov in self.overrides:
            if any(fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(Path(path).name, g) for g in ov["files"]):
                cfg = cfg.replace(
                    profile=ov.get("profile", cfg.profile),
                    locale=ov.get("locale", cfg.locale),
                    min_level=ov.get("min_level", cfg.min_level),
                    rules=cfg.rules + ov.get("rules", ()),
                    accept=cfg.accept + ov.get("accept", ()),
                    reject=cfg.reject + ov.get("reject", ()),
                )
        return cfg

    def ignored(self, path: str) -> bool:
        if not self.ignore:
            return False
        rel = _relative(path, self.base)
        return any(fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(rel, g.rstrip("/") + "/*") for g in self.ignore)


def _relative(path: str, base: Path) -> str:
    try:
        return Path(path).resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def find_config(start: Path) -> Path | None:
    """The nearest config file in `start` or a folder above it."""
    folder = start if start.is_dir() else start.parent
    folder = folder.resolve()
    for d in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            candidate = d / name
            if candidate.is_file():
                return candidate
    return None


class _Checker:
    def __init__(self, path: Path, node: yaml.Node | None) -> None:
        self.path = path
        self.node = node

    def line(self, *keys: str) -> int | None:
        import yaml
        node = self.node
        line = None
        for key in keys:
            if not isinstance(node, yaml.MappingNode):
                return line
            for k, v in node.value:
                if getattr(k, "value", None) == key:
                    line = k.start_mark.line + 1
                    node = v
                    break
            else:
                return line
        return line

    def fail(self, msg: str, *keys: str) -> ConfigError:
        return ConfigError(msg, str(self.path), self.line(*keys) or 1)


def _level(c: _Checker, value: Any, *keys: str) -> Severity:
    try:
        return Severity.parse(str(value))
    except ValueError as exc:
        raise c.fail(str(exc), *keys) from None


def _str_list(c: _Checker, value: Any, *keys: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
        raise c.fail(f"'{keys[-1]}' must be a list of strings", *keys)
    return tuple(str(v) for v in value)


def _rules(c: _Checker, value: Any, *keys: str) -> tuple[tuple[str, RuleSetting], ...]:
    if not isinstance(value, dict):
        raise c.fail("'rules' must map rule ids (or style names) to on, off, or a level", *keys)
    out = []
    for rid, setting in value.items():
        rid = str(rid)
        if setting is True or (isinstance(setting, str) and setting.lower() in ("on", "yes", "true")):
            out.append((rid, RuleSetting(True)))
        elif setting is False or (isinstance(setting, str) and setting.lower() in ("off", "no", "false")):
            out.append((rid, RuleSetting(False)))
        elif isinstance(setting, str):
            out.append((rid, RuleSetting(True, _level(c, setting, *keys, rid))))
        elif isinstance(setting, dict) and set(setting) <= {"level", "enabled"}:
            lvl = _level(c, setting["level"], *keys, rid) if "level" in setting else None
            out.append((rid, RuleSetting(bool(setting.get("enabled", True)), lvl)))
        else:
            raise c.fail(f"rule '{rid}': expected on, off, suggestion, warning or error", *keys, rid)
    return tuple(out)


def _vocab(c: _Checker, value: Any, *keys: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if not isinstance(value, dict) or set(value) - {"accept", "reject"}:
        raise c.fail("'vocabulary' takes 'accept' and 'reject' lists", *keys)
    return (_str_list(c, value.get("accept", []), *keys, "accept"),
            _str_list(c, value.get("reject", []), *keys, "reject"))


def load_config(path: Path) -> Config:
    # imported here: a run without a config file never loads the YAML library for it
    import yaml

    from .yamlnodes import load_with_nodes
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config: {exc}", str(path)) from None
    try:
        data, node = load_with_nodes(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigError(f"invalid YAML: {problem}", str(path), mark.line + 1 if mark else None) from None
    c = _Checker(path, node)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise c.fail("the config must be a mapping of keys to values")
    for key in data:
        if key not in TOP_KEYS:
            raise c.fail(f"unknown key '{key}' (allowed: {', '.join(sorted(TOP_KEYS))})", key)
    # a key left empty (as in the starter file's commented-out sections) means "default"
    data = {k: v for k, v in data.items() if v is not None}
    kw: dict[str, Any] = {"path": path}
    if "styles" in data:
        kw["styles"] = _str_list(c, data["styles"], "styles")
    if "profile" in data:
        if data["profile"] not in PROFILES:
            raise c.fail(f"unknown profile {data['profile']!r} (valid: {', '.join(PROFILES)})", "profile")
        kw["profile"] = data["profile"]
    if "locale" in data:
        if data["locale"] not in LOCALES:
            raise c.fail(f"unknown locale {data['locale']!r} (valid: {', '.join(LOCALES)})", "locale")
        kw["locale"] = data["locale"]
    if "min_level" in data:
        kw["min_level"] = _level(c, data["min_level"], "min_level")
    if "fail_level" in data:
        kw["fail_level"] = _level(c, data["fail_level"], "fail_level")
    if "rules" in data:
        kw["rules"] = _rules(c, data["rules"], "rules")
    if "vocabulary" in data:
        kw["accept"], kw["reject"] = _vocab(c, data["vocabulary"], "vocabulary")
    if "names" in data:
        kw["names"] = tuple(path.parent / p for p in _str_list(c, data["names"], "names"))
        for p in kw["names"]:
            if not p.is_file():
                raise c.fail(f"names list not found: {p}", "names")
    if "date" in data:
        from .formats.dates import parse_meta_date
        d = parse_meta_date(data["date"])
        if d is None:
            raise c.fail(f"'date' must be a date such as 2021-04-21, not {data['date']!r}", "date")
        kw["date"] = d
    if "archive" in data:
        if not isinstance(data["archive"], bool):
            raise c.fail("'archive' must be true or false", "archive")
        kw["archive"] = data["archive"]
    if "ignore" in data:
        kw["ignore"] = _str_list(c, data["ignore"], "ignore")
    for key in ("languagetool", "options"):
        if key in data:
            if not isinstance(data[key], dict):
                raise c.fail(f"'{key}' must be a mapping", key)
    opts = dict(data.get("options") or {})
    if "languagetool" in data:
        opts["languagetool"] = data["languagetool"]
    kw["options"] = tuple(opts.items())
    if "overrides" in data:
        ovs = data["overrides"]
        if not isinstance(ovs, list):
            raise c.fail("'overrides' must be a list", "overrides")
        parsed = []
        for ov in ovs:
            if not isinstance(ov, dict) or "files" not in ov:
                raise c.fail("each override needs 'files' (a list of globs)", "overrides")
            unknown = set(ov) - OVERRIDE_KEYS
            if unknown:
                raise c.fail(f"unknown key '{sorted(unknown)[0]}' in override (allowed: "
                             f"{', '.join(sorted(OVERRIDE_KEYS))})", "overrides")
            o: dict[str, Any] = {"files": _str_list(c, ov["files"], "overrides")}
            if "profile" in ov:
                if ov["profile"] not in PROFILES:
                    raise c.fail(f"unknown profile {ov['profile']!r}", "overrides")
                o["profile"] = ov["profile"]
            if "locale" in ov:
                if ov["locale"] not in LOCALES:
                    raise c.fail(f"unknown locale {ov['locale']!r}", "overrides")
                o["locale"] = ov["locale"]
            if "min_level" in ov:
                o["min_level"] = _level(c, ov["min_level"], "overrides")
            if "rules" in ov:
                o["rules"] = _rules(c, ov["rules"], "overrides")
            if "vocabulary" in ov:
                o["accept"], o["reject"] = _vocab(c, ov["vocabulary"], "overrides")
            parsed.append(o)
        kw["overrides"] = tuple(parsed)
    return Config(**kw)


STARTER = """\
# deskcheck configuration. deskcheck uses the nearest .deskcheck.yaml above each article.
# Every key is optional; delete what you do not need.

# Rule styles to run: bundled style names or folders of rule files (a Vale style folder works).
styles: [Deskcheck, Newsroom]

# House style profile where style guides disagree: ap (default) or uk.
profile: ap

# Pin a spelling variety (en-US or en-GB); unset, words valid in either are accepted.
# locale: en-US

# Report findings at or above this level; fail (exit 1) at or above fail_level.
min_level: suggestion
fail_level: error

# Turn rules (or whole styles) on or off, or change their level.
rules:
  # Newsroom.NumbersUnderTen: off
  # Deskcheck.Spelling: error

# Words the spelling check always accepts or always flags.
vocabulary:
  accept: []
  reject: []

# Extra house names lists (YAML, same format as the bundled one).
# names: [house-names.yml]

# Check name spellings across every article given in one run.
archive: false

# Paths to skip (globs, relative to this file).
ignore: []

# Different settings for some files.
# overrides:
#   - files: ["sport/*.md"]
#     profile: uk
"""
