"""The spelling checks: Deskcheck.Spelling (typos, names, vocabulary) and Deskcheck.SpellingVariety."""
from __future__ import annotations

from pathlib import Path

import pytest

import deskcheck
from deskcheck import lexicon
from deskcheck.errors import RuleError
from deskcheck.kinds.base import Settings, Vocabulary
from deskcheck.rules import load_rule

SPELLING = "Deskcheck.Spelling"
VARIETY = "Deskcheck.SpellingVariety"


def findings(text: str, fmt: str = "txt", config: Path | None = None, rule: str = SPELLING) -> list:
    return [f for f in deskcheck.check_text(text, format=fmt, config=config) if f.rule == rule]


def matches(text: str, **kw) -> list[str]:
    return [f.match for f in findings(text, **kw)]


def config_file(tmp_path: Path, body: str) -> Path:
    path = tmp_path / ".deskcheck.yaml"
    path.write_text(body, encoding="utf-8")
    return path


# -- typos and suggestions ----------------------------------------------------------------------

def test_keyboard_slip_is_flagged_with_position_and_category() -> None:
    text = "The council met on Monday.\nThe treasurer presnted the accounts to members."
    [f] = findings(text)
    assert f.match == "presnted"
    assert f.category == "spelling"
    assert (f.position.line, f.position.column) == (2, 15)
    assert f.suggestions[0] == "presented"


@pytest.mark.parametrize("typo, intended", [
    ("goverment", "government"), ("recieve", "receive"), ("becuase", "because"),
    ("libary", "library"), ("questoin", "question"), ("stepppped", "stepped"),
    ("woudl", "would"), ("comittee", "committee"), ("negotaitions", "negotiations"),
])
def test_first_suggestion_is_the_intended_word(typo: str, intended: str) -> None:
    [f] = findings(f"Officials said the {typo} was ready.")
    assert f.suggestions[0] == intended


def test_known_misspelling_has_exactly_one_suggestion() -> None:
    [f] = findings("We will definately decide by Friday.")
    assert f.suggestions == ("definitely",)


def test_capitalised_suggestion_keeps_the_capital() -> None:
    [f] = findings("Goverment officials declined to comment.")
    assert f.suggestions[0] == "Government"


def test_typos_inside_quotations_are_still_typos() -> None:
    text = '"We have recieved nothing from the ministry," the mayor said.'
    assert matches(text) == ["recieved"]


def test_word_with_nothing_near_it_is_a_term_not_a_slip() -> None:
    assert findings("They ordered qwzxbrot at the stall.") == []


def test_clean_prose_gives_nothing() -> None:
    text = ("The committee will meet on Tuesday to discuss the budget. Residents who attended "
            "said they were pleased, although several questioned the timetable.")
    assert findings(text) == []


# -- names ----------------------------------------------------------------------------------------

def test_unknown_capitalised_word_inside_a_sentence_is_a_name() -> None:
    assert findings("On Thursday councillor Brindlewick opened the new wing.") == []


def test_unknown_name_at_a_sentence_start_is_left_alone() -> None:
    assert findings("Brindlewick said the wing would open in spring.") == []


def test_misspelled_common_word_at_a_sentence_start_is_flagged() -> None:
    assert matches("Untill then, the road stays closed.") == ["Untill"]
    assert matches("The road is shut. Comittee members meet today.") == ["Comittee"]


def test_misspelled_word_in_a_title_case_headline_is_flagged() -> None:
    text = "# Comittee Backs Harbour Plan\n\nThe committee backed the plan on Monday.\n"
    [f] = findings(text, fmt="md")
    assert f.match == "Comittee" and f.position.line == 1


def test_a_name_used_again_mid_sentence_is_not_a_typo_at_a_sentence_start() -> None:
    # "Carrow" is one slip from "carrot"; used mid-sentence too, it is the article's name
    text = "Officials said Carrow would speak. Carrow declined."
    assert findings(text) == []


def test_lowercase_particle_inside_a_name_is_left_alone() -> None:
    assert findings("The prince met Khalid ibn Mansour and Marie du Plessis-Vaux.") == []


def test_two_word_name_at_a_sentence_start_is_left_alone() -> None:
    assert findings("Salla Brindlewick founded the club.") == []


# -- what is not prose ------------------------------------------------------------------------------

# each holds "goverment", which is flagged wherever it is prose
@pytest.mark.parametrize("text", [
    "Read more at https://example.org/goverment/item today.",
    "Details are on www.example.com/goverment for subscribers.",
    "Write to goverment@example.com with tips.",
    "Follow @goverment and the #goverment tag.",
    "Visit goverment.co.uk for the list.",
    "The 12-goverment plant ran for 3:45:10 and output rose 4.2%.",
    "Officials at GOVERMENT and the UNHCR met in the U.S. capital, e.g. on Friday.",
    "The iGoverment and the McGoverment brands were shown.",
])
def test_non_prose_is_skipped(text: str) -> None:
    assert findings(text) == []
    assert matches("The goverment said so.") == ["goverment"]


