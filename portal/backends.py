"""Sign in with a user name, a mobile number or a resident ID number."""

from django.contrib.auth.backends import ModelBackend
from django.db.models import Q

from portal.identity import normalize_resident_id
from portal.models import User


def user_for_login(login: str) -> User | None:
    """Return the account a typed login names (user name, mobile or resident ID), or None."""
    login = (login or "").strip()
    if not login:
        return None
    return User.objects.filter(
        Q(username=login) | Q(mobile=login) | Q(resident_id=normalize_resident_id(login))
    ).first()


class PortalLoginBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if not username or password is None:
            return None
        user = user_for_login(username)
        if user is None:
            # Spend the same time as a real check, so timing does not reveal who is registered.
            User().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None

    def get_user(self, user_id):
        user = User.objects.signed_in(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None
