"""The names check: finding names, grouping spellings, house list, majority, archive, learn."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from deskcheck import check_text
from deskcheck.analysis.names import (fold, given_variant_pair, is_dictionary_word, load_house_lists, mentions,
                                      variant_pair)
from deskcheck.api import Options, run
from deskcheck.cli import cli
from deskcheck.config import Config, load_config
from deskcheck.formats import parse

NAMES = "Deskcheck.Names"
HOUSE = "Deskcheck.HouseNames"
ARCHIVE = HOUSE   # archive findings come from the house-style rule


def findings(text: str, rule: str = NAMES, fmt: str = "md", config: Config | None = None) -> list:
    return [f for f in check_text(text, format=fmt, config=config) if f.rule == rule]


def matches(text: str, rule: str = NAMES, **kw: object) -> list[str]:
    return [f.match for f in findings(text, rule, **kw)]


# --- finding names -------------------------------------------------------------------------------

def mention_texts(text: str, fmt: str = "md") -> list[str]:
    doc = parse(text, fmt, "t." + fmt)
    return [m.text for m in mentions(doc)]


def test_particles_prefixes_and_possessives() -> None:
    got = mention_texts("Crown Prince Mohammed bin Salman met Ludwig van der Berg and Seán O'Neill. "
                        "Officials blamed al-Qaeda. McDonald's rival, Zelensky's aide, spoke.")
    assert "Mohammed Salman" in got            # the particle joins the run, is not a name word
    assert "Ludwig Berg" in got
    assert "Seán O'Neill" in got
    assert "al-Qaeda" in got
    assert "McDonald" in got and "Zelensky" in got   # possessive 's is not part of the name
    assert mention_texts("Kyiv-based analysts met Kim Jong-un.") == ["Kyiv", "Kim Jong-un"]


def test_titles_and_sentence_openers_are_not_names() -> None:
    got = mention_texts("After the vote, President Maia Sandu spoke on Monday. The Kremlin said Mr Peskov "
                        "would answer.")
    assert "Maia Sandu" in got and "Peskov" in got and "Kremlin" in got
    assert not any(m.startswith(("After", "President", "The", "Mr")) or "Monday" in m for m in got)


def test_names_in_headline_quote_and_caption() -> None:
    html = ("<article><h1>Lukashenko visits Baku</h1><p>By Staff</p>"
            "<p><time datetime=\"2021-04-21\">April 21, 2021</time></p>"
            "<figure><img src=\"x.jpg\"><figcaption>Lukashenka arrives in Baku.</figcaption></figure>"
            "<p>\u201cWe spoke with Lukashenko for hours,\u201d the aide said.</p></article>")
    doc = parse(html, "html", "t.html")
    kinds = {doc.blocks[m.block].kind for m in mentions(doc) if m.text.startswith("Lukashenk")}
    assert "title" in kinds and "paragraph" in kinds
    # the caption (wherever the reader puts it) is checked too: the variant is reported there
    assert [f.match for f in findings(html, fmt="html")] == ["Lukashenka"]


# --- variants that are grouped ------------------------------------------------------------------

@pytest.mark.parametrize("a,b", [
    ("Lukashenka", "Lukashenko"), ("Zelensky", "Zelenskyy"), ("Zelenskiy", "Zelensky"),
    ("Gaddafi", "Qaddafi"), ("Gaddafi", "Kadhafi"), ("Erdogan", "Erdoğan"), ("Navalny", "Navalnyy"),
    ("Qaeda", "Qaida"), ("BelTA", "Belta"), ("O'Neill", "O'Neil"), ("Лукашенко", "Lukashenko"),
    ("Djokovic", "Đoković"), ("Tymoshenko", "Timoshenko"), ("Tsikhanouskaya", "Tikhanovskaya"),
])
def test_surname_place_and_agency_variants(a: str, b: str) -> None:
    # the sound and spelling test with its guards; whether both are dictionary words depends on
    # the lexicon bundled, and the article tests below show context deciding those
    assert variant_pair(a, b, dictionary=False)


@pytest.mark.parametrize("a,b", [
    ("Aleksandr", "Alexander"), ("Alyaksandr", "Alexander"), ("Nikolai", "Nikolay"), ("Geoff", "Jeff"),
    ("Stephen", "Steven"), ("Mohamed", "Mohammed"), ("Volodymyr", "Vladimir"),
])
def test_given_name_variants(a: str, b: str) -> None:
    assert given_variant_pair(a, b)


@pytest.mark.parametrize("a,b", [
    ("Austria", "Australia"), ("Niger", "Nigeria"), ("Slovakia", "Slovenia"), ("Iran", "Iraq"),
    ("Latvia", "Lithuania"), ("Kazakhstan", "Kyrgyzstan"), ("Azerbaijan", "Azerbaijani"),
    ("Aliyev", "Aliyeva"), ("Tsikhanouski", "Tsikhanouskaya"), ("Grant", "Grand"), ("Guinea", "Ghana"),
])
def test_pairs_that_are_different_names(a: str, b: str) -> None:
    assert not variant_pair(a, b)


@pytest.mark.parametrize("a,b", [("Daniel", "Daniela"), ("Francesco", "Francesca"), ("Fidel", "Raúl"),
                                 ("Serena", "Venus"), ("Paul", "Paula")])
def test_given_names_of_different_people(a: str, b: str) -> None:
    assert not given_variant_pair(a, b)


def test_folding_cyrillic_and_diacritics() -> None:
    assert fold("Лукашенко") == "lukashenko"
    assert fold("Erdoğan") == fold("Erdogan")
    assert fold("Đoković") == "djokovic"


def test_surname_variant_in_article_reports_every_minority_occurrence() -> None:
    text = ("Yulia Tymoshenko spoke in parliament on Tuesday. Tymoshenko said the bill would fail.\n\n"
            "Timoshenko later told reporters she would vote against it. Allies of Timoshenko agreed.\n\n"
            "Tymoshenko left the chamber.")
    fs = findings(text)
    assert [f.match for f in fs] == ["Timoshenko", "Timoshenko"]
    assert all(f.category == "names" and f.suggestions == ("Tymoshenko",) for f in fs)
    # related: the three places of the preferred form
    assert [r.position.line for r in fs[0].related] == [1, 1, 5]
    assert "Tymoshenko" in fs[0].message and "Timoshenko" in fs[0].message
    assert "3" in fs[0].message and "2" in fs[0].message


def test_cyrillic_spelling_is_a_variant() -> None:
    text = "Viktor Tkachuk met the mayor. Ткачук said the talks went well. Tkachuk left on Friday."
    assert matches(text) == ["Ткачук"]


def test_given_name_variant_with_same_surname() -> None:
    text = ("Councillor Geoff Hargreaves proposed the budget.\n\nJeff Hargreaves said it would pass.\n\n"
            "Geoff Hargreaves thanked the committee.")
    fs = findings(text)
    # the finding spans the person's whole name, and the fix rewrites it whole
    assert [(f.match, f.position.line) for f in fs] == [("Jeff Hargreaves", 3)]
    assert fs[0].suggestions == ("Geoff Hargreaves",)


def test_given_name_variant_is_person_specific() -> None:
    # Mohamed/Mohammed differ only for Salah; Mohamed Elneny is another person and untouched
    text = ("Mohamed Salah scored twice. Mohamed Elneny came on late.\n\n"
            "Mohammed Salah said the team deserved it. Salah left first.")
    fs = findings(text)
    assert [f.match for f in fs] == ["Mohammed Salah"]
    assert fs[0].position.line == 3


def test_same_given_name_ties_two_dictionary_surnames() -> None:
    text = ("Councillor Mary O'Neill proposed the motion. Mary O'Neil said it would pass.\n\n"
            "O'Neill thanked members.")
    fs = findings(text)
    assert [(f.match, f.suggestions) for f in fs] == [("Mary O'Neil", ("Mary O'Neill",))]


def test_agency_case_variant_and_joined_particle() -> None:
    assert matches("BelTA reported the meeting. BelTA quoted the minister. Belta added details.") == ["Belta"]
    fs = findings("The attack was claimed by al-Qaida. Al-Qaida denied it. Analysts said al-Qaeda was weakened.")
    assert [f.match for f in fs] == ["al-Qaeda"]
    assert fs[0].suggestions == ("al-Qaida",)


def test_kim_jong_un_is_not_kim_jong_il() -> None:
    text = "Kim Jong Un met envoys. His father, Kim Jong Il, died in 2011. Kim Jong Un spoke."
    assert findings(text) == []


def test_spacing_and_hyphen_variants_of_a_whole_name() -> None:
    fs = findings("Kim Jong Un met envoys. Kim Jong-un later spoke. Kim Jong Un left.")
    assert [(f.match, f.suggestions) for f in fs] == [("Kim Jong-un", ("Kim Jong Un",))]
    fs = findings("Ana Lucia Ferreira-Santos spoke. Ana Lucia Ferreira Santos left. Ferreira-Santos waved.")
    assert [f.match for f in fs] == ["Ana Lucia Ferreira Santos"]
    # a hyphen inside one word is reported once, on the name
    fs = findings("Tsai Ing-wen visited. Tsai Ingwen said the island would not bow. Tsai Ing-wen left.")
    assert [(f.match, f.suggestions) for f in fs] == [("Tsai Ingwen", ("Tsai Ing-wen",))]


def test_house_list_whole_name_spacing() -> None:
    fs = findings("Kim Jong-un met envoys. Kim Jong-un later spoke.", HOUSE)
    assert [(f.match, f.suggestions, f.category) for f in fs] == [("Kim Jong-un", ("Kim Jong Un",), "style")] * 2


@pytest.mark.parametrize("first, later", [
    ("Catherine", "Katherine"), ("Mikheil", "Mikhail"), ("Jonathan", "Jonathon"),
    ("Alexandr", "Alexander"), ("Mohammed", "Muhammad"), ("Nikolai", "Nikolay"), ("Sarah", "Sara"),
    ("Eric", "Erik"), ("Abdullah", "Abdulla"),
])
def test_given_name_respelt_for_one_person(first: str, later: str) -> None:
    text = (f"The harbour board chair, {first} Vardanyan, opened the new pier on Tuesday.\n\n"
            f"Vardanyan said the pier had cost less than planned.\n\n"
            f"{first} Vardanyan thanked the builders, and {later} Vardanyan's office said tours start soon.")
    fs = findings(text)
    # the whole name, possessive excluded, with the full preferred name as the fix
    assert [(f.match, f.position.line) for f in fs] == [(f"{later} Vardanyan", 5)]
    assert fs[0].suggestions == (f"{first} Vardanyan",)


def test_middle_initial_stays_inside_the_name() -> None:
    text = ("Federal Judge Katherine T. Quintero opened the trial.\n\n"
            "Quintero said the jury would sit on Fridays. Judge Kathryn Quintero adjourned.")
    # without the initial inside it, "Katherine" would be no one's given name
    assert mention_texts(text)[:2] == ["Katherine Quintero", "Quintero"]
    fs = findings(text)
    assert [(f.match, f.suggestions) for f in fs] == [("Kathryn Quintero", ("Katherine Quintero",))]
    # the initial is kept when the name with it is the one reported
    fs = findings("Judge Kathryn T. Quintero spoke. Judge Katherine Quintero ruled. Judge Katherine Quintero left.")
    assert [(f.match, f.suggestions) for f in fs] == [("Kathryn T. Quintero", ("Katherine T. Quintero",))]


def test_whole_name_span_leaves_out_acronyms_and_outlets() -> None:
    text = ("Labour MP Ngozi Okonkwo opened the debate. Okonkwo said the bill was overdue.\n\n"
            "Labour MP Ngozi Okonkow closed it. Okonkwo thanked members.")
    fs = findings(text)
    assert [(f.match, f.suggestions) for f in fs] == [("Ngozi Okonkow", ("Ngozi Okonkwo",))]


def test_surname_that_is_also_a_word() -> None:
    # "Brown" used alone as a name ("Brown's lawyer") makes "Mikheil Brown" a person's full name
    text = ("Mikheil Brown was detained on Monday.\n\nBrown's lawyer objected. Mikhail Brown denied the charge.")
    assert [(f.match, f.suggestions) for f in findings(text)] == [("Mikhail Brown", ("Mikheil Brown",))]
    # sisters of that name stay two people
    text = "Clara Black runs the bakery. Her sister, Claire Black, keeps the books. Black said rents had doubled."
    assert findings(text) == []
    # a place with an ordinary last word is no person: its first word is still compared alone
    text = "Rockets hit the Gaza Strip. The Strip was dark. Gazza Strip residents fled."
    assert [f.match for f in findings(text)] == ["Gazza"]


def test_whole_name_with_markup_inside_falls_back_to_the_word() -> None:
    # a fix spanning "<b>Jonathon</b> Pryce" would delete the tag: the word alone is reported
    html = ("<p>Chief Executive Jonathan Pryce said orders were strong.</p>"
            "<p>Pryce said the <b>Jonathon</b> Pryce plan worked. Jonathan Pryce left.</p>")
    fs = findings(html, fmt="html")
    assert [(f.match, f.suggestions) for f in fs] == [("Jonathon", ("Jonathan",))]
    md = "Mikheil Tsereteli was held.\n\nLater [Mikhail Tsereteli](https://example.org) spoke. Mikheil Tsereteli left."
    assert [f.match for f in findings(md)] == ["Mikhail Tsereteli"]


def test_names_in_their_own_right_need_evidence_of_one_person() -> None:
    # Kathryn is not just another spelling of Katherine: the same title makes it one judge
    text = ("Judge Katherine Oyelaran opened the hearing.\n\n"
            "Later, Judge Kathryn Oyelaran refused bail and set a trial date.")
    assert [(f.match, f.suggestions) for f in findings(text)] == [
        ("Kathryn Oyelaran", ("Katherine Oyelaran",))]
    # one Donnelly, called by her surname alone, and no relative in sight: one woman
    text = ("Clara Donnelly runs the bakery on Mill Lane.\n\n"
            "Donnelly said rents had doubled. Claire Donnelly added that she would stay open.")
    assert [f.match for f in findings(text)] == ["Claire Donnelly"]


@pytest.mark.parametrize("text", [
    # two women of one family
    "Clara Donnelly runs the bakery. Her sister, Claire Donnelly, keeps the books. Donnelly said rents had doubled.",
    # nothing says they are one person
    "Clara Donnelly opened the bakery in 2010. Claire Donnelly, a customer, said she came every day.",
    "John Avery chairs the trust. Joan Avery, a volunteer, said the garden needed rain.",
    # spelled alike, but introduced as a relative
    "Katherine Lowe chairs the union branch. Her sister-in-law, Catherine Lowe, is its treasurer.",
    "Katherine Lowe chairs the union branch. Catherine Lowe, her sister, keeps the accounts. Lowe said so.",
    "Mitchell Garvey coaches the side; Michelle Garvey, the physio, said the squad was fit. Garvey agreed.",
    # the same with a surname that is also a word, so not known to be a surname
    "Mitchell Grey coaches the side; Michelle Grey, the physio, said the squad was fit.",
    "Susan Patel and Sunil Patel both stood for the ward. Susan Patel won.",
    "Mitchell Starc took three wickets and Mitchell Marsh made a century. Starc bowled well.",
    "Nodar Beridze leads the opposition; Davit Beridze, a government minister, is no relation. "
    "Beridze was detained on Monday.",
])
def test_people_sharing_a_surname_stay_apart(text: str) -> None:
    assert findings(text) == []


def test_surname_variant_spans_the_full_name() -> None:
    text = ("Peta McKinnon, the club's captain, scored twice.\n\n"
            "McKinnon said the pitch was heavy. Peta MacKinnon's late goal sealed it. McKinnon left.")
    fs = findings(text)
    assert [(f.match, f.suggestions) for f in fs] == [("Peta MacKinnon", ("Peta McKinnon",))]
    text = "Cllr Aoife O'Neill chairs the committee.\n\nCllr O'Neil said bins would be collected weekly."
    assert [(f.match, f.suggestions) for f in findings(text)] == [("O'Neil", ("O'Neill",))]


@pytest.mark.parametrize("major, minor", [
    ("Lesotho Meteorological Service Agency", "Lesotho Meteorology Service Agency"),
    ("National Statistical Office of Malawi", "National Statistics Office of Malawi"),
    ("Pacific Fisheries Organisation Council", "Pacific Fisheries Organization Council"),
    ("Environment Agency", "Environmental Agency"),
    ("Uganda National Meteorological Authority", "Uganda National Meteorology Authority"),
    ("Department of Meteorological Services", "Department of Meteorology Services"),
    ("Harbour Trade Centre", "Harbour Trade Center"),
])
def test_organisation_name_with_one_word_in_another_form(major: str, minor: str) -> None:
    text = (f"The {major} issued a warning on Friday.\n\n"
            f"Officials at the {major} said the figures were provisional.\n\n"
            f"A spokesman for the {minor} declined to comment.")
    fs = findings(text)
    # the minority name, whole, with the usual one as the fix
    assert [(f.match, f.position.line, f.suggestions) for f in fs] == [(minor, 5, (major,))]


@pytest.mark.parametrize("text", [
    # other bodies: the word that differs is the organisation word, or a place or demonym
    "The Defence Ministry and the Defence Department both replied. Defence Ministry staff left.",
    "The Central Bank of Nigeria cut rates; the Central Bank of Niger held them.",
    "The Kenya Wildlife Service Board met the Kenyan Wildlife Service Board.",
    # two committees whose names share a stem but not a word
    "The International Affairs Committee met before the Internal Affairs Committee did.",
    "The Eastern Regional Council and the Western Regional Council merged.",
    # parties named for an idea and for its follower are two parties
    "The National Party and the Nationalist Party both lost seats. The National Party conceded.",
    "The Social Party and the Socialist Party split.",
    # one service and several are not spellings of one word
    "The Kenya Wildlife Service said the park was shut. The Kenya Wildlife Services fund paid.",
    # one name, one spelling, different contexts
    "The Kenya Meteorological Department said rain would ease. Kenya Meteorological Department staff agreed.",
])
def test_organisations_that_are_not_variants(text: str) -> None:
    assert findings(text) == []


# --- do-not-merge cases in articles ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "North Korean leader Kim Jong Un inherited power from his father Kim Jong Il. Kim Jong Un has since "
    "tested missiles.",
    "Fidel Castro ruled Cuba for decades before Raúl Castro took over. Raúl Castro retired in 2021.",
    "Serena Williams and Venus Williams won the doubles. Venus Williams said it was special.",
    "Mohammed bin Salman met Mohammed bin Zayed in Riyadh. Mohammed bin Salman later flew home.",
    "Ministers from Austria, Australia, Niger and Nigeria met. Slovakia and Slovenia sent envoys, as did "
    "Iran and Iraq. Latvia and Lithuania abstained.",
    "The team from Niger arrived first. Later the team from Nigeria arrived. Slovakia won. Slovenia lost. "
    "Iran protested. Iraq did not. Austria's coach praised Australia.",
    "The mayor, Tom Baker, said the plan was sound. His critic, Anne Baker, disagreed.",
    "President Ilham Aliyev met the first vice-president, Mehriban Aliyeva. Aliyev said Aliyeva would lead.",
    "Sviatlana Tsikhanouskaya spoke about her husband, Siarhei Tsikhanouski, who is in prison.",
    "Daniel Smith and his sister Daniela Smith ran the shop. Daniel Smith said sales were up.",
    "Rustam Ismailov succeeded his father, Bakhtiyar Ismailow, in 2003. Rustam Ismailov has ruled since.",
    "Even so, Evan Jones said the deal was done. Evan Jones left.",
    "Grant Shapps visited the Grand Hotel. Mr Shapps said the hotel was grand.",
    "Bashar al-Assad spoke. Assad said the war was over.",
])
def test_different_people_and_places_are_not_merged(text: str) -> None:
    assert findings(text) == []


# --- preferred form: house list, majority, first use ----------------------------------------------

def test_house_list_wins_over_the_majority() -> None:
    text = ("Alyaksandr Lukashenka met the envoy. Lukashenka said the talks went well.\n\n"
            "Lukashenko left for Minsk.")
    fs = findings(text)
    # the full name is reported whole; the bare surname alone
    assert [f.match for f in fs] == ["Alyaksandr Lukashenka", "Lukashenka"]
    assert [f.suggestions for f in fs] == [("Alyaksandr Lukashenko",), ("Lukashenko",)]
    # the given name is used one way only: a house preference, not an inconsistency
    assert [(f.match, f.suggestions, f.category) for f in findings(text, HOUSE)] == [
        ("Alyaksandr", ("Alexander",), "style")]


def test_tie_prefers_first_use() -> None:
    fs = findings("Oksana Marchenko spoke. Oksana Marchenka replied.")
    assert [f.match for f in fs] == ["Oksana Marchenka"]
    assert fs[0].suggestions == ("Oksana Marchenko",)


def test_consistent_article_with_house_rejected_form_is_style() -> None:
    fs = findings("Officials in Kiev said the corridor would stay open. Kiev's mayor agreed.", HOUSE)
    assert [f.match for f in fs] == ["Kiev", "Kiev"]
    assert all(f.category == "style" and f.suggestions == ("Kyiv",) for f in fs)
    assert findings("Officials in Kiev said the corridor would stay open.", NAMES) == []


def test_house_keep_phrase() -> None:
    assert findings("She ordered chicken Kiev at a cafe in Kyiv.", HOUSE) == []


def test_house_list_given_name_belongs_to_its_person() -> None:
    # the list maps Alyaksandr -> Alexander for Lukashenko only
    assert findings("Alyaksandr Milinkevich spoke in Minsk. Milinkevich left.", HOUSE) == []
    assert [f.match for f in findings("Alyaksandr Lukashenka spoke in Minsk.", HOUSE)] == ["Alyaksandr",
                                                                                           "Lukashenka"]


def test_config_names_list_overrides_and_extends(tmp_path: Path) -> None:
    (tmp_path / "house.yml").write_text(yaml.safe_dump({"names": [
        {"name": "Volodymyr Zelensky", "variants": ["Zelenskyy", "Zelenskiy"], "note": "our style"},
        {"name": "Tymoshenko", "variants": ["Timoshenko"]},
    ]}), encoding="utf-8")
    cfg_path = tmp_path / ".deskcheck.yaml"
    cfg_path.write_text("names: [house.yml]\n", encoding="utf-8")
    cfg = load_config(cfg_path)
    fs = findings("Volodymyr Zelenskyy spoke. Zelenskyy left.", HOUSE, config=cfg)
    assert [f.suggestions for f in fs] == [("Zelensky",), ("Zelensky",)]
    assert [f.match for f in findings("Timoshenko spoke.", HOUSE, config=cfg)] == ["Timoshenko"]
    # the bundled list still applies to names the newsroom's list does not mention
    assert [f.match for f in findings("Officials in Kiev spoke.", HOUSE, config=cfg)] == ["Kiev"]


def test_house_lists_merge_later_wins(tmp_path: Path) -> None:
    a, b = tmp_path / "a.yml", tmp_path / "b.yml"
    a.write_text("names:\n  - name: Kyiv\n    variants: [Kiev]\n", encoding="utf-8")
    b.write_text("names:\n  - name: Kiev\n    variants: [Kyiv]\n", encoding="utf-8")
    house = load_house_lists([a, b])
    assert house.head("Kyiv") is not None and house.head("Kyiv")[0] == "Kiev"


def test_bundled_names_list_is_well_formed() -> None:
    from deskcheck.rules import bundled_rules_dir
    data = yaml.safe_load((bundled_rules_dir() / "Deskcheck" / "data" / "names.yml").read_text(encoding="utf-8"))
    names = [e["name"] for e in data["names"]]
    assert len(names) == len(set(names))
    forms = [v for e in data["names"] for v in e.get("variants", [])]
    assert not set(forms) & set(names), "a variant must not be another entry's preferred form"
    for e in data["names"]:
        assert e["name"] not in e.get("variants", [])
        for phrase in e.get("keep", []):
            # a kept phrase is longer than a bare variant, or it would switch the variant off
            assert phrase not in e.get("variants", []) and any(v in phrase for v in e["variants"]), phrase
    assert data["distinct"] == sorted(data["distinct"])


def test_dictionary_interface() -> None:
    assert is_dictionary_word("after") and is_dictionary_word("After")
    assert not is_dictionary_word("Lukashenko")


# --- spans ----------------------------------------------------------------------------------------

def test_finding_span_is_the_variant_only() -> None:
    text = "President Volodymyr Zelenskyy spoke.\n\nZelensky's aides said the talks went on."
    fs = findings(text)
    assert [(f.match, f.position.line, f.position.column) for f in fs] == [("Zelensky", 3, 1)]
    assert [r.position.line for r in fs[0].related] == [1]


# --- archive --------------------------------------------------------------------------------------

def _archive(folder: Path, usual: int, odd: int) -> None:
    for i in range(usual):
        (folder / f"u{i}.md").write_text(f"Yulia Tymoshenko spoke on day {i}. Tymoshenko left.\n", encoding="utf-8")
    for i in range(odd):
        (folder / f"o{i}.md").write_text(f"Timoshenko spoke on day {i}. Timoshenko left.\n", encoding="utf-8")


def test_archive_mode_reports_minority_articles(tmp_path: Path) -> None:
    _archive(tmp_path, usual=5, odd=1)
    result = run([str(tmp_path)], Options(archive=True))
    by_file = {Path(fr.path).name: [f for f in fr.findings if f.rule == ARCHIVE] for fr in result.files}
    assert [f.match for f in by_file["o0.md"]] == ["Timoshenko", "Timoshenko"]
    assert by_file["o0.md"][0].suggestions == ("Tymoshenko",) and by_file["o0.md"][0].category == "style"
    assert all(not fs for name, fs in by_file.items() if name != "o0.md")
    # off by default
    assert not any(f.rule == ARCHIVE for fr in run([str(tmp_path)]).files for f in fr.findings)


def test_archive_mode_from_config(tmp_path: Path) -> None:
    _archive(tmp_path, usual=5, odd=1)
    (tmp_path / ".deskcheck.yaml").write_text("archive: true\n", encoding="utf-8")
    assert any(f.rule == ARCHIVE for fr in run([str(tmp_path)]).files for f in fr.findings)
    assert not any(f.rule == ARCHIVE for fr in run([str(tmp_path)], Options(archive=False)).files
                   for f in fr.findings)


def test_archive_without_a_clear_majority_reports_nothing(tmp_path: Path) -> None:
    _archive(tmp_path, usual=5, odd=2)
    assert not any(f.rule == ARCHIVE for fr in run([str(tmp_path)], Options(archive=True)).files
                   for f in fr.findings)


def test_names_learn_writes_a_list_the_config_loads(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    _archive(archive, usual=5, odd=1)
    out = tmp_path / "learned.yml"
    res = CliRunner().invoke(cli, ["names", "learn", str(archive), "-o", str(out)])
    assert res.exit_code == 0, res.output
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    entry = next(e for e in data["names"] if e["name"] == "Tymoshenko")
    assert entry["variants"] == ["Timoshenko"] and entry["counts"] == {"Tymoshenko": 5, "Timoshenko": 1}
    cfg = tmp_path / ".deskcheck.yaml"
    cfg.write_text(f"names: [{out.name}]\n", encoding="utf-8")
    fs = findings("Timoshenko spoke in Kyiv.", HOUSE, config=load_config(cfg))
    assert [f.match for f in fs] == ["Timoshenko"] and fs[0].suggestions == ("Tymoshenko",)


def test_learned_usual_form_catches_an_unlisted_close_variant(tmp_path: Path) -> None:
    (tmp_path / "l.yml").write_text("names:\n  - name: Kravchenko\n", encoding="utf-8")
    (tmp_path / ".deskcheck.yaml").write_text("names: [l.yml]\n", encoding="utf-8")
    cfg = load_config(tmp_path / ".deskcheck.yaml")
    assert [f.match for f in findings("Olha Kravchenka spoke.", HOUSE, config=cfg)] == ["Kravchenka"]
    assert findings("Olha Kravchenko spoke.", HOUSE, config=cfg) == []


# --- the rules' own examples ---------------------------------------------------------------------

@pytest.mark.parametrize("rule", [NAMES, HOUSE])
def test_rule_examples(rule: str) -> None:
    from deskcheck.rules import bundled_rules_dir, load_rule
    style = bundled_rules_dir() / "Deskcheck"
    r = load_rule(style / f"{rule.split('.')[1]}.yml", "Deskcheck", style)
    assert r is not None
    for ex in r.examples.get("bad", []):
        assert findings(ex if isinstance(ex, str) else ex["text"], rule), ex
    for ex in r.examples.get("good", []):
        assert not findings(ex if isinstance(ex, str) else ex["text"], rule), ex


def test_cli_archive_flag(tmp_path: Path) -> None:
    import json
    _archive(tmp_path, usual=5, odd=1)
    res = CliRunner().invoke(cli, ["report", "--archive", "--format", "json", str(tmp_path)])
    data = json.loads(res.output)
    hits = [(Path(fr["path"]).name, f["match"]) for fr in data["files"] for f in fr["findings"] if f["rule"] == ARCHIVE]
    assert hits == [("o0.md", "Timoshenko"), ("o0.md", "Timoshenko")]
    res = CliRunner().invoke(cli, ["names", "learn", str(tmp_path)])
    assert res.exit_code == 0 and "Tymoshenko" in yaml.safe_load(res.output)["names"][0]["name"]


def test_accepted_spelling_is_not_reported() -> None:
    text = ("<!-- deskcheck-accept Lukashenka -->\n\nAlexander Lukashenko, known in Belarusian as "
            "Lukashenka, spoke. Lukashenko left.")
    assert findings(text) == [] and findings(text, HOUSE) == []


def test_archive_keeps_people_with_different_given_names_apart(tmp_path: Path) -> None:
    for i in range(6):
        (tmp_path / f"r{i}.md").write_text(f"Rustam Karimov spoke on day {i}. Karimov left.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("Bakhtiyar Karimow, a farmer, spoke. Karimow left.\n", encoding="utf-8")
    assert not any(f.rule == ARCHIVE and "archive" in f.message for fr in run([str(tmp_path)], Options(archive=True)).files
                   for f in fr.findings)


DISTINCT_PEOPLE = ["Amara Okafor", "Lars Lindqvist", "Chen Wei", "Priya Raman", "Tomasz Nowak", "Isabel Duarte",
                   "Kwame Mensah", "Yuki Tanaka", "Omar Haddad", "Greta Vogel", "Dmytro Bondar", "Leila Farouk"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(DISTINCT_PEOPLE), min_size=2, max_size=12),
       st.sampled_from([" said the plan would work.", ", the minister, disagreed.", " and her aide left."]))
def test_unrelated_names_in_any_order_are_never_variants(people: list[str], tail: str) -> None:
    text = " ".join(f"{p}{tail} {p.split()[-1]} spoke again." for p in people)
    assert findings(text) == []


def test_organisation_written_with_ampersand_and_with_and() -> None:
    from deskcheck import check_text
    text = ("The Fisheries and Marine Authority opened an inquiry on Monday.\n\n"
            "A spokesman for the Fisheries & Marine Authority declined to comment.\n\n"
            "The Fisheries and Marine Authority later published its report.\n")
    found = [(f.position.line, f.match, f.suggestions) for f in check_text(text, "md") if f.rule == "Deskcheck.Names"]
    assert found == [(3, "Fisheries & Marine Authority", ("Fisheries and Marine Authority",))]


def test_two_bodies_joined_by_and_are_not_variants() -> None:
    from deskcheck import check_text
    text = ("The Department of Health and Social Care said it would respond.\n\n"
            "The Department of Health in Wales said nothing.\n")
    assert [f for f in check_text(text, "md") if f.rule == "Deskcheck.Names"] == []


# --- the candidate scan --------------------------------------------------------------------------

# letters, marks, the separators a name may hold, and the punctuation and spaces around names,
# ASCII and not: what could make the quick scan and the full pattern disagree
_SCAN_ALPHABET = st.sampled_from(list("AaBbDdEeIiLlSsTtUuVvZzKkMcO'’-. ,;:\"“”«»()\n\u00a0\u2014")
                                 + ["É", "é", "Đ", "ß", "İ", "ı", "ſ", "\u0301", "Ж", "ж", "µ", "ª", "€", "1"]
                                 + ["al-", "el-", "d'", "bin ", "van der ", "de ", "della ", "The "])


@settings(max_examples=400, deadline=None)
@given(st.lists(_SCAN_ALPHABET, max_size=40).map("".join), st.integers(0, 5), st.integers(0, 5))
def test_candidate_scan_matches_the_full_pattern(text: str, cut_start: int, cut_end: int) -> None:
    """The re-based scan finds exactly the words the full pattern finds, inside any block bounds."""
    from deskcheck.analysis.names import _CANDIDATE, _candidates

    start, end = min(cut_start, len(text)), max(min(len(text), len(text) - cut_end), min(cut_start, len(text)))
    want = [(m.start(), m.group()) for m in _CANDIDATE.finditer(text, start, end)]
    got = _candidates(text, start, end)
    assert got == want


# pieces of name runs: capitalised words (ASCII and not), particles before them, joined particles,
# initials, titles and the separators between words
_MENTION_ALPHABET = st.sampled_from(
    list(" ,.'’-\u00a0\n“\"") + ["Smith", "Berg", "Ávila", "Đoković", "O'Neill", "Jong-Un", "pro-Russian", "al-Qaeda",
                                   "d'Estaing", "aſ-Qaeda", "bin ", "van ", "der ", "de ", "della ", "ten ", "bint ",
                                   "M. ", "Mr ", "President ", "The ", "the ", "and ", "said", "Monday", "Kyiv-based",
                                   "KYIV ", "É", "é", "Ж", "ж", "\u0301", "1"])


def _doc_of(blocks: list[str], sep: str = "\n\n"):
    from deskcheck.model import Block, Document, IdentityMap, Span
    text, spans = "", []
    for i, b in enumerate(blocks):
        if i:
            text += sep
        spans.append(Span(len(text), len(text) + len(b)))
        text += b
    kinds = ["title"] + ["paragraph"] * len(blocks)
    return Document("t.md", "md", text, text, [Block(kinds[i], sp, i) for i, sp in enumerate(spans)], IdentityMap())


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_MENTION_ALPHABET, max_size=25).map("".join), min_size=1, max_size=4),
       st.sampled_from(["\n\n", "\n", " ", ""]))
def test_whole_text_scan_gives_the_mentions_of_block_by_block_scans(blocks: list[str], sep: str) -> None:
    """One scan of the article (lowercase particles read only where a candidate follows them at a
    space's distance) gives the mentions each block's own full scan gives; blocks whose neighbours
    are not line breaks (sep " " or "") are scanned alone."""
    from deskcheck.analysis.names import mentions_per_block
    doc = _doc_of(blocks, sep)
    assert mentions(doc) == mentions_per_block(_doc_of(blocks, sep))


@settings(max_examples=300, deadline=None)
@given(st.lists(_MENTION_ALPHABET, max_size=40).map("".join))
def test_whole_text_scan_finds_every_candidate_but_idle_particles(text: str) -> None:
    """Every `_CANDIDATE` match of the text is found, but lowercase particles not followed by a
    space and another candidate found; nothing else is found."""
    from deskcheck.analysis.names import _CANDIDATE, PARTICLES, _text_candidates
    want = [(m.start(), m.group()) for m in _CANDIDATE.finditer(text)]
    got, positions = _text_candidates(text)
    assert positions == [p for p, _w in got]
    assert set(got) <= set(want)
    starts = set(positions)
    for p, w in set(want) - set(got):
        assert w in PARTICLES and not (text[p + len(w):p + len(w) + 1] in (" ", "\u00a0") and p + len(w) + 1 in starts)


def test_mentions_of_non_ascii_and_joined_names() -> None:
    text = ("Đoković beat Müller. Officials of al-Qaeda met Jean-Claude Van Damme in São Paulo; "
            "Ahmed bin Salman and Leonardo da Vinci's heirs spoke.")
    # "Officials" opens a sentence and is an ordinary word: no name
    assert mention_texts(text) == ["Đoković", "Müller", "al-Qaeda", "Jean-Claude Van Damme", "São Paulo",
                                   "Ahmed Salman", "Leonardo Vinci"]


def test_latin_fold_table_agrees_with_anyascii() -> None:
    # fold() skips anyascii for Latin letters with marks; the table must say what anyascii says
    from anyascii import anyascii

    from deskcheck.analysis.names import _latin_table
    table = _latin_table()
    assert len(table) > 100
    for cp, base in table.items():
        assert anyascii(chr(cp)) == base, hex(cp)
    for word in ("Đoković", "Erdoğan", "Zürich", "Łódź", "Зеленский", "Straße", "Æsir"):
        assert fold(word) == fold(anyascii(word.replace("Đ", "Dj")))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 400), st.integers(0, 400)), max_size=6), st.booleans())
def test_mentions_in_scope_are_those_a_segment_contains(cuts: list[tuple[int, int]], blocks_too: bool) -> None:
    """in_scope (blocks that are segments found in a set; all of them: every mention) keeps
    exactly the mentions one of the rule's segments contains."""
    from deskcheck.kinds.base import Context, Settings
    from deskcheck.kinds.names import in_scope
    from deskcheck.model import Span
    doc = parse("# Kim Jong Un in Kyiv\n\nPresident Volodymyr Zelenskyy met Mr Smith in Odesa.\n\n"
                "Ahmed bin Salman and Leonardo da Vinci's heirs spoke in São Paulo on Monday.\n", "md", "t.md")
    segments = [Span(min(a, b), max(a, b)) for a, b in cuts if min(a, b) <= len(doc.text)]
    if blocks_too:
        segments += [b.span for b in doc.blocks]
    ctx = Context(doc, doc.text, segments, Settings())
    want = [m for m in mentions(doc) if any(s.contains(m.span) for s in segments)]
    assert list(in_scope(ctx)) == want


_GROUPING_TEXTS = [
    "Alexander Lukashenko met the delegation in Minsk. Lukashenka said the talks had gone well. Lukashenko left.",
    "Councillor Geoff Hargreaves proposed the plan. Jeff Hargreaves said it would pass. Mr Hargreaves smiled.",
    "Officials in Kiev and Kyiv met Mohammed bin Salman and Kim Jong Un; Kim Jong-un left for Odesa, not Odessa.",
    "Venus Williams beat her sister Serena Williams. Ilham Aliyev and Heydar Aliev spoke. The Black Sea was calm.",
]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(_GROUPING_TEXTS), st.data())
def test_groups_left_out_are_only_unkept_one_spelling_names(text: str, data: st.DataObject) -> None:
    """group_names with `keep` (`keep_given`) gives the full grouping less the heads (a person's
    given names) spelled one way it refuses."""
    from deskcheck.analysis.names import group_names
    doc = parse(text, "md", "t.md")
    ms = mentions(doc)
    full = group_names(doc, ms)
    forms = sorted({f for g in full for f in g.forms})
    kept = data.draw(st.sets(st.sampled_from(forms)) if forms else st.just(set()))
    kept_given = data.draw(st.sets(st.sampled_from(forms)) if forms else st.just(set()))
    got = group_names(doc, ms, keep=kept.__contains__, keep_given=kept_given.__contains__)
    # the groups kept come in the full grouping's order; every one left out is a name spelled
    # one way that the caller refused, and every such head is left out
    rest = iter(full)
    assert all(any(g == f for f in rest) for g in got)
    for g in full:
        if g in got:
            continue
        assert len(g.forms) == 1 and g.role in ("head", "given")
        assert next(iter(g.forms)) not in (kept if g.role == "head" else kept_given)
    for g in full:
        if g.role == "head" and len(g.forms) == 1 and next(iter(g.forms)) not in kept:
            assert g not in got


