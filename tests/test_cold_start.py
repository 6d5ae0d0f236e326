"""Shortcuts that make a cold process cheaper, each checked against the plain version it replaces."""
from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deskcheck.lexicon import SortedLines, WordSet, _searchable, default_data_dir, plain_word_set

_WORDISH = st.text(alphabet=st.sampled_from(list("abAB#é \t\r-'") + ["\u2028", "\x85"]), max_size=6)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(_WORDISH, max_size=30), sort=st.booleans(), probes=st.lists(_WORDISH, max_size=20),
       final_newline=st.booleans())
def test_word_set_is_the_plain_set(tmp_path: Path, lines: list[str], sort: bool, probes: list[str],
                                   final_newline: bool) -> None:
    """Searched in place or read into a set, membership is that of the list's stripped lines."""
    if sort:
        lines = sorted(set(lines))
    text = "\n".join(lines) + ("\n" if final_newline and lines else "")
    path = tmp_path / "words.txt"
    path.write_bytes(text.encode("utf-8"))
    plain = plain_word_set(text)
    words = WordSet(path)
    for probe in [*lines, *(line.strip() for line in lines), *probes, "", "#"]:
        assert (probe in words) == (probe in plain), probe


def test_word_set_after_many_lookups(tmp_path: Path) -> None:
    """Past SortedLines.PARSE_AFTER lookups the table turns into a set: the same answers."""
    lines = sorted({f"w{i:05d}" for i in range(50)} | {"# comment"})
    path = tmp_path / "words.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    words = WordSet(path)
    assert words._lines is not None
    words._lines.PARSE_AFTER = 5
    plain = plain_word_set(path.read_text(encoding="utf-8"))
    for probe in [*lines, "w1", "", "#", "# comment", "x"] * 2:
        assert (probe in words) == (probe in plain)


def test_bundled_common_words_are_searched_in_place() -> None:
    """The bundled list is clean and sorted, so a cold run never builds its set."""
    path = default_data_dir() / "common-words.txt"
    assert _searchable(path.read_bytes())
    words = WordSet(path)
    assert isinstance(words._lines, SortedLines)
    plain = plain_word_set(path.read_text(encoding="utf-8"))
    for w in sorted(plain)[::97]:
        assert w in words and w.upper() + "x" not in words or w.upper() + "x" in plain


# -- the command line read without click ----------------------------------------------------------

_OPTION_TOKENS = ["--format", "--format=json", "--format=nope", "json", "text", "sarif", "-o", "--output",
                  "--config", "--min-level", "--fail-level", "warning", "WARNING", "error", "--enable",
                  "--disable", "Newsroom", "--date", "2021-04-21", "21 April 2021", "not-a-date", "--profile",
                  "ap", "uk", "--stdin-filename", "x.md", "-q", "--quiet", "--quiet=1", "--color", "--no-color",
                  "-j", "--jobs", "--jobs=2", "0", "3", "-1", "+2", " 2", "٣", "--no-cache", "--profile-rules",
                  "--diff", "--changed-since", "HEAD", "--archive", "--no-archive", "-", "--", "-x", "-qj2",
                  "--help", "-h", "--nope", "a.md", "", "--enable=", "--format="]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_fast_report_reads_what_click_reads(tmp_path: Path, data: st.DataObject) -> None:
    """Whatever command line the fast reader accepts, click parses to the same values."""
    from deskcheck import cli as fast
    from deskcheck.clickapp import report

    existing = tmp_path / "exists.yaml"
    existing.write_text("", encoding="utf-8")
    paths = [str(existing), str(tmp_path), str(tmp_path / "missing.yaml")]
    tokens = data.draw(st.lists(st.one_of(st.sampled_from(_OPTION_TOKENS + paths), st.text(max_size=4)), max_size=8))
    params = fast._fast_report(["report", *tokens])
    if params is None:
        return
    ctx = report.make_context("report", list(tokens))
    assert params == ctx.params


