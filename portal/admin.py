"""The admin for people, departments, the official calendar and the outbox."""

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from portal import services
from portal.errors import DomainError
from portal.forms import CalendarAnnouncementForm
from portal.models import (
    CalendarDay,
    CalendarYear,
    Department,
    InboxMessage,
    OutboxMessage,
    StaffRelation,
    User,
)
from portal.search.models import SearchEntry, SearchSynonym


class ReadOnlyInline(admin.TabularInline):
    """Rows the services write (events, documents, tasks): shown in the admin, never edited."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ReadOnlyAdminMixin:
    """Records that move only through a pillar's services: the admin reads them.

    Nor does it delete them: a record is withdrawn, never deleted, and its event rows (the
    tamper-evident audit log) must keep their subject.
    """

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(User)
class PortalUserAdmin(UserAdmin, SimpleHistoryAdmin):
    list_display = ["username", "display_name", "kind", "department", "mobile", "is_active"]
    list_filter = ["kind", "groups", "is_active", "department__kind"]
    search_fields = ["username", "real_name", "organization_name", "mobile"]
    list_select_related = ["department"]
    fieldsets = [
        *UserAdmin.fieldsets,
        (
            _("门户资料"),
            {
                "fields": [
                    "kind",
                    "real_name",
                    "mobile",
                    "resident_id",
                    "organization_name",
                    "credit_code",
                    "address",
                    "department",
                    "position",
                ]
            },
        ),
    ]

    def has_delete_permission(self, request, obj=None):
        # An account has its own audit trail (AccountEvent) and acts in every other: it is
        # deactivated (is_active), never deleted.
        return False


@admin.register(Department)
class DepartmentAdmin(SimpleHistoryAdmin):
    list_display = ["name", "code", "kind", "parent", "phone", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "code"]
    list_select_related = ["parent"]


@admin.register(StaffRelation)
class StaffRelationAdmin(SimpleHistoryAdmin):
    list_display = ["staff", "name", "kind", "declared_at"]
    list_select_related = ["staff"]
    search_fields = ["name", "staff__real_name"]


@admin.register(CalendarDay)
class CalendarDayAdmin(SimpleHistoryAdmin):
    list_display = ["date", "is_workday", "name", "source"]
    list_filter = ["is_workday", "source"]
    date_hierarchy = "date"

    def save_model(self, request, obj, form, change):
        # What an admin enters overrides the package's data when it is reloaded.
        obj.source = CalendarDay.Source.ADMIN
        super().save_model(request, obj, form, change)


@admin.register(CalendarYear)
class CalendarYearAdmin(admin.ModelAdmin):
    list_display = ["year", "source", "loaded_at"]
    change_list_template = "admin/portal/calendaryear/change_list.html"

    def get_urls(self):
        announce = self.admin_site.admin_view(self.announce_view)
        return [
            path("announce/", announce, name="portal_calendaryear_announce"),
            *super().get_urls(),
        ]

    def announce_view(self, request):
        """Load a year from the State Council's notice; open deadlines over it are recomputed."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = CalendarAnnouncementForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                services.calendar_load_announced(actor=request.user, **form.cleaned_data)
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(
                    request,
                    _("%(year)d年的节假日安排已载入，涉及该年的期限已重新计算。")
                    % {"year": form.cleaned_data["year"]},
                )
                return redirect("admin:portal_calendaryear_changelist")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "form": form,
            "title": _("载入国务院公布的节假日安排"),
        }
        return TemplateResponse(request, "admin/portal/calendaryear/announce.html", context)


@admin.action(description=_("重新发送所选的失败消息"))
def retry_failed(modeladmin, request, queryset):
    count = queryset.filter(status=OutboxMessage.Status.FAILED).update(
        status=OutboxMessage.Status.PENDING, next_attempt_at=timezone.now(), claimed_at=None
    )
    messages.success(
        request, _("%(count)d 条消息已重新排队，将由下一次发送任务处理。") % {"count": count}
    )


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    list_display = [
        "channel",
        "address",
        "status",
        "attempts",
        "created_at",
        "sent_at",
        "last_error",
    ]
    list_filter = ["status", "channel"]
    actions = [retry_failed]
    readonly_fields = [f.name for f in OutboxMessage._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(InboxMessage)
class InboxMessageAdmin(admin.ModelAdmin):
    list_display = ["recipient", "subject", "created_at", "read_at"]
    list_select_related = ["recipient"]
    readonly_fields = [f.name for f in InboxMessage._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(SearchSynonym)
class SearchSynonymAdmin(admin.ModelAdmin):
    """Admins keep the synonyms that widen searches and make suggestions (户口 户籍 户口簿)."""

    list_display = ["words", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["words"]


@admin.register(SearchEntry)
class SearchEntryAdmin(admin.ModelAdmin):
    """The index is written by the pillars' services; the admin only shows it."""

    list_display = ["title", "kind", "department", "published_at", "is_withdrawn"]
    list_filter = ["kind", "is_withdrawn"]
    search_fields = ["title"]
    list_select_related = ["department"]
    exclude = ["search_vector"]
    readonly_fields = [
        "kind",
        "object_id",
        "title",
        "fields",
        "rank",
        "department",
        "url",
        "published_at",
        "is_withdrawn",
        "tokens",
    ]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
