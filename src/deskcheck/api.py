"""The pipeline, start to end, for the CLI and for other programs.

discover -> configure -> read -> parse -> check -> suppress -> collect. Formatting and the exit
code belong to the CLI.
"""
from __future__ import annotations

import datetime as dt
import fnmatch
import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from .config import Config, find_config, load_config
from .discover import discover
from .errors import ReadError
from .model import FACTORY, Document, Finding, IdentityMap, Record, Severity
from .report import FileReport
from .source import format_for, read_path

# The rule engine, the rule loader (YAML, regex) and the format readers are imported where they
# are first needed: a run whose every article is answered from the result cache loads none of them.
if TYPE_CHECKING:
    from .cache import ResultCache
    from .engine import RuleFailure
    from .kinds.base import Settings
    from .parallel import Task
    from .rules import Rule


class Options(Record):
    """Settings from the command line (or a caller) that override the config."""
    # written out, not built by @dataclass (a millisecond of a cold start; see model.FrozenRecord)
    _fields = _repr = __match_args__ = ("config", "min_level", "fail_level", "enable", "disable", "date", "profile",
                                        "archive", "stdin_filename", "warn", "jobs", "cache", "cache_dir",
                                        "archive_index", "progress", "languagetool_url")
    config: Path | None
    min_level: Severity | None
    fail_level: Severity | None
    enable: tuple[str, ...]
    disable: tuple[str, ...]
    date: dt.date | None
    profile: str | None
    archive: bool | None
    stdin_filename: str | None
    warn: Callable[[str], None] | None
    jobs: int                       # worker processes; 0 = one per core (the CLI's default)
    cache: bool                     # the result cache (on in the CLI, off for library callers)
    cache_dir: Path | None          # default: .deskcheck-cache/ in the working folder
    archive_index: Any              # archive.ArchiveIndex, set by archive.prepare in run()
    progress: Callable[[int, int, str], None] | None    # (number, total, path) as each article starts
    languagetool_url: str | None    # a LanguageTool server when the config names none

    def __init__(self, config: Path | None = None, min_level: Severity | None = None,
                 fail_level: Severity | None = None, enable: tuple[str, ...] = (), disable: tuple[str, ...] = (),
                 date: dt.date | None = None, profile: str | None = None, archive: bool | None = None,
                 stdin_filename: str | None = None, warn: Callable[[str], None] | None = None, jobs: int = 1,
                 cache: bool = False, cache_dir: Path | None = None, archive_index: Any = None,
                 progress: Callable[[int, int, str], None] | None = None,
                 languagetool_url: str | None = None) -> None:
        self.config = config
        self.min_level = min_level
        self.fail_level = fail_level
        self.enable = enable
        self.disable = disable
        self.date = date
        self.profile = profile
        self.archive = archive
        self.stdin_filename = stdin_filename
        self.warn = warn
        self.jobs = jobs
        self.cache = cache
        self.cache_dir = cache_dir
        self.archive_index = archive_index
        self.progress = progress
        self.languagetool_url = languagetool_url



class RunResult(Record):
    _fields = _repr = __match_args__ = ("files", "failures", "fail_level")
    files: list[FileReport]
    failures: list["RuleFailure"]
    fail_level: Severity

    def __init__(self, files: list[FileReport] = FACTORY, failures: list["RuleFailure"] = FACTORY,
                 fail_level: Severity = Severity.ERROR) -> None:
        self.files = [] if files is FACTORY else files
        self.failures = [] if failures is FACTORY else failures
        self.fail_level = fail_level


def _rule_selected(rule: Rule, pattern: str) -> bool:
    return pattern == rule.id or pattern == rule.style or fnmatch.fnmatchcase(rule.id, pattern)


@lru_cache(maxsize=32)
def _styles(styles: tuple[str, ...], base: Path | None) -> tuple["Rule", ...]:
    from . import profiling
    from .rules import load_styles
    if not profiling.ENABLED:
        return tuple(load_styles(list(styles), base))
    profiling.start()
    try:
        return tuple(load_styles(list(styles), base))
    finally:
        profiling.stop("stage:load rules")


