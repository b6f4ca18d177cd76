"""Racing real threads against PostgreSQL: start calls at the same moment, see what each did."""

import threading

from django.db import connection

from portal.errors import DomainError


def race_with_messages(*calls) -> tuple[list[str], list[str]]:
    """Start every call at the same moment in its own thread.

    Return what each did ("ok", "refused", or the unexpected error) and each refusal's message.
    """
    barrier = threading.Barrier(len(calls))
    outcomes = [""] * len(calls)
    messages = [""] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            call()
            outcomes[index] = "ok"
        except DomainError as error:
            outcomes[index] = "refused"
            messages[index] = str(error)
        except Exception as error:
            outcomes[index] = repr(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes, messages


def race(*calls) -> list[str]:
    """Start every call at the same moment in its own thread; return what each did."""
    return race_with_messages(*calls)[0]
