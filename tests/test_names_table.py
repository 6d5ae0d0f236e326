"""The names analysis as a table of plain data (MentionTable): the mentions, the grouping and the
house check's set operations give exactly what the object-per-word path gave (tests/names_plain.py)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from names_plain import group_names as plain_group_names
from names_plain import mentions_plain, phrase_groups as plain_phrase_groups
from names_plain import spacing_groups as plain_spacing_groups

from deskcheck.analysis.names import (MentionTable, _coordinated, group_names, mention_table, mentions,
                                      mentions_per_block, phrase_groups, spacing_groups)
from deskcheck.formats import parse
from deskcheck.model import Block, Document, IdentityMap, Span

# pieces of articles: names of one and several words, particles, initials, titles, possessives,
# spellings of one name, organisations, ordinary capitalised words, sentence and block breaks
_PIECES = st.sampled_from([
    "Smith", "Smyth", "Jane Smith", "Mr Smith", "Mrs Smith", "Gordon Brown", "Brown", "Brown said", "Brown's",
    "Mr Brown", "Black", "the Black Sea", "Tywi Valley Council", "Council said", "United States", "Ilham Aliyev",
    "Heydar Aliev", "Aliyeva", "Alexander Lukashenko", "Lukashenka", "Aleksandr Lukashenko", "Kyiv", "Kiev",
    "Odesa", "Odessa", "Mohammed bin Salman", "Mohammed Bin Salman", "Kim Jong Un", "Kim Jong-un", "al-Qaeda",
    "Al Qaeda", "Katherine M. Morales", "Kathryn Morales", "Judge Katherine Morales", "Clara Grey", "Claire Grey",
    "Michelle Grey", "Mitchell Grey", "her sister", "Geoff Hargreaves", "Jeff Hargreaves", "Mikheil Saakashvili",
    "Mikhail Saakashvili", "Ministry of Health", "Ministry of Defence", "Ministry of Defense",
    "The Lesotho Meteorological Service", "The Lesotho Meteorology Service", "Fisheries & Marine Authority",
    "Fisheries and Marine Authority", "Latvia and Lithuania", "Iran, Iraq", "Volodymyr Zelenskyy", "Zelenskyi",
    "Zelensky", "Belta", "BelTA", "chicken Kiev", "Monday", "After", "The", "KYIV ", "Đoković", "Djokovic",
    "Jean-Claude Van Damme", "O'Neill", "O'Neil", "Mary O'Neill", "Mary O'Neil", "Kyiv-based", ", 34,",
    " said", " met ", " and ", ", ", ". ", ".\n\n", "\n\n# ", " told ", " “", "” ", " the "])


def _article(pieces: list[str]) -> str:
    return " ".join(pieces) + "." if pieces else "Nothing here."


def _doc(text: str) -> Document:
    return parse(text, "md", "t.md")


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=30))
def test_table_mentions_are_the_plain_scans_mentions(pieces: list[str]) -> None:
    """The mentions made from the table (lazily, each object on first use) equal the object
    scan's, surname marks included; per block too."""
    text = _article(pieces)
    assert mentions(_doc(text)) == mentions_plain(_doc(text))
    assert mentions_per_block(_doc(text)) == mentions_plain(_doc(text))


@settings(max_examples=100, deadline=None)
@given(st.lists(_PIECES, max_size=30), st.data())
def test_table_of_objects_and_subsets_give_the_same_mentions(pieces: list[str], data: st.DataObject) -> None:
    """A table made from Mention objects hands them back; a subset's mentions are those picked;
    each word's owner is its mention."""
    doc = _doc(_article(pieces))
    table = mention_table(doc)
    ms = list(table)
    assert list(MentionTable.of(ms)) == ms
    picked = sorted(data.draw(st.sets(st.integers(0, max(0, len(ms) - 1)))) if ms else [])
    sub = table.subset(picked)
    assert list(sub) == [ms[i] for i in picked]
    assert [info.form for info in sub.words()] == [t.form for i in picked for t in ms[i].tokens]
    for k, i in enumerate(picked):
        first, stop = sub.rows[k][:2]
        for j in range(first, stop):
            assert sub.owner(j) == k
            assert sub.occurrence(j, "head").token == ms[i].tokens[j - first]


def _plain_and_table_groups(doc: Document, keep_forms: set[str] | None, keep_given: set[str] | None,
                            forced: list[tuple[str, str]], distinct: frozenset[str]) -> tuple[list, list, list]:
    keep = None if keep_forms is None else keep_forms.__contains__
    given_ = None if keep_given is None else keep_given.__contains__
    plain = plain_group_names(doc, mentions_plain(doc), distinct, forced, keep, given_)
    table = group_names(doc, mention_table(doc), distinct, forced, keep, given_)
    objects = group_names(doc, mentions(doc), distinct, forced, keep, given_)
    return plain, table, objects


