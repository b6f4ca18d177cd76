"""Query codes (查询码): the secret that opens a case or a complaint without an account.

The code is shown once to the person who filed and kept only as a keyed digest (HMAC-SHA256
with `SECRET_KEY` over "number:code"), so that neither the table, its history nor a database
dump gives a way in.
"""

import hashlib
import hmac
import secrets

from django.conf import settings

# No 0/O, 1/I: the code is read aloud on the phone and typed from an SMS.
QUERY_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
QUERY_CODE_LENGTH = 8


def new_query_code() -> str:
    """Return a fresh random query code."""
    return "".join(secrets.choice(QUERY_CODE_ALPHABET) for _ in range(QUERY_CODE_LENGTH))


def query_code_digest(number: str, code: str) -> str:
    """Return the digest stored for `code` of the record numbered `number`."""
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, f"{number}:{code.strip().upper()}".encode(), hashlib.sha256).hexdigest()


def query_code_matches(digest: str, number: str, code: str) -> bool:
    """Return whether `code` is the query code whose digest is stored, in constant time."""
    if not digest:
        return False
    return hmac.compare_digest(digest, query_code_digest(number or "", code))
