"""The circuit breaker that keeps requests from waiting on a service that is down."""

import logging
import time

from portal.circuit import Circuit


def test_a_healthy_service_is_always_called():
    circuit = Circuit("service", retry_after=60)
    circuit.succeeded()
    assert circuit.allows() and circuit.allows()


def test_after_a_failure_the_service_is_skipped():
    circuit = Circuit("service", retry_after=60)
    circuit.failed(ConnectionError("refused"))
    assert circuit.is_open
    assert not circuit.allows()


def test_after_the_pause_one_caller_tries_again_and_the_others_keep_skipping():
    circuit = Circuit("service", retry_after=0.05)
    circuit.failed(ConnectionError("refused"))
    time.sleep(0.06)
    assert [circuit.allows() for _ in range(3)] == [True, False, False]


def test_a_success_ends_the_outage():
    circuit = Circuit("service", retry_after=0.05)
    circuit.failed(ConnectionError("refused"))
    time.sleep(0.06)
    assert circuit.allows()
    circuit.succeeded()
    assert not circuit.is_open and circuit.allows()


def test_an_outage_is_logged_once_and_its_end_once(caplog):
    circuit = Circuit("service", retry_after=60)
    with caplog.at_level(logging.WARNING, logger="portal.circuit"):
        for _ in range(3):
            circuit.failed(ConnectionError("refused"))
        circuit.succeeded()
        circuit.succeeded()
    assert [record.getMessage().split(" (")[0] for record in caplog.records] == [
        "service unavailable",
        "service answers again",
    ]
