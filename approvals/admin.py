"""Admin: process definitions (drafts editable, versions in force read-only) and cases read-only.

Every change to a case goes through the services (the workbench); the admin only shows it.
"""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from approvals.models import (
    Case,
    CaseEvent,
    CaseMaterial,
    CaseTask,
    MaterialNotice,
    Process,
    ProcessStep,
    Rating,
    RatingAppeal,
    RectificationTicket,
)
from portal.admin import ReadOnlyAdminMixin, ReadOnlyInline


class ProcessStepInline(admin.TabularInline):
    model = ProcessStep
    extra = 0
    filter_horizontal = ["departments"]

    def has_change_permission(self, request, obj=None):
        return obj is None or obj.is_editable

    def has_add_permission(self, request, obj=None):
        return obj is None or obj.is_editable

    def has_delete_permission(self, request, obj=None):
        return obj is None or obj.is_editable


@admin.register(Process)
class ProcessAdmin(SimpleHistoryAdmin):
    list_display = ["item", "version", "status", "total_limit_workdays", "activated_at"]
    list_filter = ["status"]
    search_fields = ["item__name", "item__code"]
    autocomplete_fields = ["item"]
    inlines = [ProcessStepInline]
    # The status moves only through the process pages (activation retires the old version).
    readonly_fields = ["status", "activated_at", "retired_at", "created_at"]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and not obj.is_editable:
            return [f.name for f in Process._meta.fields]
        return self.readonly_fields


class CaseTaskInline(ReadOnlyInline):
    model = CaseTask
    fields = ["step", "department", "status", "signed_by", "signed_at", "opinion"]


class CaseMaterialInline(ReadOnlyInline):
    model = CaseMaterial
    fields = ["name", "original_name", "content_type", "size", "uploaded_at"]


class CaseEventInline(ReadOnlyInline):
    model = CaseEvent
    fields = ["created_at", "code", "actor", "note"]


@admin.register(Case)
class CaseAdmin(ReadOnlyAdminMixin, SimpleHistoryAdmin):
    list_display = ["number", "item", "applicant_name", "department", "status", "submitted_at"]
    list_filter = ["status", "department"]
    search_fields = ["number", "applicant_name"]
    list_select_related = ["item", "department"]
    inlines = [CaseTaskInline, CaseMaterialInline, CaseEventInline]

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(MaterialNotice)
class MaterialNoticeAdmin(ReadOnlyAdminMixin, SimpleHistoryAdmin):
    list_display = ["case", "sent_at", "supplied_at"]


@admin.register(Rating)
class RatingAdmin(ReadOnlyAdminMixin, SimpleHistoryAdmin):
    list_display = ["case", "level", "department", "created_at", "excluded"]
    list_filter = ["level", "excluded"]


@admin.register(RectificationTicket)
class RectificationTicketAdmin(ReadOnlyAdminMixin, SimpleHistoryAdmin):
    list_display = ["rating", "department", "status", "opened_at", "answered_at"]
    list_filter = ["status"]


@admin.register(RatingAppeal)
class RatingAppealAdmin(ReadOnlyAdminMixin, SimpleHistoryAdmin):
    list_display = ["rating", "status", "filed_at", "decided_at"]
    list_filter = ["status"]