def test_fast_report_reads_the_usual_command_lines(tmp_path: Path) -> None:
    from deskcheck import cli as fast
    from deskcheck.clickapp import report

    config = tmp_path / ".deskcheck.yaml"
    config.write_text("", encoding="utf-8")
    for line in (["a.md"], ["--no-cache", "--jobs", "1", "a.md", "b.md"], ["--format", "json", "-q", "-"],
                 ["--config", str(config), "--enable", "X", "--enable=Y", "--min-level", "warning", "a.md"],
                 ["--date", "2021-04-21", "--profile", "uk", "--", "-odd.md"]):
        params = fast._fast_report(["report", *line])
        assert params is not None, line
        assert params == report.make_context("report", list(line)).params
    for line in (["--help"], ["-h"], [], ["--jobs", "x", "a.md"], ["--nope", "a.md"]):
        assert fast._fast_report(["report", *line]) is None
    assert fast._fast_report(["rules"]) is None


# -- value classes written out instead of built by @dataclass -------------------------------------

# the fields whose default factory is dict (the others' is list, or a class named in _twin)
_DICT_FIELDS = {"cache", "front_matter", "options", "examples", "heads", "head_keys", "given", "mentions",
                "_heads_seen", "_near_seen", "head_answers", "forms"}


def twin_hash(value: object) -> object:
    """A @dataclass(unsafe_hash=True)'s hash, for a twin built without it: the fields' tuple."""
    import dataclasses
    return tuple(getattr(value, f.name) for f in dataclasses.fields(value) if f.compare) \
        if type(value).__hash__ is None else value


def _twin(cls: type, frozen: bool) -> type:
    """The @dataclass the class replaces: same name, fields and defaults."""
    import dataclasses
    import inspect

    fields = []
    for name, p in inspect.signature(cls.__init__).parameters.items():
        if name == "self":
            continue
        if p.default is inspect.Parameter.empty:
            fields.append((name, object))
        elif repr(p.default).startswith("<object object"):       # model.FACTORY
            from deskcheck.kinds.base import Vocabulary
            from deskcheck.model import Metadata
            factory = {"metadata": Metadata, "vocabulary": Vocabulary}.get(name)
            default_factory = factory or (dict if name in _DICT_FIELDS else list)
            fields.append((name, object, dataclasses.field(default_factory=default_factory,
                                                         repr=name in cls._repr,  # type: ignore[attr-defined]
                                                         compare=name in cls._fields)))  # type: ignore[attr-defined]
        else:
            fields.append((name, object, dataclasses.field(default=p.default,
                                                         repr=name in getattr(cls, "_repr", (name,)),
                                                         compare=name in cls._fields)))  # type: ignore[attr-defined]
    return dataclasses.make_dataclass(cls.__name__, fields, frozen=frozen, slots=frozen)


