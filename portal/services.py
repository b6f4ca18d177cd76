"""Use cases of the portal shell: the only place here that writes."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.models import InboxMessage, StaffRelation, User
from portal.notifications import notify


@transaction.atomic
def account_register(*, kind: User.Kind, password: str, **profile) -> User:
    """Register a citizen (个人注册) or an enterprise (企业注册).

    Citizens sign in with their mobile number, enterprises with their credit code; both can
    also use the other identifiers `PortalLoginBackend` accepts.
    """
    username = profile["credit_code"] if kind == User.Kind.ENTERPRISE else profile["mobile"]
    user = User(username=username, kind=kind, **profile)
    user.set_password(password)
    user.save()
    notify(
        [user],
        subject=_("欢迎注册县政务服务网"),
        body=_("您已成功注册。今后办事、投诉、测评时，您的信息将自动填写，无需重复录入。"),
        url=reverse("portal:account"),
        email=False,
    )
    return user


@transaction.atomic
def relation_declare(
    *,
    staff: User,
    name: str,
    kind: str,
    resident_id: str = "",
    credit_code: str = "",
    note: str = "",
) -> StaffRelation:
    """Record a relation a member of staff declares, so they are kept off the related party's cases."""
    return StaffRelation.objects.create(
        staff=staff,
        name=name,
        kind=kind,
        resident_id=resident_id,
        credit_code=credit_code,
        note=note,
    )


def inbox_mark_read(*, message: InboxMessage) -> None:
    if message.read_at is None:
        message.read_at = timezone.now()
        message.save(update_fields=["read_at"])


def calendar_load_official(*, years: list[int] | None = None) -> list[int]:
    """Load the State Council's calendar from `chinese-calendar` into the table (工作日历).

    Loads the given years, or every year the package knows that the table lacks; returns the
    years loaded. Rows an admin entered are kept: the admin knows better than the package.
    """
    import chinese_calendar

    from portal import workdays
    from portal.models import CalendarDay, CalendarYear

    known = {day.year for day in chinese_calendar.holidays}
    wanted = set(years) if years is not None else known
    wanted = sorted((wanted & known) - set(CalendarYear.objects.values_list("year", flat=True)))
    if not wanted:
        return []
    official = [
        CalendarDay(
            date=day, is_workday=is_workday, name=str(name), source=CalendarDay.Source.OFFICIAL
        )
        for source, is_workday in (
            (chinese_calendar.holidays, False),
            (chinese_calendar.workdays, True),
        )
        for day, name in source.items()
        if day.year in wanted
    ]
    with transaction.atomic():
        CalendarDay.objects.bulk_create(official, ignore_conflicts=True)
        CalendarYear.objects.bulk_create(
            [CalendarYear(year=year, source=CalendarDay.Source.OFFICIAL) for year in wanted],
            ignore_conflicts=True,
        )
        transaction.on_commit(workdays.calendar_changed)
    return wanted


@transaction.atomic
def second_factor_start(*, user: User) -> TOTPDevice:
    """Return the user's authenticator being set up, creating it on the first visit."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=_("身份验证器"), confirmed=False)


@transaction.atomic
def second_factor_confirm(*, user: User, token: str) -> TOTPDevice | None:
    """Confirm the authenticator being set up if the code is right; return it, else None."""
    device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=False).first()
    if device is None or not device.verify_token(token):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return device
