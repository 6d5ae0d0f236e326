"""The pipeline, start to end, for the CLI and for other programs.

discover -> configure -> read -> parse -> check -> suppress -> collect. Formatting and the exit
code belong to the CLI.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import fnmatch
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from .config import Config, find_config, load_config
from .discover import discover
from .engine import RuleFailure, check_document
from .errors import ReadError
from .formats import parse
from .kinds.base import Settings, Vocabulary
from .model import Document, Finding, Severity
from .report import FileReport, collect
from .rules import Rule, load_styles
from .source import format_for, read_path
from . import archive, suppress


@dataclass
class Options:
    """Settings from the command line (or a caller) that override the config."""
    config: Path | None = None
    min_level: Severity | None = None
    fail_level: Severity | None = None
    enable: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()
    date: dt.date | None = None
    profile: str | None = None
    archive: bool | None = None
    stdin_filename: str | None = None
    warn: Callable[[str], None] | None = None
    archive_index: Any = None        # archive.ArchiveIndex, set by archive.prepare in run()
    progress: Callable[[int, int, str], None] | None = None    # (number, total, path) as each article starts
    languagetool_url: str | None = None    # a LanguageTool server when the config names none


@dataclass
class RunResult:
    files: list[FileReport] = field(default_factory=list)
    failures: list[RuleFailure] = field(default_factory=list)
    fail_level: Severity = Severity.ERROR


def _rule_selected(rule: Rule, pattern: str) -> bool:
    return pattern == rule.id or pattern == rule.style or fnmatch.fnmatchcase(rule.id, pattern)


@lru_cache(maxsize=32)
def _styles(styles: tuple[str, ...], base: Path | None) -> tuple[Rule, ...]:
    return tuple(load_styles(list(styles), base))


def rules_for(config: Config, options: Options) -> list[Rule]:
    """The rules a config selects, with its levels and on/off settings applied."""
    rules = [dataclasses.replace(r) for r in _styles(config.styles, config.base if config.path else None)]
    for rule in rules:
        for pattern, setting in config.rules:
            if _rule_selected(rule, pattern):
                rule.enabled = setting.enabled
                if setting.level is not None:
                    rule.level = setting.level
        for pattern in options.enable:
            if _rule_selected(rule, pattern):
                rule.enabled = True
        for pattern in options.disable:
            if _rule_selected(rule, pattern):
                rule.enabled = False
    return rules


def settings_for(config: Config, doc: Document | None, options: Options) -> Settings:
    accept = set(config.accept)
    if doc is not None:
        accept.update(suppress.accepted_words(doc))
    return Settings(
        profile=options.profile or config.profile,
        locale=config.locale,
        vocabulary=Vocabulary(frozenset(accept), frozenset(config.reject)),
        article_date=options.date or config.date,
        names_lists=config.names,
        archive=options.archive_index,
        options=_kind_options(config, options),
    )


def _kind_options(config: Config, options: Options) -> dict[str, Any]:
    opts = dict(config.options)
    if options.languagetool_url and "languagetool" not in opts:
        opts["languagetool"] = {"url": options.languagetool_url}
    return opts


class ConfigCache:
    """Config files by folder, so a thousand articles in one folder read it once."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self._by_dir: dict[Path, Config] = {}
        self._explicit = load_config(options.config) if options.config else None

    def for_path(self, path: str) -> Config:
        if self._explicit is not None:
            return self._explicit
        folder = Path.cwd() if path == "-" else Path(path).resolve().parent
        if folder not in self._by_dir:
            found = find_config(folder)
            self._by_dir[folder] = load_config(found) if found else Config()
        return self._by_dir[folder]


def check_document_with(doc: Document, config: Config, options: Options) -> tuple[list[Finding], list[RuleFailure]]:
    config = config.for_file(doc.path)
    rules = rules_for(config, options)
    settings = settings_for(config, doc, options)
    result = check_document(doc, rules, settings)
    findings = suppress.apply(doc, result.findings)
    min_level = options.min_level if options.min_level is not None else config.min_level
    return collect(findings, min_level), result.failures


def load_document(path: str, options: Options, text: str | None = None, fmt: str | None = None) -> Document:
    if text is None and fmt is None and options.archive_index is not None:
        read = archive.take(path)           # archive mode has already read and parsed it
        if read is not None:
            return read
    name = options.stdin_filename if path == "-" and options.stdin_filename else path
    fmt = fmt or format_for(name) or ("txt" if path == "-" else None)
    if fmt is None:
        raise ReadError("unknown article type (expected .md, .markdown, .txt, .html or .htm)", path)
    source = read_path(path) if text is None else text
    return parse(source, fmt, name if path == "-" else path)


def run(paths: list[str], options: Options | None = None) -> RunResult:
    options = options or Options()
    configs = ConfigCache(options)
    result = RunResult()
    articles = discover(paths)
    options = archive.prepare(articles, configs, options)   # unchanged unless archive mode is on
    fail_levels = []
    for done, path in enumerate(articles, 1):
        if options.progress is not None:
            options.progress(done, len(articles), path)
        config = configs.for_path(path)
        if path != "-" and config.ignored(path):
            continue
        doc = load_document(path, options)
        findings, failures = check_document_with(doc, config, options)
        result.files.append(FileReport(path, findings, doc))
        result.failures.extend(failures)
        fail_levels.append(config.fail_level)
    if options.fail_level is not None:
        result.fail_level = options.fail_level
    elif fail_levels:
        result.fail_level = min(fail_levels)
    return result


def check_text(text: str, format: str = "md", config: Config | Path | str | None = None,
               path: str = "<string>", **overrides: Any) -> list[Finding]:
    """Lint a string and return its findings (the API for newsroom tools and CMS plug-ins)."""
    options = Options(**overrides)
    if isinstance(config, (str, Path)):
        config = load_config(Path(config))
    cfg = config or Config()
    doc = load_document(path, options, text=text, fmt=format)
    findings, _ = check_document_with(doc, cfg, options)
    return findings


def check_path(path: str | Path, config: Config | Path | str | None = None, **overrides: Any) -> list[Finding]:
    """Lint one article file and return its findings."""
    options = Options(**overrides)
    if isinstance(config, Config):
        doc = load_document(str(path), options)
        return check_document_with(doc, config, options)[0]
    if isinstance(config, (str, Path)):
        options.config = Path(config)
    return run([str(path)], options).files[0].findings