def test_given_keys_answer_for_every_surname() -> None:
    """A given name whose folded spelling is not among HouseList.given_keys has no house form."""
    from deskcheck.analysis.names import HouseEntry, HouseList
    house = HouseList()
    house.add(HouseEntry("Volodymyr Zelenskyy", ("Vladimir Zelensky", "Volodimir Zelenskiy")))
    house.add(HouseEntry("Mikheil Saakashvili", ("Mikhail Saakashvili",)))
    keys = house.given_keys()
    for (given_key, _surname), _hit in house.given.items():
        assert given_key in keys
    assert house.given_name("Mikhail", "Saakashvili") is not None and fold("Mikhail") in keys
    assert fold("Boris") not in keys and house.given_name("Boris", "Saakashvili") is None
    house.add(HouseEntry("Boris Johnson", ("Borys Johnson",)))
    assert fold("Borys") in house.given_keys()


_SURNAME_TEXTS = st.sampled_from(["Gordon Brown", "Brown", "Mr Brown", "Brown said", "Brown's", "the Black Sea",
                                  "Black", "Black said", "Tywi Valley Council", "Council", "Council said",
                                  "United States", "States said", "Jane Grant", "Grant", "Grant told",
                                  "Labour Party", "Party", "Party's", "Green Party"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_SURNAME_TEXTS, st.sampled_from([". ", " and ", ", ", ". The ", " met "])), max_size=8))
