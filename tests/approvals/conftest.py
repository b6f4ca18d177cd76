import pytest

from tests.approvals.factories import ProcessFactory, team
from tests.factories import CitizenFactory, DepartmentFactory


@pytest.fixture
def department(db):
    return DepartmentFactory(code="market", name="县市场监督管理局")


@pytest.fixture
def other_department(db):
    return DepartmentFactory(code="housing", name="县住房和城乡建设局")


@pytest.fixture
def crew(department):
    """The handling department's clerk, reviewer and head."""
    return team(department)


@pytest.fixture
def process(department):
    return ProcessFactory(item__department=department)


@pytest.fixture
def joint_process(department, other_department):
    return ProcessFactory(item__department=department, joint_with=[other_department])


@pytest.fixture
def risky_process(department):
    return ProcessFactory(item__department=department, risk_level=1)


@pytest.fixture
def citizen(db):
    return CitizenFactory()