_rule_sets: dict[tuple[Any, ...], list["Rule"]] = {}


def rules_for(config: Config, options: Options) -> list["Rule"]:
    """The rules a config selects, with its levels and on/off settings applied.

    Built once per distinct selection and reused for every article that shares it (callers
    must not modify the list or its rules)."""
    key = (config.styles, config.base if config.path else None, config.rules, tuple(options.enable),
           tuple(options.disable))
    cached = _rule_sets.get(key)
    if cached is None:
        if len(_rule_sets) > 64:
            _rule_sets.clear()
        cached = _rule_sets[key] = _select_rules(config, options)
    return cached


def _select_rules(config: Config, options: Options) -> list["Rule"]:
    rules = [r.replace() for r in _styles(config.styles, config.base if config.path else None)]
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


def settings_for(config: Config, doc: Document | None, options: Options) -> "Settings":
    from . import suppress
    from .kinds.base import Settings, Vocabulary
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
        self._by_written: dict[str, Config] = {}
        self._explicit = load_config(options.config) if options.config else None

    def for_path(self, path: str) -> Config:
        if self._explicit is not None:
            return self._explicit
        # keyed by the folder as written first: a thousand files in one folder resolve it once
        written = "-" if path == "-" else os.path.dirname(path)
        config = self._by_written.get(written)
        if config is None:
            folder = Path.cwd() if path == "-" else Path(path).resolve().parent
            if folder not in self._by_dir:
                found = find_config(folder)
                self._by_dir[folder] = load_config(found) if found else Config()
            config = self._by_written[written] = self._by_dir[folder]
        return config


def check_document_with(doc: Document, config: Config,
                        options: Options) -> tuple[list[Finding], list["RuleFailure"]]:
    from . import suppress
    from .engine import check_document
    from .report import collect
    config = config.for_file(doc.path)
    rules = rules_for(config, options)
    settings = settings_for(config, doc, options)
    result = check_document(doc, rules, settings)
    findings = suppress.apply(doc, result.findings)
    min_level = options.min_level if options.min_level is not None else config.min_level
    return collect(findings, min_level), result.failures


def _name_and_format(path: str, options: Options, fmt: str | None = None) -> tuple[str, str]:
    """The name a document carries (stdin takes --stdin-filename) and its format."""
    name = options.stdin_filename if path == "-" and options.stdin_filename else path
    fmt = fmt or format_for(name) or ("txt" if path == "-" else None)
    if fmt is None:
        raise ReadError("unknown article type (expected .md, .markdown, .txt, .html or .htm)", path)
    return (name if path == "-" else path), fmt


def load_document(path: str, options: Options, text: str | None = None, fmt: str | None = None) -> Document:
    if text is None and fmt is None and options.archive_index is not None:
        from . import archive
        read = archive.take(path)           # archive mode has already read and parsed it
        if read is not None:
            return read
    from .formats import parse
    name, fmt = _name_and_format(path, options, fmt)
    source = read_path(path) if text is None else text
    return parse(source, fmt, name)


def _source_document(path: str, fmt: str, source: str, non_prose: list[Any] | None = None) -> Document:
    """A Document holding the source and where its markup is, not a parse: what formatters need
    (context lines, the HTML report's dimmed markup) for findings from the cache or a worker."""
    return Document(path, fmt, source, "", [], IdentityMap(), non_prose=list(non_prose or []))


# Options that cannot change an article's findings; every other field (those added later too)
# is part of the cache key, so a new setting can make the cache miss but never serve a stale answer
_NOT_IN_KEY = frozenset({"config", "fail_level", "stdin_filename", "warn", "jobs", "cache", "cache_dir",
                         "progress", "archive_index"})   # (archive mode never uses the cache)


def _options_fingerprint(options: Options) -> str:
    return repr([(name, getattr(options, name)) for name in options._fields if name not in _NOT_IN_KEY])


