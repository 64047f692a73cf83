"""What counts as a metric, and what only looks like one."""

from __future__ import annotations

import pytest

from star_bank.nlp.numbers import has_quantity
from star_bank.nlp.pipeline import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(None)


@pytest.mark.parametrize(
    "sentence",
    [
        "Checkout errors fell from 2.1% to 0.3%.",
        "The nightly job now takes nine minutes.",
        "The rewrite halved the build time.",
        "Support tickets doubled after the redesign.",
        "The alert fired only once that quarter.",
        "We shipped twice a week after that.",
        "It saved about $4,000 a month.",
        "Latency went down 3x.",
        "The fix took one more week to land.",
        "The store rating went from 3.9 to 4.6.",
        "Latency fell by 1.5 seconds.",
        "Two teams adopted the template in a month.",
        "Crash reports dropped by 0.5 a day.",
        "Refund requests fell by a quarter.",
        # time in a job, counted from its start
        "By the end of her second quarter she was reviewing every release.",
    ],
)
def test_quantities(nlp, sentence):
    assert has_quantity(nlp(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "It was the first release with the new login.",
        "We moved the files to S3 and added E2E tests.",
        "We upgraded to version 2.4.1 of the client.",
        "We finally moved everything to Python 3.",
        "One of the reviewers asked for more tests.",
        "One example was the search page.",
        "In 2021 the team was small.",
        "The launch went well and the customer was happy.",
        "3.2 and 3.3 went out while I was away.",
        "By 6.0 I was off the release rota.",
        "From 4.12 onward the releases rotate through the team.",
        "That freed me to lead the migration plan that quarter.",
        "The relationship between the two teams got better.",
        "Our three leads signed off on it.",
        "I learned the value of double checking the print proof.",
        "Once the cause was clear, the team put the old labels back.",
        # a time of day, a later period of the calendar, a release shipped with, an item named by its number
        "We agreed a 1 p.m. cut-off for the orders.",
        "The migration was pushed to a later quarter.",
        "The new guides went out with 4.2 in October.",
        "Growth started calling it the week-three board.",
        "In phase two the partner owned the mapping.",
    ],
)
def test_not_quantities(nlp, sentence):
    assert not has_quantity(nlp(sentence))


def test_one_counts_as_a_count_but_not_as_an_indefinite(nlp):
    assert has_quantity(nlp("We had one outage in the next quarter."))
    assert not has_quantity(nlp("One day the build failed again."))


def test_a_hyphenated_multiplier_word_is_no_quantity_but_a_fraction_is(nlp):
    assert not has_quantity(nlp("I double-check the config before merging."))
    assert has_quantity(nlp("Support tickets dropped by a third."))
    assert not has_quantity(nlp("We tried a third approach."))


@pytest.mark.parametrize(
    ("sentence", "quantity"),
    [
        ("The backlog was gone within a fortnight.", True),
        ("The build now runs in under an hour.", True),
        ("We met a week later to review it.", False),
        ("It was the best day of the launch.", False),
    ],
)
def test_one_unit_of_time_after_a_duration_word_is_a_quantity(nlp, sentence, quantity):
    assert has_quantity(nlp(sentence)) is quantity


@pytest.mark.parametrize(
    ("sentence", "quantity"),
    [
        ("The rebuild cost us roughly a month of evenings.", True),  # an estimate of an amount
        ("Shipping the fix early saved the support team a day.", True),  # time saved is an amount
        ("We lost an afternoon to the wrong branch.", False),  # not a unit of time the list knows
        ("I spent a morning with the vendor.", False),
    ],
)
def test_one_unit_of_time_approximated_or_spent_is_a_quantity(nlp, sentence, quantity):
    assert has_quantity(nlp(sentence)) is quantity


def test_double_written_apart_before_its_verb_measures_nothing(nlp):
    assert not has_quantity(nlp("I always double check the invoice totals."))
    assert has_quantity(nlp("Our refund queue was double the usual size."))


def test_a_place_in_a_ranking_is_an_outcome_but_an_order_of_acts_is_not(nlp):
    assert has_quantity(nlp("Our robot ranked 2nd at the county fair."))
    assert has_quantity(nlp("The team finished third in the league."))
    assert not has_quantity(nlp("I finished the wiring first."))
    assert not has_quantity(nlp("It was the first fair we entered."))


def test_an_ordinal_word_after_a_count_is_a_share(nlp):
    assert has_quantity(nlp("The new setup ran at roughly a fifth of the old cost."))
    assert has_quantity(nlp("It used two tenths of the budget."))
    assert not has_quantity(nlp("It was our fifth attempt at the migration."))
    assert not has_quantity(nlp("The fifth of May was launch day."))


@pytest.mark.parametrize("sentence", [
    "The pilot ended at the end of the second quarter.",  # a quarter of the calendar year
    "Finance closed the reconciliation on 2 October.",  # a day of the month
])
def test_dates_are_not_quantities(nlp, sentence):
    assert not has_quantity(nlp(sentence))
