"""The warning thresholds of DOMAIN.md §4, overridable in settings."""

from django.conf import settings

from evaluation.models import Basis, Tier

DEFAULTS = {
    Basis.MONTH: {Tier.III: 10, Tier.II: 20, Tier.I: 40},
    Basis.YEAR: {Tier.III: 40, Tier.II: 80, Tier.I: 120},
}


def thresholds(basis: str) -> dict[int, int]:
    """Return {tier: dissatisfied votes needed} for a basis, from EVALUATION_THRESHOLDS."""
    configured = getattr(settings, "EVALUATION_THRESHOLDS", {}).get(str(basis), {})
    merged = {int(t): n for t, n in DEFAULTS[Basis(basis)].items()}
    merged.update({int(Tier[name]): n for name, n in configured.items()})
    return merged


def tier_reached(basis: str, count: int) -> int:
    """Return the highest tier a count reaches on a basis (0: none)."""
    return max((t for t, n in thresholds(basis).items() if count >= n), default=0)
