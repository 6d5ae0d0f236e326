"""The command line. Only this module (and clickapp.py, its click definitions) touches sys.exit,
colour, the terminal and the environment.

A pre-commit hook runs `deskcheck report FILES` in a fresh process for every commit, and
importing click and building its commands is a tenth of such a run. So `main` reads a plain
`report` command line itself (`_fast_report`: the common options, spelled the common ways) and
hands everything else, including every error, `--help` and any option or value it does not
recognise, to click (clickapp.py), which stays the one definition of the interface. A test
checks that whatever the fast reader accepts, click parses to the same values.
"""
from __future__ import annotations

import os
import sys
from typing import IO, TYPE_CHECKING, Any

from .errors import DeskcheckError

if TYPE_CHECKING:
    import datetime as dt
    from pathlib import Path

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _echo(message: str) -> None:
    """click.echo(message, err=True): click only when there is something to say."""
    import click
    click.echo(message, err=True)


def _use_color(stream: IO[str], option: bool | None) -> bool:
    if option is not None:
        return option
    if os.environ.get("NO_COLOR"):
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def _warn(msg: str) -> None:
    _echo(f"deskcheck: warning: {msg}")


def run_report(paths: tuple[str, ...], fmt: str, output: str | None, config: Path | None, min_level: str | None,
               fail_level: str | None, enable: tuple[str, ...], disable: tuple[str, ...], date: dt.date | None,
               profile: str | None, stdin_filename: str | None, quiet: bool, color: bool | None, jobs: int,
               no_cache: bool, profile_rules: bool, diff_ref: str | None, archive: bool | None) -> None:
    """`deskcheck report`, once its options are parsed (by click or by _fast_report)."""
    # Start-up (imports, rules, word lists, the first article's analyses) allocates a few hundred
    # thousand objects that live as long as the process: the cyclic garbage collector's passes
    # over them then find nothing and cost a one-article run ~25 ms. So it stays off until the
    # first article is done, and those objects are then frozen (left out of later passes, which
    # also spares a long run's full collections from walking the rule tables again and again).
    import gc
    collecting = gc.isenabled()
    gc.disable()
    try:
        _report(paths, fmt, output, config, min_level, fail_level, enable, disable, date, profile, stdin_filename,
                quiet, color, jobs, no_cache, profile_rules, diff_ref, archive, collecting)
    finally:
        if collecting:
            gc.enable()


def _report(paths: tuple[str, ...], fmt: str, output: str | None, config: Path | None, min_level: str | None,
            fail_level: str | None, enable: tuple[str, ...], disable: tuple[str, ...], date: dt.date | None,
            profile: str | None, stdin_filename: str | None, quiet: bool, color: bool | None, jobs: int,
            no_cache: bool, profile_rules: bool, diff_ref: str | None, archive: bool | None,
            collecting: bool) -> None:
    import gc
    from .api import Options, run
    from .formatters import FORMATTERS
    from .model import Severity
    from .report import summarize

    options = Options(
        config=config, min_level=Severity.parse(min_level) if min_level else None,
        fail_level=Severity.parse(fail_level) if fail_level else None, enable=enable, disable=disable,
        date=date, profile=profile, stdin_filename=stdin_filename, warn=_warn, archive=archive,
        jobs=jobs, cache=not no_cache,
        languagetool_url=os.environ.get("DESKCHECK_LANGUAGETOOL_URL") or None,
    )
    from . import profiling
    if profile_rules or profiling.ENABLED:
        # times are gathered in this process, and a cache hit would time nothing
        profiling.enable()
        options.jobs, options.cache = 1, False
    from .progress import ProgressBar
    bar = ProgressBar.for_stream(sys.stderr)

    def progress(done: int, total: int, path: str) -> None:
        if collecting and not gc.isenabled():      # the first article is done: see run_report
            gc.freeze()
            gc.enable()
        bar(done, total, path)

    options.progress = progress
    try:
        result = run(list(paths), options)
    finally:
        bar.close()
    if profiling.ENABLED:
        profiling.write_table(sys.stderr)
    if diff_ref:
        from .diff import filter_reports
        result.files = filter_reports(result.files, diff_ref)
    extra: dict[str, Any] = {}
    if FORMATTERS[fmt].needs_rules:
        extra["rules"] = _rules_by_id(result.files, options)
    out: IO[str]
    handle = open(output, "w", encoding="utf-8") if output else None
    try:
        out = handle or sys.stdout
        formatter = FORMATTERS[fmt](out, color=_use_color(out, color) and not handle, quiet=quiet, **extra)
        summary = summarize(result.files)
        formatter.start()
        for fr in result.files:
            if quiet and not fr.findings and not formatter.machine:
                continue
            formatter.file(fr)
        formatter.finish(summary)
    finally:
        if handle:
            handle.close()
    for failure in result.failures:
        _echo(f"deskcheck: error: {failure.path}: rule {failure.rule} failed: {failure.error}")
    if result.failures:
        sys.exit(EXIT_ERROR)
    worst = summary.worst()
    sys.exit(EXIT_FINDINGS if worst is not None and worst >= result.fail_level else EXIT_OK)


