"""The demo data of supervision."""

import pytest

from portal import demo as portal_demo
from supervision import demo
from supervision.models import Alert, Clock

pytestmark = pytest.mark.django_db


def test_the_demo_has_clocks_in_every_light_and_alerts():
    portal_demo.seed(scale=1)
    demo.seed(scale=1)
    demo.seed(scale=1)
    clocks = Clock.objects.filter(subject_ref__startswith="DEMO-")
    assert clocks.count() == len(demo.DEMO_CLOCKS)
    running = clocks.filter(state=Clock.State.RUNNING)
    assert set(running.values_list("light", flat=True)) == {"green", "yellow", "red"}
    assert clocks.filter(state=Clock.State.PAUSED).count() == 1
    assert Alert.objects.filter(dedup_key__startswith="demo:").count() == 2
