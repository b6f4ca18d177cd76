"""Demo grants of the identity area: who may read complainants' identities."""

from django.contrib.auth.models import Group, Permission

from portal.roles import Role


def grant_identity_permission() -> None:
    """The hotline office and the discipline inspectors may read complainants' identities (logged)."""
    permission = Permission.objects.get(
        content_type__app_label="petitions", codename="view_complainant_identity"
    )
    for role in (Role.HOTLINE_OPERATOR, Role.DISCIPLINE_INSPECTOR):
        Group.objects.get_or_create(name=role.value)[0].permissions.add(permission)