@settings(max_examples=250, deadline=None)
@given(st.lists(_PIECES, max_size=30), st.data())
def test_table_grouping_is_the_object_grouping(pieces: list[str], data: st.DataObject) -> None:
    """group_names over the table (occurrences made for the groups kept) gives the groups of the
    object path, with any `keep`, `keep_given`, forced pairs and distinct names."""
    doc = _doc(_article(pieces))
    forms = sorted({t.form for m in mentions(doc) for t in m.tokens})
    some = st.sets(st.sampled_from(forms)) if forms else st.just(set())
    keep = data.draw(st.none() | some)
    keep_given = data.draw(st.none() | some)
    forced = data.draw(st.lists(st.tuples(st.sampled_from(forms), st.sampled_from(forms)), max_size=3)
                       if forms else st.just([]))
    distinct = frozenset(data.draw(st.sets(st.sampled_from(["kyiv", "latvia", "lithuania", "iran", "iraq"]))))
    plain, table, objects = _plain_and_table_groups(doc, keep, keep_given, forced, distinct)
    assert table == plain
    assert objects == plain


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=30))
def test_table_side_by_side_spacing_and_organisations(pieces: list[str]) -> None:
    """The table versions of the side-by-side pairs, the spacing grouping and the organisation
    grouping answer as the object versions do."""
    from names_plain import _coordinated as plain_coordinated
    doc = _doc(_article(pieces))
    ms = mentions_plain(doc)
    table = mention_table(doc)
    forms = {t.form for m in ms for t in m.tokens}
    for some in (None, forms, set(sorted(forms)[::2])):
        assert _coordinated(doc, table, some) == plain_coordinated(doc, ms, some)
    assert spacing_groups(doc, table) == plain_spacing_groups(doc, ms)
    assert phrase_groups(doc, table) == plain_phrase_groups(doc, ms)


def test_table_words_are_contiguous_per_mention() -> None:
    """Each row's words are the table's words first..stop-1, spanning start..end."""
    doc = _doc("Mohammed bin Salman met Katherine M. Morales in Kyiv. Mr Brown said Jean-Claude Van Damme's "
               "film was shown at the Ministry of Health.")
    table = mention_table(doc)
    stop_before = 0
    for first, stop, start, end, *_rest in table.rows:
        assert first == stop_before and stop > first
        assert start == table.starts[first]
        assert end == table.starts[stop - 1] + table.infos[stop - 1].length
        stop_before = stop
    assert stop_before == len(table.starts)


def _blocks_doc(blocks: list[str]) -> Document:
    text, spans = "", []
    for i, b in enumerate(blocks):
        if i:
            text += " "
        spans.append(Span(len(text), len(text) + len(b)))
        text += b
    return Document("t.md", "md", text, text, [Block("paragraph", sp, i) for i, sp in enumerate(spans)], IdentityMap())


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(_PIECES, max_size=8).map(" ".join), min_size=1, max_size=4))
def test_blocks_scanned_alone_give_the_plain_mentions(blocks: list[str]) -> None:
    """Blocks without line breaks around them (each scanned on its own) give the plain mentions."""
    assert mentions(_blocks_doc(blocks)) == mentions_plain(_blocks_doc(blocks))


def _plain_groups_for(doc: Document, house, archive: bool) -> list:  # type: ignore[no-untyped-def]
    """kinds.names.groups_for as it was: the house list asked form by form, `keep` a question
    per form, over the object mentions."""
    from deskcheck.analysis.names import fold
    from deskcheck.kinds.names import head_answer
    ms = mentions_plain(doc)
    forms = {t.form for m in ms for t in m.tokens}
    by_pref: dict[str, list[str]] = {}
    for f in forms:
        hit = house.head(f)
        if hit is not None:
            by_pref.setdefault(hit[0], []).append(f)
    forced = [(fs[0], f) for fs in by_pref.values() for f in fs[1:]]
    given_keys = house.given_keys()
    return plain_group_names(doc, ms, house.distinct, forced,
                             None if archive else (lambda form: head_answer(form, house) is not None),
                             lambda form: fold(form) in given_keys)


_HOUSE_PIECES = st.sampled_from(["Kiev", "Kyiv", "Belta", "BelTA", "chicken Kiev", "Zelenskyi", "Zelensky",
                                 "Volodymyr Zelenskyy", "Vladimir Zelensky", "Lukashenko", "Lukashenka",
                                 "Alexander Lukashenko", "Aleksandr Lukashenko", "Kim Jong Un", "Kim Jong-un",
                                 "Mikhail Saakashvili", "Mikheil Saakashvili", "Odessa", "Odesa", "Smith",
                                 "Jane Smith", " said", " in ", ". ", ".\n\n", " the ", " Mr "])


