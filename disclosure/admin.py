from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    CatalogueEvent,
    CatalogueItem,
    CatalogueItemVersion,
    CatalogueMaterial,
    SearchEntry,
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


@admin.register(SearchEntry)
class SearchEntryAdmin(admin.ModelAdmin):
    """The index is written by the services; the admin only shows it."""

    list_display = ["title", "kind", "department", "published_at", "is_withdrawn"]
    list_filter = ["kind", "is_withdrawn"]
    search_fields = ["title"]
    list_select_related = ["department"]
    exclude = ["search_vector"]
    readonly_fields = [
        "kind",
        "object_id",
        "title",
        "body",
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
