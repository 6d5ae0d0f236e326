"""The command line's click definitions: every command, option and help text (cli.main reads a
plain `report` command line without them; see cli.py)."""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import click

from . import __version__
from .cli import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, _warn, run_report
from .errors import DeskcheckError

LEVELS = click.Choice(["suggestion", "warning", "error"], case_sensitive=False)


def _format_choices() -> list[str]:
    from .formatters import FORMATTERS
    return sorted(FORMATTERS)


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    from .formats.dates import parse_meta_date
    d = parse_meta_date(value)
    if d is None:
        raise click.BadParameter(f"{value!r} is not a date such as 2021-04-21")
    return d


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="deskcheck")
def cli() -> None:
    """deskcheck: an editorial fact-check and style linter for news articles."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", default="text", show_default=True, type=click.Choice(_format_choices()),
              help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write the report to a file.")
@click.option("--config", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Use this config file instead of searching upward from each article.")
@click.option("--min-level", type=LEVELS, help="Report only findings at or above this level.")
@click.option("--fail-level", type=LEVELS, help="Exit 1 when a finding is at or above this level [default: error].")
@click.option("--enable", multiple=True, metavar="RULE", help="Turn a rule or style on (repeatable).")
@click.option("--disable", multiple=True, metavar="RULE", help="Turn a rule or style off (repeatable).")
@click.option("--date", callback=_date, help="The article's date, overriding its metadata (YYYY-MM-DD).")
@click.option("--profile", type=click.Choice(["ap", "uk"]), help="House style profile.")
@click.option("--stdin-filename", help="File name for '-' (stdin), which picks the format.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing when there are no findings.")
@click.option("--color/--no-color", default=None, help="Force colour on or off.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0,
              help="Check files in this many processes (0 = one per core; 1 = no pool). [default: 0]")
@click.option("--no-cache", is_flag=True,
              help="Do not read or write the result cache (.deskcheck-cache/ or $DESKCHECK_CACHE_DIR).")
@click.option("--profile-rules", is_flag=True, hidden=True,
              help="Print time per rule, analysis and stage to stderr (implies --jobs 1 --no-cache).")
@click.option("--diff", "--changed-since", "diff_ref", metavar="REF",
              help="Report only findings on lines added or changed since this git ref.")
@click.option("--archive/--no-archive", default=None,
              help="Check name spellings across all the articles given (overrides the config's 'archive').")
def report(paths: tuple[str, ...], fmt: str, output: str | None, config: Path | None, min_level: str | None,
           fail_level: str | None, enable: tuple[str, ...], disable: tuple[str, ...], date: dt.date | None,
           profile: str | None, stdin_filename: str | None, quiet: bool, color: bool | None, jobs: int,
           no_cache: bool, profile_rules: bool, diff_ref: str | None, archive: bool | None) -> None:
    """Check articles (files or folders; '-' reads stdin) and report findings."""
    run_report(paths, fmt, output, config, min_level, fail_level, enable, disable, date, profile, stdin_filename,
               quiet, color, jobs, no_cache, profile_rules, diff_ref, archive)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--dry-run", is_flag=True, help="Print the changes as a unified diff; write nothing.")
@click.option("--config", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Use this config file instead of searching upward from each article.")
@click.option("--enable", multiple=True, metavar="RULE", help="Turn a rule or style on (repeatable).")
@click.option("--disable", multiple=True, metavar="RULE", help="Turn a rule or style off (repeatable).")
@click.option("--date", callback=_date, help="The article's date, overriding its metadata (YYYY-MM-DD).")
@click.option("--profile", type=click.Choice(["ap", "uk"]), help="House style profile.")
def fix(paths: tuple[str, ...], dry_run: bool, config: Path | None, enable: tuple[str, ...],
        disable: tuple[str, ...], date: dt.date | None, profile: str | None) -> None:
    """Apply safe fixes (findings with exactly one suggestion) to articles in place."""
    from .api import Options
    from .fix import fix_paths
    options = Options(config=config, enable=enable, disable=disable, date=date, profile=profile, warn=_warn)
    results = fix_paths(list(paths), options, dry_run=dry_run)
    changed = [r for r in results if r.changed]
    for r in changed:
        if dry_run:
            click.echo(r.diff(), nl=False)
        left = f", {len(r.remaining)} finding{'s' if len(r.remaining) != 1 else ''} left" if r.remaining else ""
        verb = "would fix" if dry_run else "fixed"
        click.echo(f"{r.path}: {verb} {len(r.applied)}{left}", err=dry_run)
    total = sum(len(r.applied) for r in changed)
    click.echo(f"{'would apply' if dry_run else 'applied'} {total} fix{'es' if total != 1 else ''} "
               f"in {len(changed)} of {len(results)} file{'s' if len(results) != 1 else ''}", err=dry_run)
    sys.exit(EXIT_FINDINGS if dry_run and changed else EXIT_OK)


@cli.command("rules")
@click.option("--config", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--all", "show_all", is_flag=True,
              help="Include rules that are turned off or belong to another profile.")
def rules_cmd(config: Path | None, show_all: bool) -> None:
    """List the rules in effect: id, kind, level, description."""
    from .api import ConfigCache, Options, rules_for
    opts = Options(config=config)
    cfg = ConfigCache(opts).for_path(str(Path.cwd() / "x.md"))
    rules = rules_for(cfg, opts)
    id_width = max((len(r.id) for r in rules), default=0) + 2
    kind_width = max((len(r.kind_name) for r in rules), default=0) + 2
    for rule in rules:
        other_profile = bool(rule.profiles) and cfg.profile not in rule.profiles
        if (not rule.enabled or other_profile) and not show_all:
            continue
        state = " (off)" if not rule.enabled else f" (profile {', '.join(rule.profiles)})" if other_profile else ""
        click.echo(f"{rule.id:<{id_width}}{rule.kind_name:<{kind_width}}{str(rule.level):<12}"
                   f"{rule.description or rule.message}{state}")


@cli.command()
@click.argument("rule_id")
@click.option("--config", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def explain(rule_id: str, config: Path | None) -> None:
    """Show what a rule checks, with its examples."""
    from .api import ConfigCache, Options, rules_for
    opts = Options(config=config)
    cfg = ConfigCache(opts).for_path(str(Path.cwd() / "x.md"))
    matches = [r for r in rules_for(cfg, opts) if r.id.lower() == rule_id.lower()]
    if not matches:
        raise DeskcheckError(f"unknown rule '{rule_id}' (see 'deskcheck rules')")
    r = matches[0]
    click.echo(f"{r.id}  ({r.kind_name}, {r.level}, category {r.category})")
    if r.description:
        click.echo(f"\n{r.description}")
    click.echo(f"\nMessage: {r.message}")
    if r.link:
        click.echo(f"More: {r.link}")
    click.echo(f"Scope: {', '.join(r.scope)}")
    for label in ("bad", "good"):
        for ex in r.examples.get(label, []):
            text = ex["text"] if isinstance(ex, dict) else ex
            lines = str(text).strip().splitlines() or [""]
            # a dated example means nothing without its date: say it
            where = ", ".join(f"{k} {ex[k]}" for k in ("date", "format", "profile") if isinstance(ex, dict) and ex.get(k))
            click.echo(f"  {label}: {lines[0]}" + (f"    [{where}]" if where else ""))
            for more in lines[1:]:
                click.echo(f"        {more}")


@cli.command()
@click.option("--force", is_flag=True, help="Overwrite an existing .deskcheck.yaml.")
def init(force: bool) -> None:
    """Write a commented starter .deskcheck.yaml in the current folder."""
    from .config import STARTER
    target = Path(".deskcheck.yaml")
    if target.exists() and not force:
        raise DeskcheckError("already exists (use --force to overwrite)", str(target))
    target.write_text(STARTER, encoding="utf-8")
    click.echo(f"wrote {target}")


@cli.group()
def names() -> None:
    """House names lists: learn one from an archive."""


@names.command("learn")
@click.argument("archive_dir", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Write the names list here (default: print it).")
@click.option("--min-articles", default=2, show_default=True, type=click.IntRange(min=1),
              help="List only names used in at least this many articles.")
def names_learn(archive_dir: tuple[str, ...], output: str | None, min_articles: int) -> None:
    """Write the archive's name spellings (usual form, variants, counts) as a house names list."""
    from .api import Options, load_document
    from .archive import learn
    from .discover import discover

    opts = Options(warn=_warn)
    docs = (load_document(p, opts) for p in discover(list(archive_dir)) if p != "-")
    text, count = learn(docs, min_articles)
    if output:
        Path(output).write_text(text, encoding="utf-8")
        click.echo(f"wrote {output} ({count} article{'s' if count != 1 else ''} read)", err=True)
    else:
        click.echo(text, nl=False)


def run_click(argv: list[str] | None = None) -> Any:
    """The whole command line through click (cli.main sends here what it does not read itself)."""
    try:
        cli.main(args=argv, prog_name="deskcheck", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.Abort:
        click.echo("deskcheck: aborted", err=True)
        sys.exit(EXIT_ERROR)
    except click.ClickException as exc:
        click.echo(f"deskcheck: error: {exc.format_message()}", err=True)
        sys.exit(EXIT_ERROR)
    except DeskcheckError as exc:
        click.echo(f"deskcheck: error: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    except BrokenPipeError:
        sys.exit(EXIT_ERROR)
    except KeyboardInterrupt:
        sys.exit(130)
    sys.exit(EXIT_OK)