def test_surnames_marked_where_they_decide_person_likeness(parts: list[tuple[str, str]]) -> None:
    """Marking only the forms whose mark can decide person_like gives every mention the
    person-likeness (and all else) that marking every form alone-used gives."""
    from deskcheck.analysis.names import MentionTable, _mark_surnames, mentions_per_block
    text = "".join(a + b for a, b in parts) or "Nothing here."
    doc = parse(text, "md", "t.md")
    got = mentions(doc)
    table = MentionTable.of([m.replace(surname_alone=False) for m in mentions_per_block(doc)])
    table._objects = None       # (made again from the table, with its marks)
    _mark_surnames(doc, table, every=True)
    plain = list(table)
    assert [m.person_like for m in got] == [m.person_like for m in plain]
    assert [m.replace(surname_alone=False) for m in got] == [m.replace(surname_alone=False) for m in plain]


_ORG_PIECES = st.sampled_from([
    "The Lesotho Meteorological Service warned of snow", "The Lesotho Meteorology Service lifted it",
    "the Fisheries & Marine Authority", "the Fisheries and Marine Authority", "Ministry of Health",
    "Ministry of Defence", "Ministry of Defense", "Kim Jong Un", "Kim Jong-un", "al-Qaeda", "Al Qaeda",
    "Mohammed bin Salman", "Mohammed Bin Salman", "Tywi Valley Council", "Jane Smith", "Smith"])