_SCALARS = st.one_of(st.integers(-3, 3), st.text(max_size=2), st.none(), st.tuples(st.integers(0, 2)))


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_model_classes_behave_as_their_dataclasses(data: st.DataObject) -> None:
    import dataclasses
    import pickle

    import pytest

    from deskcheck import api, config, model, parallel, rules
    from deskcheck.analysis import names, quotes, sentences
    from deskcheck.kinds import base

    for cls, frozen in ((model.Span, True), (model.Related, True), (model.Hit, True), (model.Position, True),
                        (model.RelatedLocation, True), (model.Finding, True), (model.Block, True),
                        (model.Metadata, False), (model.Document, False), (config.RuleSetting, True),
                        (config.Config, True), (base.RuleInfo, True), (base.Vocabulary, False),
                        (base.Settings, False), (base.Context, False), (rules.Rule, False), (api.Options, False),
                        (api.RunResult, False), (parallel.Task, False), (names.NameToken, False),
                        (names.Mention, False), (names.Occurrence, False), (names.NameGroup, False),
                        (names.HouseEntry, True), (names.HouseList, False), (sentences.Sentence, True),
                        (quotes.Quote, True)):
        twin = _twin(cls, frozen)
        fields = [f.name for f in dataclasses.fields(twin)]
        assert list(cls._fields) == [f.name for f in dataclasses.fields(twin) if f.compare]
        assert cls.__match_args__ == twin.__match_args__
        required = [f.name for f in dataclasses.fields(twin) if f.default is dataclasses.MISSING
                    and f.default_factory is dataclasses.MISSING]
        values = [data.draw(st.lists(_SCALARS, min_size=len(fields), max_size=len(fields))) for _ in range(2)]
        values[1] = [data.draw(st.sampled_from([a, b])) for a, b in zip(*values)]   # often equal
        ours = [cls(*v) for v in values]
        theirs = [twin(*v) for v in values]
        assert repr(ours[0]) == repr(theirs[0])
        assert (ours[0] == ours[1]) == (theirs[0] == theirs[1])
        assert (ours[0] != ours[1]) == (theirs[0] != theirs[1])
        assert ours[0].__eq__(theirs[0]) is NotImplemented
        unsafe_hash = cls in (names.NameToken, names.Mention)      # @dataclass(unsafe_hash=True) once
        if frozen or unsafe_hash:
            assert hash(ours[0]) == hash(twin_hash(theirs[0]))
        if frozen:
            with pytest.raises(dataclasses.FrozenInstanceError):
                ours[0].__setattr__(fields[0], 1)
            assert pickle.loads(pickle.dumps(ours[0])) == ours[0]
        elif not unsafe_hash:
            assert cls.__hash__ is None and twin.__hash__ is None
        # defaults: only the required fields given
        short_ours, short_theirs = cls(*values[0][:len(required)]), twin(*values[0][:len(required)])
        for f in fields:
            assert getattr(short_ours, f) == getattr(short_theirs, f)
        if not frozen:
            assert short_ours == cls(*values[0][:len(required)])
        if hasattr(cls, "replace"):
            change = {fields[-1]: values[1][-1]}
            assert repr(ours[0].replace(**change)) == repr(dataclasses.replace(theirs[0], **change))
            copy = ours[0].replace()
            assert copy == ours[0] and copy is not ours[0]


def test_command_line_exit_runs_exit_handlers_and_flushes(tmp_path: Path) -> None:
    """The command line ends its process without the interpreter's teardown: the stores between
    runs (written by exit handlers) are still written, the output is complete, the code is kept."""
    import os
    import subprocess
    import sys

    article = tmp_path / "a.md"
    article.write_text("The goverment said on Monday it would act.\n" * 40, encoding="utf-8")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
    env.pop("DESKCHECK_NO_PATTERN_CACHE", None)
    out = tmp_path / "out.json"
    proc = subprocess.run([sys.executable, "-m", "deskcheck", "report", "--no-cache", "--jobs", "1", "--format",
                           "json", "-o", str(out), str(article)], capture_output=True, text=True, env=env)
    assert proc.returncode == 1, proc.stderr       # an error-level finding: exit 1
    assert sorted(p.name.split("-")[0] for p in (tmp_path / "cache" / "deskcheck").iterdir()) == [
        "facts", "patterns", "patterns", "yaml"]
    piped = subprocess.run([sys.executable, "-m", "deskcheck", "report", "--no-cache", "--jobs", "1", "--format",
                            "json", str(article)], capture_output=True, text=True, env=env)
    assert piped.returncode == 1 and piped.stdout == out.read_text(encoding="utf-8")


def test_option_types_read_as_get_type_hints_resolves_them() -> None:
    """Every kind's option types, read from the table, are what typing.get_type_hints gives."""
    import dataclasses
    import typing

    from deskcheck import rules
    from deskcheck.kinds import KINDS

    for name in KINDS:
        options = KINDS[name].Options
        simple = rules._simple_types(options)
        assert simple is not None, name         # the bundled kinds all take the fast path
        assert simple == typing.get_type_hints(options), name

    @dataclasses.dataclass
    class Odd:
        when: int | None = None
    assert rules._simple_types(Odd) is None
    assert rules._option_types(Odd) == typing.get_type_hints(Odd)
