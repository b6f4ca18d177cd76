"""`bench.inprocess.replay` times a write's statements again on the database being profiled:
it must leave nothing behind, or each profile would add rows to the data it measures."""

import pytest
from django.db import connection

from bench.inprocess import replay

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_replaying_an_insert_times_it_and_leaves_no_row():
    with connection.cursor() as cursor:
        cursor.execute("CREATE TEMPORARY TABLE replay_probe (body text)")

    took = replay(["INSERT INTO replay_probe (body) VALUES ('replayed')"], repeat=3)

    assert took > 0
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM replay_probe")
        assert cursor.fetchone() == (0,)