@settings(max_examples=100, deadline=None)
@given(st.lists(_ORG_PIECES, min_size=1, max_size=7))
def test_grouping_hands_spacing_and_organisation_groupings_what_they_read(pieces: list[str]) -> None:
    """group_names passes the spacing grouping only the mentions it reads and the organisation
    grouping the mentions that may hold an organisation word: their groups are those of the
    plain calls over every mention."""
    from deskcheck.analysis.names import group_names, phrase_groups, spacing_groups
    doc = parse(". ".join(pieces) + ".", "md", "t.md")
    ms = mentions(doc)
    groups = group_names(doc, ms)
    assert [g for g in groups if g.role == "mention"] == spacing_groups(doc, ms)
    assert [g for g in groups if g.role == "phrase"] == phrase_groups(doc, ms)


def _spacing_groups_plain(doc, ms):
    """spacing_groups as it was before its quick "no name written two ways" exit: every key's
    forms built and read."""
    from deskcheck.analysis.names import NameGroup, NameToken, Occurrence
    ms = [m for m in ms if len(m.tokens) > 1 or "-" in (w := m.tokens[0].text) or "'" in w or "’" in w]
    if len(ms) < 2:
        return []
    by_key: dict = {}
    for m in ms:
        surface = " ".join(doc.text[m.span.start:m.span.end].split())
        if len(m.tokens) < 2 and not any(c in surface for c in "-'’ "):
            continue
        by_key.setdefault(fold(surface), {}).setdefault(surface.lower(), []).append((surface, m))
    out = []
    for key, forms in by_key.items():
        if len(forms) < 2 or len({len(uses[0][1].tokens) for uses in forms.values()}) < 2:
            continue
        g = NameGroup("mention")
        for uses in forms.values():
            g.forms[uses[0][0]] = [Occurrence(NameToken(s, m.span, s, key, False), m, "mention") for s, m in uses]
        out.append(g)
    return out


