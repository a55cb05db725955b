"""Real Chromium for the journeys and accessibility tests: Debian's ``chromium`` driven by
Playwright, which never downloads a browser here. ``make test`` installs Chromium when it is
missing; a test that needs it fails (never skips) when it is not there.

Use the ``tab`` fixture (a new browser context per test, phone width, French) with
``live_server``, and mark the module ``browser_db`` so that the live server sees the data:

    pytestmark = browser_db

    def test_something(tab, live_server): tab.goto(f"{live_server.url}/fr/")
"""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("ENTRAIDE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 375, "height": 740}

# The live server reads committed data; the migrations' data is restored after each test.
browser_db = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def launch(playwright):
    if not os.path.exists(CHROMIUM):
        pytest.fail(
            f"No Chromium at {CHROMIUM}: `make test` installs Debian's chromium "
            "(apt-get install chromium); the browser tests never skip."
        )
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)


def serious_violations(tab, context=None):
    """axe-core's serious and critical violations on the page the tab shows (axe-core comes
    with the axe-playwright-python package: nothing is fetched at run time)."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(tab, context=context)
    return [
        violation
        for violation in results.response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]


def describe(violations):
    """One line per violation and node, for an assertion message a person can act on."""
    lines = []
    for violation in violations:
        for node in violation["nodes"]:
            lines.append(
                f"{violation['impact']} {violation['id']}: {violation['help']} — {node['target']}"
            )
    return "\n".join(lines)