def _rules_by_id(files: list[Any], options: Any) -> dict[str, Any]:
    """The loaded rules behind a run's findings, for formats that describe rules (SARIF)."""
    from .api import ConfigCache, rules_for
    configs = ConfigCache(options)
    out: dict[str, Any] = {}
    seen: set[int] = set()
    for fr in files:
        cfg = configs.for_path(fr.path).for_file(fr.path)
        if id(cfg) in seen and not cfg.overrides:
            continue
        seen.add(id(cfg))
        for rule in rules_for(cfg, options):
            out.setdefault(rule.id, rule)
    return out


# -- `report` without click ------------------------------------------------------------------------
# Each option as click declares it in clickapp.report: long and short spellings -> (parameter,
# how its value is read). Anything else on the command line sends it to click.
_FLAGS = {"--no-cache": ("no_cache", True), "--profile-rules": ("profile_rules", True),
          "-q": ("quiet", True), "--quiet": ("quiet", True), "--color": ("color", True),
          "--no-color": ("color", False), "--archive": ("archive", True), "--no-archive": ("archive", False)}
_VALUES = {"--format": "fmt", "-o": "output", "--output": "output", "--config": "config",
           "--min-level": "min_level", "--fail-level": "fail_level", "--enable": "enable", "--disable": "disable",
           "--date": "date", "--profile": "profile", "--stdin-filename": "stdin_filename", "-j": "jobs",
           "--jobs": "jobs", "--diff": "diff_ref", "--changed-since": "diff_ref"}
_MULTIPLE = frozenset({"enable", "disable"})
_LEVELS = ("suggestion", "warning", "error")


def _defaults() -> dict[str, Any]:
    return {"fmt": "text", "output": None, "config": None, "min_level": None, "fail_level": None, "enable": (),
            "disable": (), "date": None, "profile": None, "stdin_filename": None, "quiet": False, "color": None,
            "jobs": 0, "no_cache": False, "profile_rules": False, "diff_ref": None, "archive": None}


class _Unsure(Exception):
    """The fast reader leaves this command line to click."""


def _convert(name: str, value: str) -> Any:
    """A value as click's type for the option gives it; _Unsure where click might say otherwise."""
    if value.startswith("-"):
        raise _Unsure        # click may read it as the next option: let it decide
    if name == "fmt":
        from .formatters import FORMATTERS
        if value not in FORMATTERS:
            raise _Unsure
        return value
    if name in ("min_level", "fail_level"):
        if value not in _LEVELS:       # (click also takes other cases: it says which)
            raise _Unsure
        return value
    if name == "profile":
        if value not in ("ap", "uk"):
            raise _Unsure
        return value
    if name == "jobs":
        if not (value.isascii() and value.isdigit()):
            raise _Unsure
        return int(value)
    if name == "output":        # click.Path(dir_okay=False, writable=True): checks an existing path
        try:
            os.stat(value)
        except ValueError:      # a name os.stat rejects (an embedded NUL): click's to word
            raise _Unsure from None
        except OSError:
            return value
        raise _Unsure
    if name == "config":        # click.Path(exists=True, dir_okay=False, path_type=Path)
        import stat
        try:
            st = os.stat(value)
        except (OSError, ValueError):
            raise _Unsure from None
        if stat.S_ISDIR(st.st_mode) or not os.access(value, os.R_OK):
            raise _Unsure
        from pathlib import Path
        return Path(value)
    if name == "date":
        from .formats.dates import parse_meta_date
        d = parse_meta_date(value)
        if d is None:
            raise _Unsure
        return d
    return value