_SPACING_PIECES = st.sampled_from([
    "Kim Jong Un", "Kim Jong-un", "Kim Jong-Un", "KIM JONG UN", "Al Qaeda", "al-Qaeda", "Al-Qaeda",
    "Mohammed bin Salman", "Mohammed Bin Salman", "Jean-Claude Van Damme", "Jean Claude Van Damme",
    "Jean-Claude  Van Damme", "O'Neill", "O Neill", "Jane Smith", "Smith", "Ho Chi Minh", "Ho Chi-minh"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_SPACING_PIECES, st.sampled_from([". ", " met ", ", ", "\n\n", " and "])), max_size=8))
def test_spacing_grouping_quick_exit_gives_the_plain_groups(parts: list[tuple[str, str]]) -> None:
    """spacing_groups, which returns at once when no folded key is written two ways, gives the
    groups of the plain version that builds and reads every key's forms."""
    from deskcheck.analysis.names import spacing_groups
    doc = parse("".join(a + b for a, b in parts) or "Nothing.", "md", "t.md")
    ms = mentions(doc)
    assert spacing_groups(doc, ms) == _spacing_groups_plain(doc, ms)
    spaced = [m for m in ms if len(m.tokens) > 1 or "-" in (w := m.tokens[0].text) or "'" in w or "’" in w]
    assert spacing_groups(doc, spaced, spaced=True) == _spacing_groups_plain(doc, ms)


