"""Several calls at the same moment, as two people clicking together or cron started twice:
each call in its own thread and its own database connection, all released together by a
barrier. For the PostgreSQL tests of what must happen once."""

import threading

from django.db import connection


def all_at_once(*calls, timeout=30):
    """Run each call in its own thread and connection, started together; their outcomes in
    the calls' order (an exception raised is the outcome of its call)."""
    start = threading.Barrier(len(calls))
    outcomes = [None] * len(calls)

    def run(number, call):
        try:
            start.wait(timeout=10)
            outcomes[number] = call()
        except Exception as error:  # noqa: BLE001 - reported by the test
            outcomes[number] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    return outcomes
