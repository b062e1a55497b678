"""Near-duplicate grouping on texts written for these tests."""

from __future__ import annotations

import random

from dossier.corpus.dedup import NUM_PERM, DedupIndex, signature

AGENCY = """LAKEVIEW, March 3 (Northline Press) - Engineers closed the old Harbour Bridge in Lakeview on Monday
after divers found cracks in two of its four stone piers, cutting the shortest route between the port
and the city centre for what officials said could be several months.

The city's transport office said about 18,000 vehicles crossed the bridge each day. Buses will be sent
along the ring road, adding roughly twenty minutes to the journey, and a temporary ferry is planned
for cyclists and pedestrians from next week.

"We cannot take any risk with a structure of this age," the head of the office, Marta Ellison, told
reporters at the riverbank. She said a full survey would be finished by the end of April and that the
council would then decide whether to repair the piers or to replace the crossing.

Shop owners on the northern bank said they feared losing customers. The bridge, opened in 1911, was last
strengthened in the 1980s, when its deck was widened to carry two lanes of traffic in each direction.
"""

COPY = """Lakeview Evening Star | Local | Traffic
By Northline Press staff
LAKEVIEW, March 3 (Northline Press) – Engineers closed the old Harbour Bridge in Lakeview on Monday
after divers found cracks in two of its four stone piers, cutting the shortest route between the port
and the city centre for what officials said could be several months.

The city’s transport office said about 18,000 vehicles crossed the bridge every day. Buses will be sent
along the ring road, adding roughly twenty minutes to the journey, and a temporary ferry is planned
for cyclists and pedestrians from next week.

“We cannot take any risk with a structure of this age,” the head of the office, Marta Ellison, told
reporters at the riverbank. She said a full survey would be finished by the end of April and that the
council would then decide whether to repair the piers or to replace the crossing.

Shop owners on the northern bank said they feared losing customers. The bridge, opened in 1911, was last
strengthened in the 1980s, when its deck was widened to carry two lanes of traffic in each direction.
Sign up for our morning newsletter.
"""

OTHER = """LAKEVIEW, March 4 - A day after the Harbour Bridge was closed, drivers in Lakeview queued for up to an
hour on the ring road, and the council came under pressure to speed up its survey of the damaged piers.

Marta Ellison of the transport office said the ferry for cyclists would start on Thursday, earlier than
planned. Two councillors asked for a temporary steel crossing to be built beside the old bridge while
the stone piers are examined, an idea the office said it would cost before the end of the month.

Traders on the northern bank reported fewer customers on the first morning and asked for a cut in
their business rates until the bridge reopens.
"""


def test_signature_is_stable_bytes() -> None:
    sig = signature(AGENCY)
    assert isinstance(sig, bytes) and len(sig) == 4 * NUM_PERM
    assert signature(AGENCY) == sig
    assert signature(OTHER) != sig


def test_syndicated_copy_is_grouped_and_other_article_kept_apart() -> None:
    index = DedupIndex()
    assert index.add("agency", signature(AGENCY)) is None
    assert index.add("other", signature(OTHER)) is None
    assert index.add("copy", signature(COPY)) == "agency"
    assert index.groups() == [["agency", "copy"]]


def test_a_stricter_threshold_can_keep_the_copy_apart() -> None:
    index = DedupIndex(threshold=0.99)
    index.add("agency", signature(AGENCY))
    assert index.add("copy", signature(COPY)) is None
    assert index.groups() == []


def test_empty_bodies_are_nobodys_copy() -> None:
    index = DedupIndex()
    index.add("a", signature(""))
    assert index.add("b", signature("   ")) is None
    assert index.groups() == []


def _corpus() -> dict[str, str]:
    paragraphs = [p for p in AGENCY.split("\n\n") + OTHER.split("\n\n") if p.strip()]
    docs = {"agency": AGENCY, "copy": COPY, "other": OTHER, "copy2": COPY.replace("Monday", "Monday morning")}
    rnd = random.Random(7)
    for i in range(12):
        words = " ".join(paragraphs).split()
        rnd.shuffle(words)
        docs[f"noise{i}"] = " ".join(words[:120])
    docs["other-copy"] = "Lakeview Evening Star\n" + OTHER + "\nShare this story."
    return docs


def test_batches_give_the_same_groups_as_one_batch() -> None:
    docs = _corpus()
    sigs = {doc_id: signature(body) for doc_id, body in docs.items()}
    whole = DedupIndex()
    for doc_id, sig in sigs.items():
        whole.add(doc_id, sig)
    ids = list(sigs)
    batched = DedupIndex()
    for batch in (ids[:3], ids[3:9], ids[9:]):
        for doc_id in batch:
            batched.add(doc_id, sigs[doc_id])
    shuffled = DedupIndex()
    for doc_id in random.Random(3).sample(ids, len(ids)):
        shuffled.add(doc_id, sigs[doc_id])
    assert whole.groups() == [["agency", "copy", "copy2"], ["other", "other-copy"]]
    assert batched.groups() == whole.groups() == shuffled.groups()


def test_adding_a_document_twice_changes_nothing() -> None:
    index = DedupIndex()
    index.add("agency", signature(AGENCY))
    index.add("copy", signature(COPY))
    assert index.add("copy", signature(COPY)) == "agency"
    assert index.add("agency", signature(AGENCY)) == "agency"
    assert index.groups() == [["agency", "copy"]]
