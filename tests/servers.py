"""Processes of the site started by a test (gunicorn, the task worker) on the test database:
committed data they can read (mark the test ``browser_db``), on PostgreSQL."""

import os
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from django.db import connection

GUNICORN = Path(sys.executable).parent / "gunicorn"
ROOT = Path(__file__).resolve().parents[1]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_url():
    """The test database, as ``DATABASE_URL`` names it (a Unix socket's folder as the host)."""
    database = connection.settings_dict
    host = urllib.parse.quote(database["HOST"] or "", safe="")
    user = urllib.parse.quote(database["USER"] or "", safe="")
    port = f":{database['PORT']}" if database["PORT"] else ""
    return f"postgresql://{user}@{host}{port}/{database['NAME']}"


def get(port, path):
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}", headers={"Host": "localhost"}
    )
    # The socket accepts before a worker has loaded the site: the first answer waits for that
    # load, which takes more than 10 s on two busy cores.
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, dict(response.headers), response.read().decode()


def wait_for(port, process, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(process.stdout.read())
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("gunicorn did not start listening")


@contextmanager
def gunicorn(**env):
    """A gunicorn process of the site (site/gunicorn.py, one worker) on the test database,
    ``env`` added to its environment; yields its port, stops it afterwards."""
    port = free_port()
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "entraide.settings.test",
        "DATABASE_URL": database_url(),
        "PORT": str(port),
        "BIND_ADDRESS": "127.0.0.1",
        "WEB_CONCURRENCY": "1",
        **env,
    }
    process = subprocess.Popen(
        [str(GUNICORN), "-c", "python:entraide.gunicorn", "entraide.wsgi"],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        wait_for(port, process)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def worker(**env):
    """``manage.py db_worker --batch``: a real worker process on the test database, run once."""
    environment = {**os.environ, "DATABASE_URL": database_url(), "TASKS_BACKEND": "database"}
    done = subprocess.run(
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay", "--no-reload"],
        cwd=ROOT,
        env={**environment, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
