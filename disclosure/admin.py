from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from portal.admin import ReadOnlyAdminMixin, ReadOnlyInline

from .models import (
    Article,
    ArticleAttachment,
    ArticleEvent,
    CatalogueEvent,
    CatalogueItem,
    CatalogueItemVersion,
    CatalogueMaterial,
    Column,
    Consultation,
    InfoReport,
    InformationRequest,
    RequestDocument,
    RequestEvent,
)


class CatalogueMaterialInline(admin.TabularInline):
    model = CatalogueMaterial
    extra = 0


class CatalogueItemVersionInline(admin.TabularInline):
    """Published versions are a record: read only."""

    model = CatalogueItemVersion
    extra = 0
    can_delete = False
    fields = ["number", "published_at", "published_by"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


class CatalogueEventInline(admin.TabularInline):
    model = CatalogueEvent
    extra = 0
    can_delete = False
    fields = ["created_at", "code", "actor", "note"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(CatalogueItem)
class CatalogueItemAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "kind", "department", "status", "updated_at"]
    list_filter = ["status", "kind"]
    search_fields = ["code", "name"]
    list_select_related = ["department"]
    autocomplete_fields = []
    # Status, versions and publication dates move only through the staff workflow (services).
    readonly_fields = [
        "status",
        "version",
        "submitted_at",
        "published_at",
        "withdrawn_at",
        "drafted_by",
        "submitted_by",
    ]
    inlines = [CatalogueMaterialInline, CatalogueItemVersionInline, CatalogueEventInline]

    def has_delete_permission(self, request, obj=None):
        # Items are withdrawn through the workflow, never deleted: their events stay attached.
        return False


# --- Disclosure on request ---------------------------------------------------------------------


class ConsultationInline(ReadOnlyInline):
    model = Consultation
    fields = ["third_party", "started_at", "due_at", "ended_at", "outcome"]


class RequestDocumentInline(ReadOnlyInline):
    model = RequestDocument
    fields = ["original_name", "content_type", "size", "created_at"]


class RequestEventInline(ReadOnlyInline):
    model = RequestEvent
    fields = ["created_at", "code", "actor", "note"]


@admin.register(InformationRequest)
class InformationRequestAdmin(ReadOnlyAdminMixin, SimpleHistoryAdmin):
    """Requests move only through the office's pages (services): the admin reads them."""

    list_display = ["number", "applicant_name", "status", "reply_type", "received_at", "closed_at"]
    list_filter = ["status", "reply_type", "delivery"]
    search_fields = ["number", "applicant_name", "description"]
    date_hierarchy = "received_at"
    inlines = [ConsultationInline, RequestDocumentInline, RequestEventInline]


# --- Columns and information reporting ---------------------------------------------------------


@admin.register(Column)
class ColumnAdmin(SimpleHistoryAdmin):
    """Admins maintain the columns and their update intervals; the tallies follow the articles."""

    list_display = [
        "name",
        "slug",
        "department",
        "update_interval_days",
        "last_published_at",
        "published_count",
        "is_active",
        "order",
    ]
    list_editable = ["order", "is_active"]
    list_select_related = ["department"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["last_published_at", "published_count"]


class ArticleAttachmentInline(ReadOnlyInline):
    model = ArticleAttachment
    fields = ["original_name", "content_type", "size", "uploaded_at"]


class ArticleEventInline(ReadOnlyInline):
    model = ArticleEvent
    fields = ["created_at", "code", "actor", "note"]


@admin.register(Article)
class ArticleAdmin(ReadOnlyAdminMixin, SimpleHistoryAdmin):
    """Articles move only through the staff workflow (services): the admin reads them."""

    list_display = ["title", "column", "department", "status", "published_at"]
    list_filter = ["status", "column"]
    search_fields = ["title"]
    list_select_related = ["column", "department"]
    inlines = [ArticleAttachmentInline, ArticleEventInline]


@admin.register(InfoReport)
class InfoReportAdmin(ReadOnlyAdminMixin, SimpleHistoryAdmin):
    list_display = ["title", "department", "status", "score", "submitted_at"]
    list_filter = ["status"]
    search_fields = ["title"]
    list_select_related = ["department"]
    date_hierarchy = "submitted_at"
