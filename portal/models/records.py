"""What the shared mechanisms keep: spent submission tokens and materialised figures."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.models.accounts import User


class Submission(models.Model):
    """A spent one-time submission token (一次性提交令牌) and the object it created.

    Written in the transaction that creates the object, so the unique digest settles a double
    submission; see portal/submissions.py. Only the token's digest is kept, and the receipt's
    one-time secret only sealed with the token.
    """

    token_digest = models.CharField(max_length=64, unique=True)
    account = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    subject_type = models.CharField(max_length=100, blank=True)
    subject_pk = models.CharField(max_length=64, blank=True)
    sealed_secret = models.CharField(max_length=128, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("表单提交记录")
        verbose_name_plural = _("表单提交记录")

    def __str__(self) -> str:
        return f"{self.subject_type} {self.subject_pk}"


class Snapshot(models.Model):
    """Figures materialised by beat (物化统计), read by pages with their freshness stamp.

    A pillar registers a `name` with `portal.snapshots.register`; `data` is what its compute
    function returned for `key` (e.g. a year), codes and numbers only.
    """

    name = models.CharField(max_length=60)
    key = models.CharField(max_length=60, blank=True)
    data = models.JSONField(default=dict)
    computed_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["name", "key"], name="snapshot_name_key")]

    def __str__(self) -> str:
        return f"{self.name}:{self.key}"
