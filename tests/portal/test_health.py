import pytest
from django.db.utils import OperationalError

from portal.views import health

pytestmark = pytest.mark.django_db


def test_healthz_reports_each_part(client, monkeypatch):
    monkeypatch.setattr(health, "_broker_ok", lambda: True)
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "broker": "ok"}}


def test_healthz_names_the_failed_broker(client, monkeypatch):
    monkeypatch.setattr(health, "_broker_ok", lambda: False)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["failed"] == ["broker"]


def test_healthz_names_the_failed_database(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise OperationalError("down")

    monkeypatch.setattr(health.connection, "cursor", broken_cursor)
    monkeypatch.setattr(health, "_broker_ok", lambda: True)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["failed"] == ["database"]


def test_healthz_reaches_the_embedded_broker(settings):
    assert health._broker_ok()
