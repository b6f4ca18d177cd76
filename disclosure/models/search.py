"""Kept for the migration history only: disclosure's first migration names this field's path.

The search index moved to `portal.search` (migration 0008 deleted disclosure's table).
"""

from portal.search.models import TsVectorField

__all__ = ["TsVectorField"]