def _cache_key(task: "Task", options: Options) -> str:
    """Everything an article's findings depend on (see deskcheck.cache for the why)."""
    import hashlib
    from . import cache
    from .bundled import style_folder
    cfg = task.config.for_file(task.name)
    base = cfg.base if cfg.path else None
    parts = [cache.code_fingerprint(), repr(cfg), _options_fingerprint(options), task.name, task.fmt,
             cache.source_fingerprint(task.source)]
    for style in cfg.styles:
        folder = style_folder(style, base)
        parts.append(f"{style}={cache.folder_fingerprint(folder) if folder else 'missing'}")
    parts.extend(cache.file_fingerprint(p) for p in cfg.names)
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def _check_tasks(tasks: list["Task"], options: Options, store: "ResultCache | None",
                 keep_documents: bool) -> list[tuple[list[Finding], list["RuleFailure"], Document]]:
    """Findings per task, in order: from the cache where it has them, else checked (in a pool
    when there are enough of them) and stored."""
    from .parallel import check_all, default_jobs
    out: list[Any] = [None] * len(tasks)
    keys: list[str | None] = [None] * len(tasks)
    todo: list[int] = []
    done = 0
    for i, task in enumerate(tasks):
        if store is not None:
            keys[i] = _cache_key(task, options)
            hit = store.get(keys[i])  # type: ignore[arg-type]
            if hit is not None:
                findings, non_prose = hit
                out[i] = (findings, [], _source_document(task.name, task.fmt, task.source, non_prose))
                done += 1
                if options.progress is not None:
                    options.progress(done, len(tasks), task.path)
                continue
        todo.append(i)
    jobs = options.jobs if options.jobs > 0 else default_jobs()
    for i, (findings, failures, doc) in zip(todo, check_all([tasks[i] for i in todo], options, jobs,
                                                             keep_documents)):
        task = tasks[i]
        done += 1
        if options.progress is not None:
            options.progress(done, len(tasks), task.path)
        if store is not None and keys[i] is not None and not failures:
            store.put(keys[i], findings, doc.non_prose)  # type: ignore[arg-type]
        if not doc.source:      # from a worker: the source stayed here
            doc = _source_document(task.name, task.fmt, task.source, doc.non_prose)
        elif not keep_documents:
            doc.cache.clear()   # the shared analyses are done with: free them for long runs
        out[i] = (findings, failures, doc)
    return out


def run(paths: list[str], options: Options | None = None) -> RunResult:
    from .parallel import Task
    options = options or Options()
    configs = ConfigCache(options)
    result = RunResult()
    fail_levels = []
    tasks: list[Task] = []
    articles = discover(paths)
    # THE place for work that needs every article of the run before any is checked: the names
    # archive reads them all first and attaches its index (options unchanged unless it is on).
    # When it is on, the cache is off below and workers return full Documents.
    archive_on = options.archive if options.archive is not None else any(
        configs.for_path(p).archive for p in articles if p != "-")
    if archive_on:      # (the archive module imports the names analysis: only when it is on)
        from . import archive
        options = archive.prepare(articles, configs, options)
    for path in articles:
        config = configs.for_path(path)
        if path != "-" and config.ignored(path):
            continue
        name, fmt = _name_and_format(path, options)
        tasks.append(Task(path, name, read_path(path), fmt, config))
        fail_levels.append(config.fail_level)
    store = None
    if options.cache and not archive_on:
        from .cache import ResultCache
        store = ResultCache(options.cache_dir)
    for task, (findings, failures, doc) in zip(tasks, _check_tasks(tasks, options, store, archive_on)):
        result.files.append(FileReport(task.path, findings, doc))
        result.failures.extend(failures)
    if store is not None:
        store.close()
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


# Names this module imported eagerly before its heavy imports moved into the functions that use
# them; callers (and tests) that reach them as `api.X` still find them, loaded on first use.
_LAZY = {
    "check_document": ".engine", "RuleFailure": ".engine", "Settings": ".kinds.base",
    "Vocabulary": ".kinds.base", "parse": ".formats", "load_styles": ".rules", "Rule": ".rules",
    "collect": ".report", "suppress": ".",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module
    if module == ".":
        return import_module(f".{name}", __package__)
    return getattr(import_module(module, __package__), name)
