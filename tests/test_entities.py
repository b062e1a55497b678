"""Within-article entity resolution (dossier.extract.entities) and the gazetteer ruler (dossier.nlp.ruler).

The article texts are our own, written for these tests.
"""

from __future__ import annotations

import jsonschema

from dossier.extract.entities import Entity, EntityIndex, find_entities
from dossier.nlp.ruler import SPANS_KEY, load_gazetteer


def resolve(nlp, text: str) -> EntityIndex:
    return find_entities(nlp(text))


def entity(index: EntityIndex, entity_id: str) -> Entity:
    found = [e for e in index.entities if e.id == entity_id]
    assert found, f"{entity_id} not among {[e.id for e in index.entities]}"
    return found[0]


def texts(e: Entity) -> list[str]:
    return [m.text for m in e.mentions]


def offsets_of(text: str, phrase: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


TALKS = (
    "Kremlin spokesman Dmitry Peskov said on Monday that Moscow was ready for a new round of talks. "
    "Peskov added that Russia's defence ministry would publish the list of prisoners. "
    "The ministry said later that 150 soldiers had been returned."
)


def test_surname_joins_full_name(nlp):
    index = resolve(nlp, TALKS)
    peskov = entity(index, "person:dmitry-peskov")
    assert texts(peskov) == ["Dmitry Peskov", "Peskov"]
    assert peskov.name == "Dmitry Peskov"
    assert [e.id for e in index.entities].count("person:dmitry-peskov") == 1


def test_roles_from_title_before_the_name(nlp):
    peskov = entity(resolve(nlp, TALKS), "person:dmitry-peskov")
    assert peskov.roles == ["Kremlin spokesman"]
    assert (peskov.country, peskov.sector) == ("RUS", "GOV")


def test_institution_with_country_and_sector(nlp):
    index = resolve(nlp, TALKS)
    ministry = entity(index, "org:russian-ministry-of-defence")
    assert ministry.name == "Russian Ministry of Defence"
    assert (ministry.type, ministry.country, ministry.sector) == ("ORG", "RUS", "MIL")
    assert texts(ministry) == ["Russia's defence ministry"]
    kremlin = entity(index, "org:kremlin")
    assert (kremlin.type, kremlin.country, kremlin.sector) == ("ORG", "RUS", "GOV")


def test_seat_of_government_speaking_is_the_state(nlp):
    index = resolve(nlp, TALKS)
    assert "Moscow" in texts(entity(index, "gpe:russia"))
    assert all(e.id != "gpe:moscow" for e in index.entities)


def test_spelling_variants_merge(nlp):
    text = (
        "Ukrainian President Volodymyr Zelenskyy met European leaders in Brussels on Thursday. "
        "Zelensky told them that air defence remained the priority, and Zelenskiy's office later "
        "published a readout of the meeting."
    )
    index = resolve(nlp, text)
    zelensky = entity(index, "person:volodymyr-zelensky")
    assert zelensky.name == "Volodymyr Zelensky"
    assert sorted(set(texts(zelensky))) == ["Volodymyr Zelenskyy", "Zelenskiy", "Zelensky"]
    assert [e.type for e in index.entities].count("PERSON") == 1
    assert zelensky.roles == ["Ukrainian President"]


def test_unknown_person_spellings_and_surname(nlp):
    text = (
        "The talks were led by Andriy Kovalenko, a senior Ukrainian diplomat. "
        "Andrii Kovalenko said the document was not final. Kovalenko then left for Warsaw."
    )
    index = resolve(nlp, text)
    people = [e for e in index.entities if e.type == "PERSON"]
    assert len(people) == 1
    assert people[0].id == "person:andriy-kovalenko"
    assert texts(people[0]) == ["Andriy Kovalenko", "Andrii Kovalenko", "Kovalenko"]
    assert people[0].roles == ["senior Ukrainian diplomat"]
    assert people[0].country == "UKR"


def test_title_only_reference_from_the_article(nlp):
    text = (
        "Russian President Vladimir Putin spoke to reporters after the meeting in Minsk. "
        "The Russian president said no ceasefire was possible while Western weapons kept arriving."
    )
    index = resolve(nlp, text)
    putin = entity(index, "person:vladimir-putin")
    assert texts(putin) == ["Vladimir Putin", "Russian president"]
    assert putin.roles == ["Russian President"]  # one role, however it is capitalised
    start, end = offsets_of(text, "The Russian president")
    assert index.at(start, end) is putin


def test_title_only_reference_from_the_gazetteer(nlp):
    text = "The Kremlin spokesman told reporters on Friday that the summit had not been cancelled."
    index = resolve(nlp, text)
    peskov = entity(index, "person:dmitry-peskov")
    assert texts(peskov) == ["Kremlin spokesman"]


def test_other_country_title_does_not_take_the_wrong_person(nlp):
    text = "President Vladimir Putin met envoys on Monday. The Ukrainian president rejected the plan a day later."
    index = resolve(nlp, text)
    assert "Ukrainian president" not in texts(entity(index, "person:vladimir-putin"))
    assert texts(entity(index, "person:volodymyr-zelensky")) == ["Ukrainian president"]


def test_kyiv_is_never_a_person(nlp):
    text = (
        "Kyiv said on Tuesday it would send a delegation to Geneva. "
        "Hours earlier, a drone attack on Kyiv damaged two apartment blocks."
    )
    doc = nlp(text)
    assert all(ent.label_ != "PERSON" for ent in doc.ents if "Kyiv" in ent.text)
    index = find_entities(doc)
    assert all(e.type != "PERSON" for e in index.entities)
    speaking, attacked = (doc.text.index("Kyiv"), doc.text.rindex("Kyiv"))
    assert index.at(speaking, speaking + 4).id == "gpe:ukraine"
    assert index.at(attacked, attacked + 4).id == "gpe:kyiv"


def test_appositions_and_who_heads(nlp):
    text = (
        "Yuri Ushakov, a senior Kremlin aide, said the call lasted two hours. "
        "Kirill Dmitriev, who heads Russia's Direct Investment Fund, joined the talks in Riyadh."
    )
    index = resolve(nlp, text)
    assert entity(index, "person:yuri-ushakov").roles == ["senior Kremlin aide"]
    assert entity(index, "person:kirill-dmitriev").roles == ["head of Russia's Direct Investment Fund"]
    fund = entity(index, "org:russian-direct-investment-fund")
    assert (fund.country, fund.sector) == ("RUS", "BUS")


def test_administration_and_side(nlp):
    text = (
        "The Trump administration wants a deal before the summer. "
        "The Russian side has rejected the proposal, a diplomat said."
    )
    index = resolve(nlp, text)
    admin = entity(index, "org:trump-administration")
    assert (admin.type, admin.country, admin.sector) == ("ORG", "USA", "GOV")
    assert "Russian side" in texts(entity(index, "gpe:russia"))


def test_ids_are_stable_across_documents(nlp):
    first = resolve(nlp, "Sergey Lavrov said in Moscow that Marta Hrynko had been released. Hrynko thanked him.")
    second = resolve(nlp, "Marta Hrynko spoke to reporters on Friday. Foreign Minister Sergei Lavrov did not comment.")
    ids_first = {e.id for e in first.entities if e.type == "PERSON"}
    ids_second = {e.id for e in second.entities if e.type == "PERSON"}
    assert ids_first == ids_second == {"person:sergey-lavrov", "person:marta-hrynko"}


def test_before_finds_the_last_person(nlp):
    text = "Peskov spoke first. Then Lavrov said the talks had stalled. He did not say why."
    index = resolve(nlp, text)
    assert index.before(text.index("He")).id == "person:sergey-lavrov"
    assert index.before(text.index("Then")).id == "person:dmitry-peskov"
    assert index.before(0) is None


def test_records_follow_the_schema(nlp, record_schema):
    records = resolve(nlp, TALKS).to_records()
    jsonschema.validate(records, record_schema["properties"]["entities"])
    for record in records:
        for mention in record["mentions"]:
            assert TALKS[mention["start"]:mention["end"]] == mention["text"]


def test_ruler_keeps_gazetteer_ids(nlp):
    doc = nlp("NATO and the IAEA met in Vienna.")
    ids = {span.text: span.kb_id_ for span in doc.spans[SPANS_KEY]}
    assert ids == {"NATO": "org:nato", "IAEA": "org:iaea", "Vienna": "gpe:vienna"}


def test_ruler_leaves_word_like_places_alone(nlp):
    doc = nlp("Police said the deal was a surprise. Reading the statement, Mobile phones rang.")
    assert not [ent for ent in doc.ents if ent.label_ == "GPE"]


def test_gazetteer_places_and_aliases():
    gaz = load_gazetteer()
    assert gaz.lookup("Kiev").id == "gpe:kyiv"
    assert gaz.lookup("Kursk region").id == "gpe:kursk-oblast"
    assert gaz.lookup("Zelenskyy").id == "person:volodymyr-zelensky"
    assert gaz.lookup("Erdogan").id == gaz.lookup("Erdoğan").id == "person:recep-tayyip-erdogan"
    assert gaz.seats["gpe:moscow"] == "RUS"


def test_title_before_a_name_in_apposition(nlp):
    text = "The US secretary of state, Marco Rubio, flew to Geneva on Sunday. Rubio met both delegations."
    rubio = entity(resolve(nlp, text), "person:marco-rubio")
    assert rubio.roles == ["US secretary of state"]
    assert texts(rubio) == ["Marco Rubio", "Rubio"]


def test_joined_titles_are_separate_roles(nlp):
    text = "Kremlin aide and former culture minister Vladimir Medinsky arrived in Istanbul on Friday."
    medinsky = entity(resolve(nlp, text), "person:vladimir-medinsky")
    assert medinsky.roles == ["Kremlin aide", "former culture minister"]


def test_institution_titles_resolve_without_a_country(nlp):
    text = "The IAEA chief said on Monday that inspectors had left the plant. The NATO chief did not comment."
    index = resolve(nlp, text)
    assert texts(entity(index, "person:rafael-grossi")) == ["IAEA chief"]
    assert texts(entity(index, "person:mark-rutte")) == ["NATO chief"]


def test_outlet_named_like_a_place_needs_a_reporting_context(nlp):
    ocean = resolve(nlp, "The convoy crossed the Atlantic in nine days.")
    assert all(e.id != "org:the-atlantic" for e in ocean.entities)
    magazine = resolve(nlp, "The Atlantic reported that the talks had stalled, citing two officials.")
    outlet = entity(magazine, "org:the-atlantic")
    assert (outlet.type, outlet.sector) == ("ORG", "JRN")


def test_literal_and_state_readings_of_a_capital(nlp):
    text = (
        "Moscow's delegation left early. Residents of Moscow queued for fuel, "
        "and a deal with Washington now looks distant. A drone fell near Washington."
    )
    index = resolve(nlp, text)
    assert texts(entity(index, "gpe:russia")) == ["Moscow"]
    assert texts(entity(index, "gpe:moscow")) == ["Moscow"]
    assert texts(entity(index, "gpe:united-states")) == ["Washington"]
    assert texts(entity(index, "gpe:washington")) == ["Washington"]


# -- indexed lookups: what a scan of every mention would give, without the scan ----------------------------------


def _hand_index() -> EntityIndex:
    from dossier.extract.entities import Mention

    def make(entity_id: str, kind: str, spans: list[tuple[int, int]]) -> Entity:
        e = Entity(id=entity_id, name=entity_id, type=kind, country=None, sector=None)
        e.mentions = [Mention(s, t, "x" * (t - s), entity_id) for s, t in spans]
        return e

    return EntityIndex([
        make("person:a", "PERSON", [(0, 10), (50, 55)]),
        make("org:b", "ORG", [(2, 6), (40, 55)]),
        make("person:c", "PERSON", [(40, 45), (100, 130)]),
    ])


def test_at_prefers_largest_overlap_then_shorter_mention():
    index = _hand_index()
    assert index.at(0, 10).id == "person:a"  # overlap 10 beats 4
    assert index.at(3, 5).id == "org:b"  # equal overlap: the shorter mention
    assert index.at(50, 55).id == "person:a"  # equal overlap and length: the earlier-listed entity
    assert index.at(41, 44).id == "person:c"
    assert index.at(60, 99) is None
    assert index.at(125, 400).id == "person:c"


def test_before_takes_latest_end_of_the_types_asked():
    index = _hand_index()
    assert index.before(55).id == "person:a"  # ends 55, listed before person:c's (40, 45)
    assert index.before(54).id == "person:c"
    assert index.before(55, ("ORG",)).id == "org:b"
    assert index.before(55, ("ORG", "PERSON")).id == "person:a"  # both end at 55: the earlier-listed
    assert index.before(9) is None
    assert index.before(1000, ("GPE",)) is None


def test_bare_surname_joins_the_nearest_earlier_namesake(nlp):
    first = ["Anna", "Boris", "Clara", "Dmitri", "Elena"]
    last = ["Morvanek", "Quillbrae", "Tessadrin", "Brannock", "Kelderwin", "Ostravel", "Pimmersby"]
    parts = [f"{f} {s} spoke to reporters on Monday." for f in first for s in last]
    parts += [f"Later, {s} said the meeting had gone well." for s in last]
    index = resolve(nlp, " ".join(parts))
    people = [e for e in index.entities if e.type == "PERSON"]
    assert len({e.id for e in people}) == len(people) >= 30
    bare = {t: e for e in people for t in texts(e) if " " not in t}
    assert len(bare) >= 5
    for surname, holder in bare.items():
        assert holder.id == f"person:elena-{surname.lower()}"  # the last full name before it, of five namesakes
