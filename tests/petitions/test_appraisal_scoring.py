"""Scores, ranking, trend and the alert threshold, computed from the stored answers."""

from decimal import Decimal

import pytest

from petitions.models.appraisal import Grade
from petitions.selectors import appraisal as selectors
from petitions.services import appraisal as services
from portal.errors import DomainError
from supervision.models import Alert
from tests.factories import CitizenFactory, DepartmentFactory
from tests.petitions.appraisal import appraisal_round, grades, vote

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def one_response_counts(settings):
    settings.PETITIONS_APPRAISAL_MIN_RESPONSES = 1
    settings.PETITIONS_APPRAISAL_ALERT_SCORE = 80


@pytest.fixture
def bureau(db):
    return DepartmentFactory(name="县住房和城乡建设局")


@pytest.fixture
def fine_points(settings):
    """Points one apart around the threshold, so one answer moves the score by 1/6."""
    settings.PETITIONS_APPRAISAL_GRADE_POINTS = {
        "satisfied": 81,
        "fairly_satisfied": 80,
        "unsatisfied": 79,
    }


def close_after(round_, inspector, *ballots):
    for given in ballots:
        vote(round_, CitizenFactory(), given)
    return services.appraisal_round_close(actor=inspector, appraisal_round=round_)


def only_row(round_):
    (row,) = selectors.round_results(round_).rows
    return row


def test_a_score_just_below_the_threshold_raises_the_alert(inspector, bureau, fine_points):
    round_ = appraisal_round(inspector, [bureau])
    close_after(round_, inspector, grades([bureau], Grade.FAIRLY_SATISFIED, duties="unsatisfied"))
    assert only_row(round_).overall == Decimal("79.83")
    alert = Alert.objects.get(kind=Alert.Kind.APPRAISAL_LOW)
    assert alert.department == bureau
    assert alert.dedup_key == f"appraisal:{round_.pk}:{bureau.pk}"


def test_a_score_at_the_threshold_raises_no_alert(inspector, bureau, fine_points):
    round_ = appraisal_round(inspector, [bureau])
    close_after(round_, inspector, grades([bureau], Grade.FAIRLY_SATISFIED))
    assert only_row(round_).overall == Decimal("80.00")
    assert not Alert.objects.filter(kind=Alert.Kind.APPRAISAL_LOW).exists()


def test_a_score_just_above_the_threshold_raises_no_alert(inspector, bureau, fine_points):
    round_ = appraisal_round(inspector, [bureau])
    close_after(round_, inspector, grades([bureau], Grade.FAIRLY_SATISFIED, duties="satisfied"))
    assert only_row(round_).overall == Decimal("80.17")
    assert not Alert.objects.filter(kind=Alert.Kind.APPRAISAL_LOW).exists()


def test_unknown_counts_in_no_denominator(inspector, bureau):
    round_ = appraisal_round(inspector, [bureau])
    vote(round_, CitizenFactory(), grades([bureau], Grade.SATISFIED))
    vote(round_, CitizenFactory(), grades([bureau], Grade.UNKNOWN, duties="unsatisfied"))
    row = only_row(round_)
    # 依法履行职责: (100 + 0) / 2; the other five: 100 / 1 (不了解 left out).
    assert row.dimensions == [Decimal("50.00")] + [Decimal("100.00")] * 5
    assert row.overall == Decimal("91.67")
    assert row.responses == 2


def test_dimension_weights_from_settings(inspector, bureau, settings):
    settings.PETITIONS_APPRAISAL_DIMENSION_WEIGHTS = {
        "duties": 3,
        "enforcement": 1,
        "openness": 0,
        "efficiency": 0,
        "service": 0,
        "integrity": 0,
    }
    round_ = appraisal_round(inspector, [bureau])
    vote(round_, CitizenFactory(), grades([bureau], Grade.SATISFIED, duties="unsatisfied"))
    assert only_row(round_).overall == Decimal("25.00")


def test_too_few_responses_give_no_score_rank_or_alert(inspector, bureau, settings):
    settings.PETITIONS_APPRAISAL_MIN_RESPONSES = 2
    round_ = appraisal_round(inspector, [bureau])
    close_after(round_, inspector, grades([bureau], Grade.UNSATISFIED))
    row = only_row(round_)
    assert row.overall is None and row.rank is None
    assert not Alert.objects.filter(kind=Alert.Kind.APPRAISAL_LOW).exists()


def test_only_unknown_answers_do_not_count_as_a_response(inspector, bureau):
    round_ = appraisal_round(inspector, [bureau])
    vote(round_, CitizenFactory(), grades([bureau], Grade.UNKNOWN))
    row = only_row(round_)
    assert row.responses == 0 and row.overall is None


def test_ranking_shares_a_rank_between_equal_scores(inspector):
    first, second, third = (DepartmentFactory(name=name) for name in ("甲局", "乙局", "丙局"))
    round_ = appraisal_round(inspector, [first, second, third])
    given = grades([first], Grade.SATISFIED)
    given |= grades([second], Grade.FAIRLY_SATISFIED)
    given |= grades([third], Grade.FAIRLY_SATISFIED)
    vote(round_, CitizenFactory(), given)
    rows = selectors.round_results(round_).rows
    assert [(row.department, row.rank) for row in rows] == [(first, 1), (third, 2), (second, 2)]


def test_trend_compares_with_the_previous_published_round(inspector, bureau):
    before = appraisal_round(inspector, [bureau], quarter=3)
    vote(before, CitizenFactory(), grades([bureau], Grade.FAIRLY_SATISFIED))
    services.appraisal_round_close(actor=inspector, appraisal_round=before)
    services.appraisal_round_publish(actor=inspector, appraisal_round=before)
    now = appraisal_round(inspector, [bureau], quarter=4)
    vote(now, CitizenFactory(), grades([bureau], Grade.SATISFIED))
    results = selectors.round_results(now)
    assert results.previous_round == before
    assert results.rows[0].delta == Decimal("20.00")


def test_a_yearly_round_is_not_compared_with_a_quarter(inspector, bureau):
    quarter = appraisal_round(inspector, [bureau], quarter=3)
    services.appraisal_round_close(actor=inspector, appraisal_round=quarter)
    services.appraisal_round_publish(actor=inspector, appraisal_round=quarter)
    yearly = appraisal_round(inspector, [bureau], quarter=None, period_kind="year", year=2027)
    assert selectors.round_results(yearly).previous_round is None


def test_closing_twice_raises_the_alert_once(inspector, bureau):
    round_ = appraisal_round(inspector, [bureau])
    close_after(round_, inspector, grades([bureau], Grade.UNSATISFIED))
    with pytest.raises(DomainError):
        services.appraisal_round_close(actor=inspector, appraisal_round=round_)
    services.raise_low_score_alerts(round_)
    assert Alert.objects.filter(kind=Alert.Kind.APPRAISAL_LOW).count() == 1
