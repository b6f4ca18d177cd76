"""Use cases of the portal shell: the only place here that writes."""

import datetime

from axes.utils import reset as axes_reset
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal import identity, shell
from portal.errors import DomainError
from portal.models import (
    AccountEvent,
    CalendarDay,
    CalendarYear,
    InboxMessage,
    PhoneCode,
    StaffRelation,
    User,
)
from portal.notifications import notify, notify_contact
from portal.phone_codes import CodeCheck, PhoneCodeError, phone_code_send, phone_codes_use
from portal.texts import coded


def account_register(
    *, kind: User.Kind, password: str, code: str, real_name_check: str, **profile
) -> User:
    """Register a citizen (个人注册) or an enterprise (企业注册) whose mobile number a code proved.

    Citizens sign in with their mobile number, enterprises with their credit code; both can
    also use the other identifiers `PortalLoginBackend` accepts. `real_name_check` is what the
    real-name verifier answered ("match" or "unchecked"), kept on the event row.
    """
    # Spent in a transaction of its own, so that a wrong code's try is counted (phone_codes).
    phone_codes_use([CodeCheck("code", profile["mobile"], PhoneCode.Purpose.REGISTER, code)])
    username = profile["credit_code"] if kind == User.Kind.ENTERPRISE else profile["mobile"]
    with transaction.atomic():
        user = User(username=username, kind=kind, **profile)
        user.set_password(password)
        user.save()
        AccountEvent.record(
            user, AccountEvent.Code.REGISTERED, actor=user, real_name_check=real_name_check
        )
        notify(
            [user],
            subject=coded("portal.welcome"),
            body=coded("portal.welcome_body"),
            url=reverse("portal:account"),
            email=False,
        )
    return user


def password_reset_code_send(*, mobile: str, address: str) -> None:
    """找回密码 by SMS: send a code if an active account has this number.

    Otherwise the request is counted and answered the same, and nothing is sent (phone_codes).
    """
    registered = User.objects.filter(mobile=mobile, is_active=True).exists()
    phone_code_send(
        mobile=mobile, purpose=PhoneCode.Purpose.RESET, address=address, deliver=registered
    )


def password_reset_by_code(*, mobile: str, code: str, password: str) -> User:
    """Set a new password for the account of `mobile` once the code sent to it is proved."""
    phone_codes_use([CodeCheck("code", mobile, PhoneCode.Purpose.RESET, code)])
    with transaction.atomic():
        user = User.objects.select_for_update().filter(mobile=mobile, is_active=True).first()
        if user is None:
            # Only a guessed code of a number without an account gets here: answer as to a wrong one.
            raise PhoneCodeError(_("验证码不正确或已失效，请核对短信或重新获取。"), field="code")
        user.set_password(password)
        user.save(update_fields=["password"])
        AccountEvent.record(user, AccountEvent.Code.PASSWORD_RESET_BY_SMS, actor=user)
        notify(
            [user],
            subject=coded("portal.password_reset"),
            body=coded("portal.password_reset_body"),
        )
    account_lockout_lift(user)
    return user


def account_lockout_lift(user: User) -> None:
    """Forget the account's failed sign-ins from every address (解除登录锁定).

    Called once the owner proved the account is theirs by a password reset (SMS code or e-mail
    link): a stranger's guesses then no longer keep them out for the cool-off time. The
    addresses' counts over other accounts stay.
    """
    axes_reset(username=user.username)


def mobile_change_code_send(*, actor: User, mobile: str, address: str) -> None:
    """更换手机号码: send a code to the account's number or to the new one."""
    purpose = (
        PhoneCode.Purpose.MOBILE_OLD if mobile == actor.mobile else PhoneCode.Purpose.MOBILE_NEW
    )
    phone_code_send(mobile=mobile, purpose=purpose, address=address)