def _doc_of_text(text: str):
    from deskcheck.model import Block, Document, IdentityMap, Span
    return Document("t.md", "md", text, text, [Block("paragraph", Span(0, len(text)), 0)], IdentityMap())


def _sentence_starts_plain(text: str) -> set[int]:
    """`_sentence_starts` as it was: `_QUOTE_OPENING` tried at every quotation mark."""
    from deskcheck.analysis.names import _OPENERS, _QUOTE_MARKS, _QUOTE_OPENING
    from deskcheck.analysis.sentences import sentences
    starts = set()
    for s in sentences(_doc_of_text(text)):
        i = s.span.start
        while i < s.span.end and text[i] in _OPENERS:
            i += 1
        starts.add(i)
    for mark in _QUOTE_MARKS:
        i = text.find(mark)
        while i >= 0:
            m = _QUOTE_OPENING.match(text, i)
            if m is not None:
                starts.add(m.end())
            i = text.find(mark, i + 1)
    return starts


def _sentence_starts_of(text: str) -> set[int]:
    from deskcheck.analysis.names import _sentence_starts
    return _sentence_starts(_doc_of_text(text))


def test_quote_openings_read_ascii_as_the_pattern_does() -> None:
    """After every mark, white space (ASCII or not) and every ASCII character, then the text's
    end, a capital or a non-ASCII space and capital: the quick reading of the quotation openings
    gives the pattern's."""
    from deskcheck.analysis.names import _QUOTE_MARKS
    for mark in _QUOTE_MARKS:
        for gap in ("", " ", " \n\x0b\x0c\r\t", "\x1c", " \u2009"):
            for c in map(chr, range(128)):
                for tail in ("", "A", "\u00a0É"):
                    text = "x " + mark + gap + c + tail
                    assert _sentence_starts_of(text) == _sentence_starts_plain(text), repr(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("“\"‘«”’ \t\n\u00a0\u2009AaÉéЖж1.,") + ["He ", "she "]), max_size=30).map("".join))
def test_quote_openings_as_the_pattern_finds_them(text: str) -> None:
    assert _sentence_starts_of(text) == _sentence_starts_plain(text)
