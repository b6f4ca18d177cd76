"""The URLs of petitions, gathered from its areas; every name and path is the area module's."""

from petitions.urls import (
    complaints,
    consultations,
    identity,
    interaction,
    messages,
    suggestions,
)

app_name = "petitions"
# Identity first: its `staff/access-log/`, `staff/identity-grants/` and `staff/<number>/identity/`
# would otherwise be taken by the complaints' `staff/<number>/` and `staff/<number>/<action>/`;
# so would `staff/suggestions/`, `staff/consultations/`, `staff/messages/` and `staff/moderation/`.
urlpatterns = [
    *identity.urlpatterns,
    *suggestions.urlpatterns,
    *consultations.urlpatterns,
    *interaction.urlpatterns,
    *messages.urlpatterns,
    *complaints.urlpatterns,
]
