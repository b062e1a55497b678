"""Story clustering on short reports written for these tests: two earthquakes, one election."""

from __future__ import annotations

import random

from dossier.corpus.stories import Settings, StoryDoc, assign_stories, story_id

NEPAL = [
    ("nepal-1", "Quake kills hundreds in Nepal",
     "A magnitude 7.8 earthquake struck central Nepal on Saturday 25 April 2015, its epicentre in Gorkha district "
     "between Kathmandu and Pokhara. Old brick houses and temples in the Kathmandu valley collapsed, and the "
     "Dharahara tower fell with people inside. Rescuers dug through rubble in Bhaktapur overnight.",
     ["Nepal", "Gorkha", "Kathmandu", "Pokhara", "Dharahara", "Bhaktapur"]),
    ("nepal-2", None,
     "Nepal's government said on Sunday that the death toll from the Gorkha earthquake had passed 2,000. "
     "Aftershocks shook Kathmandu through the night and families slept in the open. India and China sent "
     "rescue teams, and climbers on Everest described an avalanche triggered by the quake.",
     ["Nepal", "Gorkha", "Kathmandu", "India", "China", "Everest"]),
    ("nepal-3", "Villages near the epicentre cut off",
     "Two days after the April 2015 earthquake, helicopters reached villages in Gorkha district where almost every "
     "house had collapsed. Officials in Kathmandu said roads to the north of Nepal were blocked by landslides and "
     "that aid was piling up at Tribhuvan airport.",
     ["Gorkha", "Kathmandu", "Nepal", "Tribhuvan"]),
    ("nepal-4", None,
     "The United Nations appealed for aid for Nepal after the 7.8 earthquake of 25 April, saying eight million "
     "people were affected. In Kathmandu, the Dharahara tower and squares of Bhaktapur lay in ruins.",
     ["the United Nations", "Nepal", "Kathmandu", "Dharahara", "Bhaktapur"]),
]

MOROCCO = [
    ("morocco-1", "Earthquake hits Morocco's High Atlas",
     "A magnitude 6.8 earthquake struck Morocco late on Friday 8 September 2023, its epicentre in Al Haouz "
     "province in the High Atlas, south-west of Marrakesh. Villages of mud-brick houses collapsed, and walls "
     "of the old medina of Marrakesh cracked. Rescuers worked through the night near Ighil.",
     ["Morocco", "Al Haouz", "High Atlas", "Marrakesh", "Ighil"]),
    ("morocco-2", None,
     "Morocco's interior ministry said on Saturday that more than 2,000 people had died in the Al Haouz earthquake. "
     "Aftershocks shook Marrakesh and families slept in the streets. Spain and Qatar sent rescue teams, and "
     "King Mohammed VI declared three days of mourning.",
     ["Morocco", "Al Haouz", "Marrakesh", "Spain", "Qatar", "Mohammed VI"]),
    ("morocco-3", "Mountain villages wait for help",
     "Days after the September 2023 earthquake, army trucks reached villages in the High Atlas where almost every "
     "house had collapsed. Officials in Rabat said mountain roads south of Marrakesh were blocked by rockfalls, "
     "and the Tinmel mosque was badly damaged.",
     ["High Atlas", "Rabat", "Marrakesh", "Tinmel"]),
    ("morocco-4", None,
     "The Red Crescent appealed for aid for Morocco after the 6.8 earthquake of 8 September, saying "
     "300,000 people were affected in Al Haouz and around Marrakesh.",
     ["the Red Crescent", "Morocco", "Al Haouz", "Marrakesh"]),
]

ELECTION = [
    ("vote-1", "Voters in Valdoria choose a new parliament",
     "Polling stations across Valdoria opened on Sunday for a parliamentary election in which the ruling Green "
     "Union hopes to keep its majority. Turnout in the capital, Sarnow, was high by midday.",
     ["Valdoria", "Green Union", "Sarnow"]),
    ("vote-2", None,
     "Early results from Valdoria's election gave the Green Union 41 percent, short of a majority in parliament. "
     "Its leader, Ilse Marek, told supporters in Sarnow she would talk to smaller parties about a coalition.",
     ["Valdoria", "Green Union", "Ilse Marek", "Sarnow"]),
]


def _docs(*groups: list[tuple[str, str | None, str, list[str]]]) -> list[StoryDoc]:
    return [StoryDoc(i, title, body, None, names) for group in groups for i, title, body, names in group]


def _stories_of(result: dict[str, str], group: list[tuple[str, str | None, str, list[str]]]) -> set[str]:
    return {result[item[0]] for item in group}


def test_two_earthquakes_are_two_stories() -> None:
    result = assign_stories(_docs(NEPAL, MOROCCO, ELECTION))
    nepal, morocco, vote = _stories_of(result, NEPAL), _stories_of(result, MOROCCO), _stories_of(result, ELECTION)
    assert len(nepal) == 1 and len(morocco) == 1 and len(vote) == 1
    assert len(nepal | morocco | vote) == 3


def test_two_earthquakes_alone_are_two_stories() -> None:
    result = assign_stories(_docs(NEPAL, MOROCCO))
    assert len(_stories_of(result, NEPAL)) == 1
    assert _stories_of(result, NEPAL).isdisjoint(_stories_of(result, MOROCCO))


def test_a_loose_cut_merges_the_earthquakes() -> None:
    # the same data with a cut far too loose: shows the test above can fail
    result = assign_stories(_docs(NEPAL, MOROCCO), Settings(distance=0.95, floor=0.0))
    assert len(set(result.values())) == 1


def test_story_ids_are_stable_and_independent_of_order() -> None:
    docs = _docs(NEPAL, MOROCCO, ELECTION)
    first = assign_stories(docs)
    shuffled = assign_stories(random.Random(5).sample(docs, len(docs)))
    assert first == shuffled
    assert first["nepal-2"] == story_id("nepal-1")
    assert first["morocco-3"] == story_id("morocco-1")
    assert first["vote-2"].startswith("story-")


def test_single_and_empty_inputs() -> None:
    assert assign_stories([]) == {}
    lone = StoryDoc("only", None, "", None, [])
    assert assign_stories([lone]) == {"only": story_id("only")}
    pair = [lone, StoryDoc("other", None, "Nothing in common here.", None, [])]
    assert len(set(assign_stories(pair).values())) == 2
