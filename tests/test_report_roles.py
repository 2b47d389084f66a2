"""Place roles: every rule of ``roles.ROLE_RULES`` gives its example's place its
role, by itself and through the whole reader."""

import pytest

from components.report import extract
from components.report.roles import INCIDENT, ROLE_RULES, RoleRule, role_of
from components.report.segments import plain, sentences


def _context(rule: RoleRule) -> tuple[str, str, bool]:
    """The words before and after the rule's place in its example, as the reader
    cuts them (within the sentence, 80 characters before, 60 after)."""
    text = plain(rule.example)
    for sentence in sentences(text):
        at = sentence.text.find(rule.place)
        if at >= 0:
            start = sentence.start + at
            end = start + len(rule.place)
            before = text[max(sentence.start, start - 80) : start]
            after = text[end : min(sentence.end, end + 60)]
            lede = sentence.first_in_paragraph and sentence.paragraph <= 2
            return before, after, lede
    raise AssertionError(f"{rule.place!r} is not in the example")


@pytest.mark.parametrize("rule", ROLE_RULES, ids=lambda rule: rule.name)
def test_each_role_rule_fires_on_its_example(rule):
    before, after, lede = _context(rule)
    assert rule.fires(before, after, lede), "the rule does not fire on its example"
    assert role_of(before, after, lede) == (rule.role, rule.name), (
        "an earlier rule of the table takes the example"
    )


@pytest.mark.parametrize("rule", ROLE_RULES, ids=lambda rule: rule.name)
def test_each_role_rule_gives_its_role_through_the_reader(rule):
    found = extract(rule.example)
    reported = {incident.place_reported for incident in found.incidents}
    if rule.role == INCIDENT:
        assert rule.place in reported
        return
    assert rule.place not in reported
    roles = {m.text: m.role for m in found.other_places}
    assert roles.get(rule.place) == rule.role


def test_a_name_no_rule_fires_for_is_an_incident_name():
    assert role_of("Gunmen opened fire in ", " on Tuesday", False) == (INCIDENT, "")


def test_a_colon_after_a_capitalised_word_deep_in_the_text_is_no_dateline():
    before, after = "", ": Gunmen attacked a post."
    assert role_of(before, after, True)[0] == "dateline"
    assert role_of(before, after, False)[0] == INCIDENT
