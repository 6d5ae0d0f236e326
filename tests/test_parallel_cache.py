"""--jobs and the result cache: same findings as a plain run, never a stale one."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from deskcheck import api, cache, parallel
from deskcheck.api import Options, run
from deskcheck.cli import cli
from deskcheck.formatters.json import finding_dict

ARTICLE = """# Council {n} sets the budget

The council will spend TK million on roads, the mayor said on Tuesday.{pad}

"We have waited long enough," said Ana Ruiz, who chairs the roads committee.

The works run from April 13-14 and again in May. Residents of Elm Street,Oak Road and the
square can park at the depot.
"""

HOUSE_RULE = """extends: existence
message: "Avoid '%s'."
level: warning
category: usage
tokens:
  - {word}
examples:
  good: ["A clean sentence."]
  bad: ["A {word} sentence."]
"""


def _articles(folder: Path, count: int) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        p = folder / f"a{n:02d}.md"
        # trailing spaces on some articles only, so files differ in findings as well as text
        p.write_text(ARTICLE.format(n=n, pad="  " if n % 3 == 0 else ""), encoding="utf-8")
        paths.append(str(p))
    return paths


def _as_json(result: api.RunResult) -> list[dict[str, object]]:
    return [{"path": fr.path, "findings": [finding_dict(f) for f in fr.findings]} for fr in result.files]


def _house(tmp_path: Path, word: str = "stakeholder", extra: str = "") -> Path:
    style = tmp_path / "styles" / "House"
    style.mkdir(parents=True, exist_ok=True)
    (style / "Banned.yml").write_text(HOUSE_RULE.format(word=word), encoding="utf-8")
    cfg = tmp_path / ".deskcheck.yaml"
    cfg.write_text(f"styles: [Deskcheck, styles/House]\n{extra}", encoding="utf-8")
    return cfg


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("??/*.json"))


# -- --jobs -------------------------------------------------------------------------------------

def test_jobs_two_gives_the_same_findings_in_the_same_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = _articles(tmp_path / "news", 12)
    monkeypatch.setattr(parallel, "POOL_MIN_PER_WORKER", 2)
    assert parallel.workers_for(len(paths), 2) == 2      # the pool really runs
    one = _as_json(run([str(tmp_path / "news")], Options(jobs=1)))
    two = _as_json(run([str(tmp_path / "news")], Options(jobs=2)))
    assert two == one
    assert [f["path"] for f in one] == sorted(paths)
    assert any(f["rule"] == "Deskcheck.Placeholders" for r in one for f in r["findings"])


def test_cli_jobs_output_is_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _articles(tmp_path / "news", 10)
    monkeypatch.setattr(parallel, "POOL_MIN_PER_WORKER", 2)
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    outs = [runner.invoke(cli, ["report", "--no-cache", "--format", "json", "--jobs", j, "news"]) for j in ("1", "2")]
    assert outs[0].exit_code == outs[1].exit_code
    assert outs[0].output == outs[1].output
    assert json.loads(outs[0].output)["summary"]["findings"] > 0
    assert not (tmp_path / cache.FOLDER_NAME).exists()     # --no-cache writes nothing


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the forked pool needs fork")
@pytest.mark.parametrize("batch, jobs", [(1, 2), (4, 2), (3, 3)])
def test_forked_pool_yields_every_article_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, batch: int,
                                                   jobs: int) -> None:
    """Batches of any size, taken by any number of workers in any order, come back in task order,
    with the same findings and stubs as checking each article here."""
    _articles(tmp_path / "news", 17)
    monkeypatch.setattr(parallel, "POOL_MIN_PER_WORKER", 2)
    monkeypatch.setattr(parallel, "BATCH", batch)
    monkeypatch.setattr(parallel, "_batch_size", lambda tasks, workers: batch)
    options = Options(jobs=jobs)
    one = _as_json(run([str(tmp_path / "news")], Options(jobs=1)))
    result = run([str(tmp_path / "news")], options)
    assert _as_json(result) == one
    assert all(fr.document.source for fr in result.files)     # the parent put each source back


def _failing_task(real: object, bad: str, action: str) -> object:
    def check_task(task: parallel.Task, options: Options) -> object:
        if task.path.endswith(bad):
            if action == "raise":
                raise LookupError("a rule broke on " + task.path)
            os._exit(3)
        return real(task, options)  # type: ignore[operator]
    return check_task


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the forked pool needs fork")
def test_an_error_in_a_worker_is_raised_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _articles(tmp_path / "news", 12)
    monkeypatch.setattr(parallel, "POOL_MIN_PER_WORKER", 2)
    monkeypatch.setattr(parallel, "check_task", _failing_task(parallel.check_task, "a07.md", "raise"))
    with pytest.raises(LookupError, match="a07.md"):
        run([str(tmp_path / "news")], Options(jobs=2))


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the forked pool needs fork")
def test_a_worker_that_dies_fails_the_run_instead_of_hanging(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _articles(tmp_path / "news", 12)
    monkeypatch.setattr(parallel, "POOL_MIN_PER_WORKER", 2)
    monkeypatch.setattr(parallel, "check_task", _failing_task(parallel.check_task, "a07.md", "exit"))
    with pytest.raises(parallel.WorkerError):
        run([str(tmp_path / "news")], Options(jobs=2))


def test_few_files_do_not_start_a_pool() -> None:
    assert parallel.workers_for(1, 8) == 1
    assert parallel.workers_for(parallel.POOL_MIN_PER_WORKER - 1, 2) == 1
    assert parallel.workers_for(1000, 1) == 1
    assert parallel.workers_for(1000, 2) == 2


# -- the cache ------------------------------------------------------------------------------------

def test_cache_hit_returns_identical_findings_without_checking(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    paths = _articles(tmp_path / "news", 4)
    store = tmp_path / "cache"
    first = _as_json(run(paths, Options(cache=True, cache_dir=store)))
    assert len(_entries(store)) == len(paths)
    assert (store / "CACHEDIR.TAG").is_file()

    def boom(*args: object, **kwargs: object) -> None:
        raise AssertionError("a cached article was checked again")

    monkeypatch.setattr(parallel, "check_task", boom)
    second = run(paths, Options(cache=True, cache_dir=store))
    assert _as_json(second) == first
    # the text formatter still gets the source for its context lines
    assert all(fr.document is not None and fr.document.source for fr in second.files)


def test_cli_cache_rerun_prints_the_same_json(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _articles(tmp_path / "news", 3)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DESKCHECK_CACHE_DIR", raising=False)
    runner = CliRunner()
    a = runner.invoke(cli, ["report", "--format", "json", "news"])
    b = runner.invoke(cli, ["report", "--format", "json", "news"])
    assert a.output == b.output and a.exit_code == b.exit_code
    assert len(_entries(tmp_path / cache.FOLDER_NAME)) == 3
    assert (tmp_path / cache.FOLDER_NAME / ".gitignore").is_file()


def test_rule_file_change_is_never_served_stale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    cfg = _house(tmp_path, "stakeholder")
    article = tmp_path / "story.md"
    article.write_text("Every stakeholder and every synergy was named.\n", encoding="utf-8")
    opts = Options(cache=True, cache_dir=tmp_path / "cache")

    def house_matches() -> list[str]:
        return [f.match for f in run([str(article)], opts).files[0].findings if f.rule == "House.Banned"]

    assert house_matches() == ["stakeholder"]
    _house(tmp_path, "synergy")
    cache._folder_fps.clear()   # a new process would hash the folder afresh; this one memoises it
    api._styles.cache_clear()
    api._rule_sets.clear()
    assert house_matches() == ["synergy"]
    assert cfg.exists()


def test_config_change_is_never_served_stale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _house(tmp_path, "stakeholder")
    article = tmp_path / "story.md"
    article.write_text("Every stakeholder was named.\n", encoding="utf-8")
    opts = Options(cache=True, cache_dir=tmp_path / "cache")
    assert any(f.rule == "House.Banned" for f in run([str(article)], opts).files[0].findings)
    _house(tmp_path, "stakeholder", extra="rules:\n  House.Banned: off\n")
    assert not any(f.rule == "House.Banned" for f in run([str(article)], opts).files[0].findings)
    _house(tmp_path, "stakeholder", extra="rules:\n  House.Banned: error\n")
    levels = [str(f.severity) for f in run([str(article)], opts).files[0].findings if f.rule == "House.Banned"]
    assert levels == ["error"]


def test_article_change_is_never_served_stale(tmp_path: Path) -> None:
    article = tmp_path / "story.md"
    opts = Options(cache=True, cache_dir=tmp_path / "cache")
    article.write_text("The budget is TK million.\n", encoding="utf-8")
    assert [f.rule for f in run([str(article)], opts).files[0].findings] == ["Deskcheck.Placeholders"]
    article.write_text("The budget is 4 million.\n", encoding="utf-8")
    assert run([str(article)], opts).files[0].findings == []


def test_key_covers_settings_vocabulary_date_and_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    article = tmp_path / "story.md"
    article.write_text("A line.\n", encoding="utf-8")
    names = tmp_path / "names.yml"
    names.write_text("people: []\n", encoding="utf-8")

    def key(options: Options, config_text: str = "") -> str:
        cfg_path = tmp_path / ".deskcheck.yaml"
        cfg_path.write_text(config_text, encoding="utf-8")
        config = api.load_config(cfg_path)
        task = parallel.Task(str(article), str(article), article.read_text(encoding="utf-8"), "md", config)
        return api._cache_key(task, options)

    import datetime as dt
    base = key(Options())
    assert key(Options()) == base
    assert key(Options(date=dt.date(2021, 4, 21))) != base
    assert key(Options(), "date: 2021-04-21\n") != base
    assert key(Options(profile="uk")) != base
    assert key(Options(disable=("Deskcheck.Placeholders",))) != base
    assert key(Options(), "vocabulary:\n  accept: [Zagulba]\n") != base
    with_names = key(Options(), "names: [names.yml]\n")
    names.write_text("people:\n  - {preferred: Ana Ruiz}\n", encoding="utf-8")
    assert key(Options(), "names: [names.yml]\n") != with_names
    assert key(Options(jobs=2, fail_level=None)) == base     # settings that do not change findings


def test_corrupt_entries_are_ignored_and_rewritten(tmp_path: Path) -> None:
    paths = _articles(tmp_path / "news", 3)
    store = tmp_path / "cache"
    first = _as_json(run(paths, Options(cache=True, cache_dir=store)))
    entries = _entries(store)
    entries[0].write_text('{"format": 1, "key": "x", "find', encoding="utf-8")    # truncated
    entries[1].write_bytes(b"\x00\xff not json")
    entries[2].write_text(json.dumps({"format": 1, "key": entries[2].stem, "findings": [["short"]]}),
                          encoding="utf-8")
    assert _as_json(run(paths, Options(cache=True, cache_dir=store))) == first
    for e in _entries(store):
        data = json.loads(e.read_text(encoding="utf-8"))
        assert data["key"].endswith(e.stem)
    assert not list(store.rglob("*.part"))       # no temporary file left behind


def test_unwritable_cache_folder_does_not_fail_the_run(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    paths = _articles(tmp_path / "news", 2)
    result = run(paths, Options(cache=True, cache_dir=blocker / "cache"))
    assert _as_json(result) == _as_json(run(paths, Options()))


def test_no_cache_by_default_for_library_callers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    paths = _articles(tmp_path / "news", 2)
    run(paths)
    assert not os.path.exists(tmp_path / cache.FOLDER_NAME)


def test_digest_memo_never_hides_an_edit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "_RACY_NS", 0)        # memoise even files written a moment ago
    monkeypatch.setattr(cache, "_memo", {})
    data = tmp_path / "words.txt"
    data.write_text("alpha\nbravo\n", encoding="utf-8")
    first = cache.file_fingerprint(data)
    assert str(data.resolve()) in cache._memo
    st = data.stat()
    data.write_text("alpha\ncharl\n", encoding="utf-8")             # same size ...
    os.utime(data, ns=(st.st_atime_ns, st.st_mtime_ns))            # ... and the old mtime
    assert cache.file_fingerprint(data) != first                    # the change time still moved
    store = tmp_path / "cache"
    monkeypatch.setattr(cache, "_memo_path", None)
    cache.load_memo(store)
    cache._memo_dirty = True
    cache.save_memo()
    assert json.loads((store / "digests.json").read_text(encoding="utf-8"))["files"]


# -- compiled patterns kept between runs ----------------------------------------------------------

def test_pattern_store_round_trip_and_refuses_foreign_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pickle

    import regex

    from deskcheck import compiled, patterns
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("DESKCHECK_NO_PATTERN_CACHE", raising=False)
    monkeypatch.setattr(compiled, "_stored", None)
    monkeypatch.setattr(compiled, "_added", {})
    monkeypatch.setattr(compiled, "_path", None)
    fresh = patterns.compile_pattern(r"\b(?:colou?r|favou?rite)\b", True)
    compiled.save()
    assert compiled.store_path().is_file()
    monkeypatch.setattr(compiled, "_stored", None)     # as a new process would start
    flags = regex.VERSION0 | regex.MULTILINE | regex.IGNORECASE
    stored = compiled.get(r"\b(?:colou?r|favou?rite)\b", flags)
    assert stored is not None and stored is not fresh
    text = "Her favourite COLOR, his favorite colour."
    assert [m.span() for m in stored.finditer(text)] == [m.span() for m in fresh.finditer(text)] != []
    # a store holding anything but the engine's compile function is refused, not run
    evil = pickle.dumps(print)
    key = (r"x", regex.VERSION0 | regex.MULTILINE)
    compiled._load()[key] = evil
    assert compiled.get(*key) is None
    assert patterns.compile_pattern("x").search("a x")


def test_pattern_store_survives_a_corrupt_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from deskcheck import compiled, patterns
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(compiled, "_stored", None)
    monkeypatch.setattr(compiled, "_added", {})
    monkeypatch.setattr(compiled, "_path", None)
    compiled.store_path().parent.mkdir(parents=True)
    compiled.store_path().write_bytes(b"\x80\x04 not a pickle")
    assert patterns.compile_pattern(r"ab+c").search("xabbbc")
    compiled.save()                                    # replaces the corrupt file
    monkeypatch.setattr(compiled, "_stored", None)
    import regex
    assert compiled.get(r"ab+c", regex.VERSION0 | regex.MULTILINE) is not None


def _fresh_re_store(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from deskcheck import compiled
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("DESKCHECK_NO_PATTERN_CACHE", raising=False)
    monkeypatch.setattr(compiled, "_re_stored", None)
    monkeypatch.setattr(compiled, "_re_added", {})


RE_CASES = [
    (r"(?P<day>\d{1,2}) (?P<month>[A-Z][a-z]+)", 0, "on 3 March and 14 April"),
    (r"\b(?:said|told)\b", 2, "She SAID it; he told them."),        # 2 = re.IGNORECASE
    (r"^\s*By\s+\S", 2 | 8, "Headline\n  by Ana Ruiz\n"),          # 8 = re.MULTILINE
    (r"(?<=\bMr)\. (?=[A-Z])|[“”\"]", 0, "Mr. Grey said “yes”."),
    (r"(?x) \d+  # digits\n (?:st|nd|rd|th)?", 0, "the 21st and 3 of them"),
]


def test_re_store_builds_the_same_pattern_as_re_compile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import re

    from deskcheck import compiled
    _fresh_re_store(monkeypatch, tmp_path)
    for pattern, flags, text in RE_CASES:
        fresh = compiled.re_compile(pattern, flags)
        plain = re.compile(pattern, flags)
        assert (fresh.pattern, fresh.flags, fresh.groups, fresh.groupindex) == \
            (plain.pattern, plain.flags, plain.groups, plain.groupindex)
        assert [m.groups() + m.span() for m in fresh.finditer(text)] == \
            [m.groups() + m.span() for m in plain.finditer(text)] != []
    compiled.save_re()
    assert compiled.re_store_path().is_file()
    monkeypatch.setattr(compiled, "_re_stored", None)          # as a new process would start
    for pattern, flags, text in RE_CASES:
        assert (pattern, flags) in compiled._re_load()
        stored = compiled.re_compile(pattern, flags)
        plain = re.compile(pattern, flags)
        assert (stored.pattern, stored.flags, stored.groupindex) == (plain.pattern, plain.flags, plain.groupindex)
        assert [m.span() for m in stored.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert compiled._re_added == {}                              # nothing was compiled again


def test_re_store_ignores_damaged_entries_and_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pickle
    import re

    from deskcheck import compiled
    _fresh_re_store(monkeypatch, tmp_path)
    path = compiled.re_store_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\x80\x04 not a pickle")
    assert compiled.re_compile(r"ab+c").search("xabbbc")
    # an entry whose code the engine rejects falls back to a fresh compile
    monkeypatch.setattr(compiled, "_re_stored", {(r"a+", 0): (0, [1, 2, 3], 0, {}, (None,))})
    assert compiled.re_compile(r"a+").fullmatch("aaa")
    # a store holding anything but plain data is refused, not run
    path.write_bytes(pickle.dumps({(r"b", 0): print}))
    monkeypatch.setattr(compiled, "_re_stored", None)
    assert compiled.re_compile(r"b").pattern == "b"
    assert compiled._re_load() == {}
    # a bad pattern still raises re's own error
    with pytest.raises(re.error):
        compiled.re_compile(r"(unclosed")


# -- parsed rule files kept between runs ----------------------------------------------------------

def _fresh_yaml_store(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from deskcheck import yamlfast
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("DESKCHECK_NO_PATTERN_CACHE", raising=False)
    monkeypatch.setattr(yamlfast, "_parsed", None)
    monkeypatch.setattr(yamlfast, "_new", {})


def test_parsed_yaml_store_gives_what_the_parser_gives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime

    from deskcheck import yamlfast
    _fresh_yaml_store(monkeypatch, tmp_path)
    text = "extends: existence\nmessage: \"'%s'\"\ntokens: [a, b]\nwhen: 2024-03-05\nlevel: 2\n"
    first = yamlfast.load_cached(text)
    assert first == yamlfast.load(text) and first["when"] == datetime.date(2024, 3, 5)
    yamlfast.save()
    monkeypatch.setattr(yamlfast, "_parsed", None)          # as a new process would start
    again = yamlfast.load_cached(text)
    assert again == first and again is not first
    again["tokens"].append("c")                             # a caller's change stays its own
    assert yamlfast.load_cached(text)["tokens"] == ["a", "b"]
    assert yamlfast._new == {}                              # answered from the store
    # an edited text is a new key, never the old answer
    assert yamlfast.load_cached(text.replace("level: 2", "level: 3"))["level"] == 3


def test_parsed_yaml_store_refuses_foreign_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pickle

    import yaml

    from deskcheck import yamlfast
    _fresh_yaml_store(monkeypatch, tmp_path)
    path = yamlfast.store_path()
    path.parent.mkdir(parents=True)
    import hashlib
    key = hashlib.blake2b(b"a: 1\n", digest_size=16).digest()
    path.write_bytes(pickle.dumps({key: pickle.dumps(print)}))
    assert yamlfast.load_cached("a: 1\n") == {"a": 1}         # the entry is refused, not run
    path.write_bytes(pickle.dumps({key: print}))
    monkeypatch.setattr(yamlfast, "_parsed", None)
    assert yamlfast.load_cached("a: 1\n") == {"a": 1}
    assert yamlfast._store() == {}                          # the whole file was discarded
    path.write_bytes(b"\x80\x04 not a pickle")
    monkeypatch.setattr(yamlfast, "_parsed", None)
    assert yamlfast.load_cached("b: [1, 2]\n") == {"b": [1, 2]}
    with pytest.raises(yaml.YAMLError):                     # bad YAML still raises as before
        yamlfast.load_cached("a: [1, 2\n")


# -- facts about patterns kept between runs ---------------------------------------------------------

def test_memo_keeps_facts_between_runs_and_forgets_them_when_the_code_changes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from deskcheck import compiled
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("DESKCHECK_NO_PATTERN_CACHE", raising=False)
    monkeypatch.setattr(compiled, "_memo_stored", None)
    monkeypatch.setattr(compiled, "_memo_added", {})
    monkeypatch.setattr(compiled, "_code_digests", {})
    code = tmp_path / "facts.py"
    code.write_text("VERSION = 1\n", encoding="utf-8")
    calls: list[str] = []

    def compute() -> tuple[frozenset[tuple[str, bool]], ...]:
        calls.append("x")
        return (frozenset({("colour", True)}),)

    assert compiled.memo("t", ("colou?r", 2), compute, str(code)) == (frozenset({("colour", True)}),)
    compiled.save_memo()
    monkeypatch.setattr(compiled, "_memo_stored", None)       # as a new process would start
    assert compiled.memo("t", ("colou?r", 2), compute, str(code)) == (frozenset({("colour", True)}),)
    assert calls == ["x"]                                       # answered from the store
    assert compiled.memo("t", ("other", 2), compute, str(code)) and calls == ["x", "x"]
    compiled.save_memo()
    # the code that computes the facts changed: its old answers are not used
    code.write_text("VERSION = 2\n", encoding="utf-8")
    monkeypatch.setattr(compiled, "_code_digests", {})
    compiled.memo("t", ("colou?r", 2), compute, str(code))
    assert calls == ["x", "x", "x"]
    compiled.save_memo()             # and the old code's facts are dropped from the store
    monkeypatch.setattr(compiled, "_memo_stored", None)
    assert {k[1] for k in compiled._memo_load()} == {compiled._code_digest(str(code))}


def test_prefilter_facts_are_the_same_from_the_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from deskcheck import compiled, prefilter
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("DESKCHECK_NO_PATTERN_CACHE", raising=False)
    monkeypatch.setattr(compiled, "_memo_stored", None)
    monkeypatch.setattr(compiled, "_memo_added", {})
    patterns = [r"\b(?:very unique|most unique)\b", r"(?:\p{Lu}\w+) said", r"[0-9]+ per ?cent"]
    fresh = [(prefilter._requirements(p, 2), prefilter._with_word_boundary(p, True)) for p in patterns]
    assert [(prefilter.requirements(p, 2), prefilter.with_word_boundary(p, True)) for p in patterns] == fresh
    compiled.save_memo()
    monkeypatch.setattr(compiled, "_memo_stored", None)
    monkeypatch.setattr(compiled, "_memo_added", {})
    assert [(prefilter.requirements(p, 2), prefilter.with_word_boundary(p, True)) for p in patterns] == fresh
    assert compiled._memo_added == {}


def test_stored_patterns_do_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    """A pattern built from a set in arbitrary order is a new store key in every process: the
    store would be rewritten on every run and grow until it is thrown away."""
    import os
    import pickle
    import subprocess
    import sys
    article = tmp_path / "a.md"
    article.write_text("---\ntitle: Ferry talks\ndate: 2024-05-02\n---\n\nJan de Vries, of the "
                       "Harbour Authority, said on Tuesday that talks \"went well\". He met Ana "
                       "van der Berg in Oslo.\n", encoding="utf-8")
    keys = []
    for seed in ("1", "2"):
        home = tmp_path / f"cache{seed}"
        env = dict(os.environ, XDG_CACHE_HOME=str(home), PYTHONHASHSEED=seed)
        env.pop("DESKCHECK_NO_PATTERN_CACHE", None)
        subprocess.run([sys.executable, "-m", "deskcheck", "report", "--no-cache", str(article)],
                       env=env, capture_output=True, check=False)
        stores = sorted((home / "deskcheck").iterdir())
        assert stores, "no store was written"
        keys.append({p.name: set(pickle.loads(p.read_bytes())) for p in stores})
    assert keys[0] == keys[1]


def test_stored_re_patterns_only_while_importing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import re

    from deskcheck import compiled
    _fresh_re_store(monkeypatch, tmp_path)
    original = re.compile
    with pytest.raises(ZeroDivisionError):
        with compiled.stored_re_patterns():
            inside = re.compile(r"(?P<w>\w+)\s+(?P=w)", re.IGNORECASE)
            assert re.compile(b"bytes").pattern == b"bytes"      # bytes go to re itself
            1 / 0
    assert re.compile is original                               # restored, even after an error
    plain = re.compile(r"(?P<w>\w+)\s+(?P=w)", re.IGNORECASE)
    assert (inside.pattern, inside.flags, inside.groupindex) == (plain.pattern, plain.flags, plain.groupindex)
    assert inside.search("the THE end").span() == plain.search("the THE end").span()
    assert (r"(?P<w>\w+)\s+(?P=w)", int(re.IGNORECASE)) in compiled._re_added