@settings(max_examples=150, deadline=None)
@given(st.lists(_HOUSE_PIECES, max_size=25), st.booleans(), st.booleans())
def test_groups_for_set_operations_are_the_per_form_questions(pieces: list[str], asked_before: bool,
                                                             archive: bool) -> None:
    """groups_for, which meets the article's forms with the forms the house list has answers for
    in set operations, groups as the per-form questions did; the answered set holds exactly the
    forms with an answer."""
    from deskcheck.kinds import names as kn
    from deskcheck.kinds.base import Context, Settings
    from deskcheck.rules import bundled_rules_dir, load_rule
    from deskcheck.scopes import segments
    style = bundled_rules_dir() / "Deskcheck"
    rule = load_rule(style / "HouseNames.yml", "Deskcheck", style)
    assert rule is not None
    doc = _doc(" ".join(pieces) or "Nothing.")
    settings_ = Settings(archive=object()) if archive else Settings()
    ctx = Context(doc, doc.text, list(segments(doc, rule.scope)), settings_, False)
    house = rule.kind.house(ctx)
    if not asked_before:
        house.head_answers.clear()
        house.answered.clear()
    got = kn.groups_for(ctx, kn.in_scope(ctx), house)
    assert got == _plain_groups_for(_doc(doc.text), house, archive)
    for form, answer in house.head_answers.items():
        assert (form in house.answered) == (answer is not None)
    for form, hit in house._heads_seen.items():
        assert (form in house.heads_hit) == (hit is not None)


_PAIR_FORMS = st.sampled_from(["Aliyev", "Aliev", "Aliyeva", "Odesa", "Odessa", "Smith", "Smyth", "Schmidt", "Kyiv",
                               "Kiev", "Lukashenko", "Lukashenka", "Tsikhanouskaya", "Tikhanovskaya", "Al", "Jo",
                               "Brown", "Braun", "Mikheil", "Mikhail", "Zelenskyy", "Zelenskyi", "Zelensky"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PAIR_FORMS, max_size=12))
def test_candidate_pairs_only_from_shared_buckets(forms: list[str]) -> None:
    """candidate_pairs, which builds only the buckets two forms share, gives the pairs of every
    bucket, added in the same order (so the set iterates alike)."""
    from deskcheck.analysis.names import _bucket_pairs, _buckets, candidate_pairs
    got = candidate_pairs(forms)
    plain = _bucket_pairs(_buckets(forms))
    assert got == plain
    assert list(got) == list(plain)


def _plain_whole_names(kind, ctx, groups, house, table):  # type: ignore[no-untyped-def]
    """Names._house_whole_names as it was: every mention's last word looked up in the tails."""
    from deskcheck.analysis.names import mention_surface
    from deskcheck.kinds import names as kn
    from deskcheck.model import Hit
    if not house.mentions:
        return
    spaced = {o.mention.span for g in groups if g.role == "mention" for o in kn._flat(g)}
    tails = house.mention_tails()
    worded = {o.token.span for g in groups if g.role != "mention" for form, occs in g.forms.items()
              if (h := kn.house_form(g, form, house)) is not None and h[0] != form for o in occs}
    for m in table:
        if m.tokens[-1].text.lower() not in tails or m.span in spaced:
            continue
        surface = mention_surface(ctx.doc, m)
        hit = house.mentions.get(surface.lower())
        if hit is None or hit[0].lower() == surface.lower() or any(t.span in worded for t in m.tokens):
            continue
        preferred, entry = hit
        yield Hit(m.span, kind.message(surface, preferred, kn._house_reason(entry.note)), (preferred,))


@settings(max_examples=150, deadline=None)
@given(st.lists(_HOUSE_PIECES, max_size=25))
def test_whole_name_house_check_skips_articles_without_a_listed_last_word(pieces: list[str]) -> None:
    """The whole-name house check, which returns at once when no word of the article is the last
    word of a listed whole name, reports what asking every mention reports."""
    from deskcheck.kinds import names as kn
    from deskcheck.kinds.base import Context, Settings
    from deskcheck.rules import bundled_rules_dir, load_rule
    from deskcheck.scopes import segments
    style = bundled_rules_dir() / "Deskcheck"
    rule = load_rule(style / "HouseNames.yml", "Deskcheck", style)
    assert rule is not None
    doc = _doc(" ".join(pieces) or "Nothing.")
    ctx = Context(doc, doc.text, list(segments(doc, rule.scope)), Settings(), False)
    house = rule.kind.house(ctx)
    table = kn.in_scope(ctx)
    groups = kn.groups_for(ctx, table, house)
    got = list(rule.kind._house_whole_names(ctx, groups, house, table))
    assert got == list(_plain_whole_names(rule.kind, ctx, groups, house, table))
