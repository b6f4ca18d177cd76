"""Helpers for tests of one-time submission tokens."""

import re

TOKEN_INPUT = re.compile(r'<input[^>]*name="submission_token"[^>]*value="([^"]+)"')


def token_on(response) -> str:
    """Return the submission token of the form the page rendered (as a browser would post it)."""
    match = TOKEN_INPUT.search(response.content.decode())
    assert match, "the page has no submission token"
    return match.group(1)
