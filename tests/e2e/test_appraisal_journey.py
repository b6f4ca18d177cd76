"""Issue 20 (part 2) in a browser: a citizen answers the democratic appraisal and cannot answer it
twice; the discipline office closes and publishes the round; the results page shows the scores in
a chart; the bureau below the alert score has its alert on the supervision dashboard."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from petitions.models import AppraisalBallot
from petitions.models.appraisal import Dimension
from portal.roles import Role
from supervision.models import Alert
from tests.factories import CitizenFactory, DepartmentFactory, StaffFactory
from tests.petitions.appraisal import appraisal_round

pytestmark = pytest.mark.e2e


@pytest.fixture
def county(db, settings):
    settings.PETITIONS_APPRAISAL_MIN_RESPONSES = 1
    settings.PETITIONS_APPRAISAL_ALERT_SCORE = 80
    market = DepartmentFactory(code="market", name="县市场监督管理局")
    housing = DepartmentFactory(code="housing", name="县住房和城乡建设局")
    discipline = DepartmentFactory(code="discipline", name="县纪委监委（效能办）")
    inspector = StaffFactory(
        username="inspector_e2e", roles=[Role.DISCIPLINE_INSPECTOR], department=discipline
    )
    CitizenFactory(username="voter_e2e", real_name="赵六")
    now = timezone.now()
    current = appraisal_round(
        inspector,
        [market, housing],
        year=timezone.localdate().year,
        title="本季度民主评议政风行风",
        opens_at=now - timedelta(days=1),
        closes_at=now + timedelta(days=30),
    )
    return {"round": current, "market": market, "housing": housing}


def answer_all(page, department: str, grade: str) -> None:
    fieldset = page.get_by_role("group", name=department, exact=True)
    for label in Dimension.labels:
        fieldset.get_by_role("group", name=str(label)).get_by_label(grade, exact=True).check()


def test_a_citizen_appraises_once_and_a_low_score_reaches_supervision(site, county):
    page = site.page
    site.login("voter_e2e")
    site.go("/petitions/appraisal/")
    page.get_by_role("link", name="参加评议").click()
    # The form's page, loaded: axe run while the click's navigation was under way found no
    # document (seen once in a clean clone's run).
    expect(page.get_by_role("group", name="县市场监督管理局", exact=True)).to_be_visible()
    site.check_a11y()
    answer_all(page, "县市场监督管理局", "满意")
    answer_all(page, "县住房和城乡建设局", "不满意")
    site.screenshot("appraisal-answer", phone=True)
    page.get_by_role("button", name="提交评议").click()
    expect(page.get_by_text("您已参加本轮评议。").first).to_be_visible()

    # A second attempt: the page says so and nothing more is stored.
    site.go(f"/petitions/appraisal/{county['round'].pk}/")
    expect(page.locator("#appraisal-answered")).to_contain_text("您已参加本轮评议")
    expect(page.get_by_role("button", name="提交评议")).to_have_count(0)
    assert AppraisalBallot.objects.filter(round=county["round"]).count() == 1
    site.logout()

    # The discipline office closes and publishes the round.
    site.login("inspector_e2e")
    site.go("/petitions/staff/appraisal/")
    page.get_by_role("button", name="结束评议").click()
    expect(page.get_by_text("已更新评议状态")).to_be_visible()
    page.get_by_role("button", name="公布结果").click()
    expect(page.get_by_text("已更新评议状态")).to_be_visible()
    site.screenshot("appraisal-staff")

    # The results page: a chart of the scores, the table and the weighting.
    site.go(f"/petitions/appraisal/{county['round'].pk}/results/")
    expect(page.locator("#appraisal-chart")).to_be_visible()
    assert page.evaluate("Chart.getChart('appraisal-chart').data.datasets[0].data") == [100, 0]
    market_row = page.get_by_role("row").filter(has_text="县市场监督管理局")
    expect(market_row).to_contain_text("100.00")
    housing_row = page.get_by_role("row").filter(has_text="县住房和城乡建设局")
    expect(housing_row).to_contain_text("低于预警分数")
    expect(page.get_by_text("满意 100、基本满意 80、不满意 0")).to_be_visible()
    site.screenshot("appraisal-results")
    site.screenshot("appraisal-results", phone=True)

    # The bureau below the alert score has its alert on the supervision dashboard.
    alert = Alert.objects.get(kind=Alert.Kind.APPRAISAL_LOW)
    assert alert.department == county["housing"]
    site.go("/supervision/")
    page.get_by_role("link", name="民主评议得分偏低").click()
    expect(page.get_by_text("县住房和城乡建设局").first).to_be_visible()
    site.screenshot("appraisal-alert-list")