def _fast_report(args: list[str]) -> dict[str, Any] | None:
    """run_report's arguments for a plain `report` command line, or None to leave it to click."""
    if not args or args[0] != "report" or os.environ.get("_DESKCHECK_COMPLETE") or os.name == "nt":
        return None     # (shell completion, and Windows, where click expands globs in arguments)
    params = _defaults()
    paths: list[str] = []
    rest = iter(args[1:])
    try:
        for arg in rest:
            if arg == "--":
                paths.extend(rest)
                break
            if arg == "-" or not arg.startswith("-"):
                paths.append(arg)
                continue
            option, eq, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
            if option in _FLAGS and not eq:
                name, flag = _FLAGS[option]
                params[name] = flag
                continue
            name = _VALUES.get(option, "")
            if not name:
                return None
            if not eq:
                value = next(rest, None)  # type: ignore[assignment]
                if value is None:
                    return None
            converted = _convert(name, value)
            params[name] = params[name] + (converted,) if name in _MULTIPLE else converted
    except _Unsure:
        return None
    if not paths:
        return None
    params["paths"] = tuple(paths)
    return params


def _report_fast(params: dict[str, Any]) -> None:
    """run_report as click.main(standalone_mode=False) runs it, and main handles what it raises."""
    try:
        try:
            run_report(**params)
        except (EOFError, KeyboardInterrupt):
            _echo("")
            _echo("deskcheck: aborted")
            sys.exit(EXIT_ERROR)
        except OSError as exc:
            import errno
            if exc.errno != errno.EPIPE:
                raise
            from click.core import _PacifyFlushWrapper  # what click does about a closed pipe
            sys.stdout = _PacifyFlushWrapper(sys.stdout)  # type: ignore[assignment]
            sys.stderr = _PacifyFlushWrapper(sys.stderr)  # type: ignore[assignment]
            sys.exit(1)
    except DeskcheckError as exc:
        _echo(f"deskcheck: error: {exc}")
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_OK)


def main(argv: list[str] | None = None) -> Any:
    args = sys.argv[1:] if argv is None else list(argv)
    try:
        params = _fast_report(args)
        if params is not None:
            _report_fast(params)
        from .clickapp import run_click
        return run_click(None if argv is None else args)
    except SystemExit as exc:
        if argv is None:        # the command line itself, not a caller in this process
            _exit_now(exc)
        raise


def _exit_now(exc: SystemExit) -> None:
    """End the process at once with the exit's code, as the interpreter would after its shutdown.

    Tearing down the interpreter (every module, the rule tables, the word lists, then a full
    garbage collection) costs ~10 ms after the work is done, and a pre-commit hook pays it on
    every commit. The exit handlers (the stores between runs are written by them) run first and
    the output is flushed; anything out of the ordinary (a code that is not a number, a flush
    that fails, another thread still running) returns and leaves the exit to the interpreter.
    """
    code = exc.code
    if code is None:
        code = 0
    if not isinstance(code, int) or isinstance(code, bool) or not 0 <= code <= 255:
        return
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        return
    import atexit
    atexit._run_exitfuncs()
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except Exception:
        return
    os._exit(code)


def __getattr__(name: str) -> Any:
    # the click command group and its commands (`from deskcheck.cli import cli`) live in clickapp
    if name.startswith("__"):
        raise AttributeError(name)
    from . import clickapp
    try:
        return getattr(clickapp, name)
    except AttributeError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None


if __name__ == "__main__":
    main()
