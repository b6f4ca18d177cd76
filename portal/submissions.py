"""One-time submission tokens (一次性提交令牌): a double click, a retried POST or a
back-and-resubmit of a citizen's form stores one object and shows the same receipt.

A form that creates something carries a `SubmissionTokenField`, a fresh random token in a hidden
input each time the page is rendered. The view runs its service through `submit_once`, which
writes a `portal.models.Submission` row for the token at the end of the object's transaction: the
unique digest makes a concurrent duplicate's row wait for the first to commit, fail, roll its own
work back and replay the first; a later duplicate finds the row and replays it without calling
the service.

Only the token's digest is stored. A one-time secret of the receipt (the query code of an
anonymous complaint) is kept sealed with a pad derived from the token, so the duplicate shows it
again while the table alone reveals nothing. The token is a bearer secret of the page that
rendered it; a row made by a signed-in user replays only to that user.

A form posted without a token (a script, an old page) still works, without de-duplication:
refusing it would protect nothing, since any client can send a fresh token each time.
"""

import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.apps import apps
from django.core.validators import RegexValidator
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.errors import DomainError
from portal.events import batched_events
from portal.models import Submission, User

TOKEN_PATTERN = r"^[A-Za-z0-9_-]{22,64}$"


def new_token() -> str:
    """Return a fresh submission token (192 random bits)."""
    return secrets.token_urlsafe(24)


class SubmissionTokenField(forms.CharField):
    """The hidden one-time token of a form; a new one each time an unbound form is rendered."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("initial", new_token)
        kwargs.setdefault(
            "validators",
            [RegexValidator(TOKEN_PATTERN, gettext_lazy("页面已失效，请刷新后重新提交。"))],
        )
        super().__init__(max_length=64, **kwargs)


@dataclass(frozen=True)
class Submitted:
    """What a submission created (the object its receipt shows) and whether it was replayed."""

    subject: models.Model
    secret: str = ""
    replayed: bool = False


def submit_once(*, token: str, account: User | None, create: Callable[[], Submitted]) -> Submitted:
    """Run `create` once per token and return what it created, or what the token's first use did.

    `account` is the signed-in submitter (None when anonymous). A DomainError from `create`
    rolls the token back with the object, so the corrected form may be sent with it again.
    """
    if not token:
        return create()
    earlier = replay(token=token, account=account)
    if earlier is not None:
        return earlier
    try:
        # The events `create` records are written last, just before the commit: each event
        # table's chain lock (portal.event_chain) is then held for the shortest time.
        with transaction.atomic(), batched_events():
            submitted = create()
            # A concurrent duplicate's INSERT waits on the unique digest until this commits,
            # then fails and its whole work rolls back.
            Submission.objects.create(
                token_digest=token_digest(token),
                account=account,
                subject_type=submitted.subject._meta.label_lower,
                subject_pk=str(submitted.subject.pk),
                sealed_secret=_seal(submitted.secret, token),
            )
    except IntegrityError:
        # A concurrent duplicate committed the token first; anything else is not ours to hide.
        earlier = replay(token=token, account=account)
        if earlier is None:
            raise
        return earlier
    return submitted


def replay(*, token: str, account: User | None) -> Submitted | None:
    """Return what the token's first use created, or None if the token is unused."""
    if not token:
        return None
    row = Submission.objects.filter(token_digest=token_digest(token)).first()
    if row is None:
        return None
    spent = DomainError(
        _("这份表单已经提交过。如需再次提交，请重新打开页面填写。"), code="submission_spent"
    )
    if row.account_id != (account.pk if account is not None else None):
        raise spent
    model = apps.get_model(row.subject_type)
    subject = model._default_manager.filter(pk=row.subject_pk).first()
    if subject is None:
        raise spent
    return Submitted(subject=subject, secret=_unseal(row.sealed_secret, token), replayed=True)


def token_digest(token: str) -> str:
    """Return the stored digest of a token."""
    return hashlib.sha256(b"submission\0" + token.encode()).hexdigest()


def _pad(token: str, length: int) -> bytes:
    # Each token is spent once, so its pad is a one-time pad.
    return hashlib.shake_256(b"receipt\0" + token.encode()).digest(length)


def _seal(secret: str, token: str) -> str:
    data = secret.encode()
    return bytes(a ^ b for a, b in zip(data, _pad(token, len(data)), strict=True)).hex()


def _unseal(sealed: str, token: str) -> str:
    data = bytes.fromhex(sealed)
    return bytes(a ^ b for a, b in zip(data, _pad(token, len(data)), strict=True)).decode(
        errors="replace"
    )