@pytest.mark.parametrize("text", [
    "The 5kg parcel and the 3rd-qtr figures arrived.",
    "Profits reached 3 bn and the car did 40 kph.",
])
def test_numbers_and_units_are_skipped(text: str) -> None:
    assert findings(text) == []


def test_code_in_markdown_is_skipped() -> None:
    assert findings("Run `goverment --frobnicate` to start.\n", fmt="md") == []


# -- compounds, possessives, contractions ------------------------------------------------------------

def test_hyphenated_compound_flags_only_the_misspelled_part() -> None:
    [f] = findings("The well-knwon author arrived late.")
    assert f.match == "knwon" and f.suggestions[0] == "known"


@pytest.mark.parametrize("text", [
    "The co-host and the ex-minister joined a cross-border group.",
    "Her Kafka-esque account was well-received by the mid-sized crowd.",
    "The Belarus-based group held anti-government rallies.",
])
def test_hyphenated_compounds_of_words_and_names_pass(text: str) -> None:
    assert findings(text) == []


def test_possessives_and_contractions() -> None:
    text = "The minister's aide said they'd go, but the workers' union won't, and it's late."
    assert findings(text) == []
    [f] = findings("The goverment's plan failed.")
    assert f.match == "goverment's" and f.suggestions[0] == "government's"


def test_curly_apostrophes_are_read_as_apostrophes() -> None:
    assert findings("The minister\u2019s aide said they\u2019d go, and it won\u2019t rain.") == []


# -- vocabulary ------------------------------------------------------------------------------------

def test_config_accept_lowercase_entry_matches_any_case(tmp_path: Path) -> None:
    cfg = config_file(tmp_path, "vocabulary:\n  accept: [zorbing]\n")
    assert findings("Zorbing is popular; zorbing is fun.", config=cfg) == []


def test_config_accept_entry_with_capitals_matches_exactly(tmp_path: Path) -> None:
    cfg = config_file(tmp_path, "vocabulary:\n  accept: [Grobnak]\n")
    assert findings("The Grobnak bridge opened.", config=cfg) == []
    assert matches("They crossed at grobnak ford.", config=cfg) == ["grobnak"]


def test_config_reject_flags_dictionary_words(tmp_path: Path) -> None:
    cfg = config_file(tmp_path, "vocabulary:\n  reject: [utilise]\n")
    assert matches("Staff will utilise the new hall.", config=cfg) == ["utilise"]


def test_article_accept_comment_and_front_matter(tmp_path: Path) -> None:
    comment = "<!-- deskcheck-accept grobnak -->\n\nThe grobnak league starts today.\n"
    assert findings(comment, fmt="md") == []
    front = "---\ntitle: League\nvocab: [grobnak]\n---\n\nThe grobnak league starts today.\n"
    assert findings(front, fmt="md") == []
    assert matches("The grobnak league starts today.\n", fmt="md") == ["grobnak"]


# -- variety ---------------------------------------------------------------------------------------

def test_either_variety_is_accepted_when_unpinned() -> None:
    assert findings("The colour of the centre was grey.") == []
    assert findings("The color of the center was gray.") == []


def test_mixed_variety_flags_the_minority_form_as_style() -> None:
    text = ("The council will organise a vote. Residents organised a petition, and the mayor "
            "said she would organize a meeting.")
    [f] = findings(text, rule=VARIETY)
    assert f.match == "organize" and f.category == "style"
    assert f.suggestions == ("organise",)
    assert f.related and f.related[0].span.start < f.span.start


def test_consistent_british_and_oxford_spelling_pass() -> None:
    assert findings("The organisation's centre changed its colour.", rule=VARIETY) == []
    assert findings("The organization's centre changed its colour.", rule=VARIETY) == []


def test_names_keep_their_own_spelling() -> None:
    text = ("The organisation's centre praised the World Health Organization and the Labor Party. "
            "Pearl Harbor was mentioned.")
    assert findings(text, rule=VARIETY) == []


def test_pinned_locale_flags_the_other_variety(tmp_path: Path) -> None:
    gb = config_file(tmp_path, "locale: en-GB\n")
    assert matches("The color of the theater was fine.", config=gb, rule=VARIETY) == ["color", "theater"]
    assert findings("The color of the theater was fine.", config=gb) == []   # not a typo
    us = tmp_path / "us"
    us.mkdir()
    us_cfg = config_file(us, "locale: en-US\n")
    [f] = findings("The colour was fine.", config=us_cfg, rule=VARIETY)
    assert f.suggestions == ("color",)


# -- the kind's options (Vale compatibility) -----------------------------------------------------------

def _rule(tmp_path: Path, body: str) -> object:
    style = tmp_path / "House"
    style.mkdir(exist_ok=True)
    path = style / "Spell.yml"
    path.write_text(body, encoding="utf-8")
    warnings: list[str] = []
    rule = load_rule(path, "House", style, warnings.append)
    return rule, warnings