def account_mobile_change(*, actor: User, new_mobile: str, old_code: str, new_code: str) -> User:
    """Move an account to a new mobile number, proved by a code to the old and one to the new.

    A citizen's user name is their number, so it moves with it: the old number is then free for
    whoever gets it next. An account without a number only proves the new one.
    """
    old_mobile = actor.mobile
    checks = [CodeCheck("new_code", new_mobile, PhoneCode.Purpose.MOBILE_NEW, new_code)]
    if old_mobile:
        checks.insert(0, CodeCheck("old_code", old_mobile, PhoneCode.Purpose.MOBILE_OLD, old_code))
    phone_codes_use(checks)
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=actor.pk)
        if User.objects.exclude(pk=user.pk).filter(Q(mobile=new_mobile) | Q(username=new_mobile)):
            raise DomainError(_("该手机号码已被其他账号使用。"))
        user.mobile = new_mobile
        if old_mobile and user.username == old_mobile:
            user.username = new_mobile
        user.save(update_fields=["mobile", "username"])
        AccountEvent.record(
            user,
            AccountEvent.Code.MOBILE_CHANGED,
            actor=actor,
            old=identity.mask_mobile(old_mobile),
            new=identity.mask_mobile(new_mobile),
        )
        notify(
            [user],
            subject=coded("portal.mobile_changed"),
            body=coded("portal.mobile_changed_body"),
            url=reverse("portal:account"),
        )
        if old_mobile:
            notify_contact(
                mobile=old_mobile,
                subject=coded("portal.mobile_changed"),
                body=coded("portal.mobile_left_body"),
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
        shell.forget_unread([message.recipient_id])


def calendar_load_official(*, years: list[int] | None = None) -> list[int]:
    """Load the State Council's calendar from `chinese-calendar` into the table (工作日历).

    Loads the given years, or every year the package knows that the table lacks; returns the
    years loaded. Rows an admin entered are kept: the admin knows better than the package.
    """
    import chinese_calendar

    from portal import workdays

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
        announce_years_loaded(wanted, actor=None)
    return wanted


def announce_years_loaded(years: list[int], *, actor: User | None) -> None:
    """After commit, let supervision recompute the deadlines over the newly loaded years."""
    from portal import holidays

    transaction.on_commit(
        lambda: holidays.calendar_years_loaded.send(sender=None, years=years, actor=actor)
    )


@transaction.atomic
def calendar_load_announced(
    *,
    actor: User,
    year: int,
    holidays: list[datetime.date],
    workdays: list[datetime.date],
) -> CalendarYear:
    """Load a year as the State Council announced it (国务院办公厅关于节假日安排的通知).

    The admin enters the days off and the make-up working days (调休); they override the year's
    days, its provisional calendar ends, and every open deadline over it is recomputed.
    """
    from portal import workdays as working_days

    days = dict.fromkeys(holidays, False) | dict.fromkeys(workdays, True)
    if any(day.year != year for day in days):
        raise DomainError(_("所有日期都应在%(year)d年内。") % {"year": year})
    if set(holidays) & set(workdays):
        raise DomainError(_("同一天不能既是放假日又是调休上班日。"))
    if CalendarYear.objects.filter(year=year).exists():
        raise DomainError(_("%(year)d年的日历已经载入；请在日历日中逐日更正。") % {"year": year})
    # Announced days win over what was there; other days an admin entered for the year stay.
    CalendarDay.objects.bulk_create(
        [
            CalendarDay(
                date=day,
                is_workday=is_workday,
                name=_("调休上班") if is_workday else _("放假"),
                source=CalendarDay.Source.ADMIN,
            )
            for day, is_workday in sorted(days.items())
        ],
        update_conflicts=True,
        unique_fields=["date"],
        update_fields=["is_workday", "name", "source"],
    )
    loaded = CalendarYear.objects.create(year=year, source=CalendarDay.Source.ADMIN)
    transaction.on_commit(working_days.calendar_changed)
    announce_years_loaded([year], actor=actor)
    return loaded


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
