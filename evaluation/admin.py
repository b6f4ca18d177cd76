from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from evaluation.models import RatedPerson, RatingWarning, Vote, VoteEvent
from portal.admin import ReadOnlyAdminMixin, ReadOnlyInline


@admin.register(RatedPerson)
class RatedPersonAdmin(SimpleHistoryAdmin):
    list_display = ["name", "gender", "position", "department", "is_active"]
    list_filter = ["is_active", "department"]
    search_fields = ["name", "position"]


class VoteEventInline(ReadOnlyInline):
    """A vote's audit trail: each cast or change with the ratings and reason as submitted."""

    model = VoteEvent
    fields = ["created_at", "code", "actor", "data"]


@admin.register(Vote)
class VoteAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read-only: votes are the citizens' own; staff never edit them."""

    list_display = ["person", "month", "is_dissatisfied", "reason_status", "created_at"]
    list_filter = ["is_dissatisfied", "reason_status", "month"]
    inlines = [VoteEventInline]

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(RatingWarning)
class RatingWarningAdmin(SimpleHistoryAdmin):
    list_display = ["person", "tier", "raised_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
