"""Browser tests: Playwright drives Debian's Chromium against a live server.

Never downloads a browser: without /usr/bin/chromium every test here is skipped with the reason.
"""

import os
import shutil

import pytest

from tests.e2e import helpers

# Playwright's sync API runs an event loop in this thread; the ORM calls made by tests
# between browser steps are ordinary synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def pytest_collection_modifyitems(config, items):
    has_browser = shutil.which(CHROMIUM) is not None
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.e2e)
            if not has_browser:
                item.add_marker(
                    pytest.mark.skip(
                        reason=f"needs Chromium at {CHROMIUM} (apt-get install chromium)"
                    )
                )


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            "--no-first-run",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "zh-CN", "viewport": {"width": 1280, "height": 900}}


@pytest.fixture
def site(live_server, page):
    """The live portal in a browser tab: `site.go("/path")`, `site.login(username)`, `site.check_a11y()`."""
    page.set_default_timeout(10_000)
    return helpers.Site(page=page, base_url=live_server.url)