def test_vale_hunspell_options_warn_and_are_ignored(tmp_path: Path) -> None:
    rule, warnings = _rule(tmp_path, "extends: spelling\nmessage: \"'%s'?\"\ndic: en_US.dic\naff: en_US.aff\n"
                                     "dicpath: dicts\ncustom: true\n")
    assert rule is not None and rule.category == "spelling"
    assert warnings and all(name in " ".join(warnings) for name in ("dic", "aff", "dicpath", "custom"))


def test_ignore_files_and_filters(tmp_path: Path) -> None:
    (tmp_path / "House").mkdir()
    (tmp_path / "House" / "words.txt").write_text("# house words\nplorf\n", encoding="utf-8")
    rule, _ = _rule(tmp_path, "extends: spelling\nmessage: \"'%s'?\"\nignore: words.txt\n"
                              "filters: ['[a-z]+nak']\n")
    from deskcheck.engine import check_document
    from deskcheck.formats import parse
    doc = parse("The plorf and grobnak clubs met. The goverment did not.", "txt", "<t>")
    result = check_document(doc, [rule], Settings())
    assert [doc.source[f.span.start:f.span.end] for f in result.findings] == ["goverment"]


def test_missing_ignore_file_is_a_rule_error(tmp_path: Path) -> None:
    with pytest.raises(RuleError):
        _rule(tmp_path, "extends: spelling\nmessage: x\nignore: nowhere.txt\n")


# -- the lexicon API -------------------------------------------------------------------------------

def test_is_dictionary_word_case_rules() -> None:
    assert lexicon.is_dictionary_word("government")
    assert lexicon.is_dictionary_word("Government")          # lowercase entry, sentence case
    assert lexicon.is_dictionary_word("London")
    assert not lexicon.is_dictionary_word("london")          # capitalised entry only
    assert lexicon.is_dictionary_word("colour") and lexicon.is_dictionary_word("color")
    assert not lexicon.is_dictionary_word("colour", "en-US")
    assert not lexicon.is_dictionary_word("Brindlewick")
    assert not lexicon.is_dictionary_word("")


def test_sorted_lines_lookup_matches_a_full_parse(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    rows = sorted(["apple", "banana\tU", "caf\u00e9\tG", "cherry", "zebra\t7"])
    path.write_text("".join(r + "\n" for r in rows), encoding="utf-8")
    table = lexicon.SortedLines(path)
    assert table.get("apple") == "" and table.get("banana") == "U" and table.get("zebra") == "7"
    assert table.get("caf\u00e9") == "G"
    assert table.get("apples") is None and table.get("") is None and table.get("zzz") is None
    assert [k for k, _ in table.with_prefix("c")] == ["caf\u00e9", "cherry"]


def test_sorted_lines_answers_the_same_after_a_batch_parses_it(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text("apple\nbanana\tU\ncaf\u00e9\tG\ncherry\n", encoding="utf-8")
    for tags in (("U", "G"), None):
        table = lexicon.SortedLines(path, tags=tags)
        table.PARSE_AFTER = 2
        answers = [table.get(k) for k in ("apple", "banana", "caf\u00e9", "plum", "cherry", "banana\tU")]
        assert answers[:5] == ["", "U", "G", None, ""]
        assert table.get("banana") == "U" and table.get("plum") is None and table.get("apple") == ""


def test_settings_vocabulary_object_is_honoured_directly() -> None:
    from deskcheck.engine import check_document
    from deskcheck.formats import parse
    from deskcheck.rules import bundled_rules_dir, load_rule as load

    rule = load(bundled_rules_dir() / "Deskcheck" / "Spelling.yml", "Deskcheck",
                bundled_rules_dir() / "Deskcheck")
    doc = parse("The plorf and grobnak clubs met.", "txt", "<t>")
    settings = Settings(vocabulary=Vocabulary(accept=frozenset({"plorf"})))
    result = check_document(doc, [rule], settings)
    assert [doc.source[f.span.start:f.span.end] for f in result.findings] == ["grobnak"]


def test_lowercase_part_of_a_hyphenated_name_is_not_a_typo() -> None:
    from deskcheck import check_text
    text = "The prize went to the pianist Kim Ji-woo and the cellist Park Seo-jin."
    assert [f.match for f in check_text(text, "md") if f.category == "spelling"] == []
    # an ordinary compound is still checked part by part
    assert [f.match for f in check_text("It was a gret-looking plan.", "md") if f.category == "spelling"] == ["gret"]


def test_a_term_introduced_in_quotes_is_not_a_typo() -> None:
    from deskcheck import check_text
    text = 'Engineers call the new alloy a so-called "thermalite" blend.'
    assert [f.match for f in check_text(text, "md") if f.category == "spelling"] == []
    text = 'She said the "goverment" had not replied.'
    assert [f.match for f in check_text(text, "md") if f.category == "spelling"] == ["goverment"]


def test_plural_of_a_compound_is_not_a_typo() -> None:
    from deskcheck import check_text
    text = "Most five-year-olds and all the go-betweens were there; the gret-lookings were not."
    assert [f.match for f in check_text(text, "md") if f.category == "spelling"] == ["gret"]
