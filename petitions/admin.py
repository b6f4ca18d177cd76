"""Admin: categories and routing rules for admins; complaints read-only and scoped; identity
only for holders of `petitions.view_complainant_identity`, each opening logged."""

from django.contrib import admin
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from petitions.models import (
    Category,
    ComplainantIdentity,
    Complaint,
    ComplaintEvent,
    IdentityAccess,
    ProtectedAccess,
    RoutingRule,
)
from petitions.permissions import complaints as complaint_permissions
from petitions.permissions import identity as identity_permissions
from petitions.services import identity as identity_services
from portal.addresses import client_address


class RoutingRuleInline(admin.TabularInline):
    model = RoutingRule
    extra = 0


@admin.register(Category)
class CategoryAdmin(SimpleHistoryAdmin):
    list_display = [
        "name",
        "kind",
        "dispatch_limit_minutes",
        "sign_limit",
        "reply_limit",
        "rehandle_limit",
        "limit_unit",
        "needs_instruction",
        "is_active",
    ]
    list_editable = [
        "dispatch_limit_minutes",
        "sign_limit",
        "reply_limit",
        "rehandle_limit",
        "needs_instruction",
        "is_active",
    ]
    list_filter = ["kind", "is_active"]
    prepopulated_fields = {"code": ["name"]}
    inlines = [RoutingRuleInline]


@admin.register(RoutingRule)
class RoutingRuleAdmin(SimpleHistoryAdmin):
    list_display = ["category", "keywords", "place", "department", "priority", "is_active"]
    list_filter = ["category", "is_active"]


class EventInline(admin.TabularInline):
    model = ComplaintEvent
    extra = 0
    fields = ["created_at", "code", "actor", "note"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Complaint)
class ComplaintAdmin(SimpleHistoryAdmin):
    """Read-only: complaints change through the services; a department sees only its own."""

    list_display = ["number", "title", "category", "status", "department", "registered_at"]
    list_filter = ["status", "category", "channel"]
    search_fields = ["number", "title"]
    exclude = ["query_code_digest"]
    inlines = [EventInline]
    list_select_related = ["category", "department"]

    def get_queryset(self, request):
        return (
            complaint_permissions.complaints_visible_to(request.user)
            if not request.user.is_superuser
            else super().get_queryset(request)
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def _log_read(self, request, object_id, what: str) -> None:
        """A protected complaint read in the admin is logged like the staff pages."""
        complaint = self.get_object(request, object_id)
        if complaint is not None and self.has_view_permission(request, complaint):
            identity_services.protected_access_record(
                user=request.user,
                complaints=[complaint],
                what=what,
                address=client_address(request),
            )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        self._log_read(request, object_id, ProtectedAccess.What.PAGE)
        return super().change_view(request, object_id, form_url, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        self._log_read(request, object_id, ProtectedAccess.What.HISTORY)
        return super().history_view(request, object_id, extra_context)


class _IdentityPermissionMixin:
    def has_module_permission(self, request):
        return identity_permissions.can_view_identity(request.user)

    def has_view_permission(self, request, obj=None):
        return identity_permissions.can_view_identity(request.user)

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ComplainantIdentity)
class ComplainantIdentityAdmin(_IdentityPermissionMixin, SimpleHistoryAdmin):
    """The list names only the complaint; opening a row is logged like the staff identity page."""

    list_display = ["complaint"]
    search_fields = ["complaint__number"]

    def _log_opening(self, request, object_id, purpose: str) -> None:
        """Refuse staff of the units concerned (404); log the opening like the staff page."""
        identity = self.get_object(request, object_id)
        if identity is None or not identity_permissions.can_view_identity(request.user):
            return
        if not identity_permissions.can_view_identity_of(request.user, identity.complaint):
            raise Http404
        IdentityAccess.objects.create(
            complaint_id=identity.complaint_id, user=request.user, purpose=purpose
        )
        identity_services.protected_access_record(
            user=request.user,
            complaints=[identity.complaint],
            what=ProtectedAccess.What.IDENTITY,
            address=client_address(request),
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        self._log_opening(request, object_id, str(_("后台查看")))
        return super().change_view(request, object_id, form_url, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        self._log_opening(request, object_id, str(_("后台查看历史")))
        return super().history_view(request, object_id, extra_context)


@admin.register(IdentityAccess)
class IdentityAccessAdmin(_IdentityPermissionMixin, admin.ModelAdmin):
    list_display = ["accessed_at", "user", "complaint", "purpose"]
    list_select_related = ["user", "complaint"]
