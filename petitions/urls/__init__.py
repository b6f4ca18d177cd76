"""The URLs of petitions, gathered from its areas; every name and path is the area module's."""

from petitions.urls import (
    appraisal,
    complaints,
    consultations,
    identity,
    interaction,
    interviews,
    messages,
    monitors,
    suggestions,
    surveys,
)

app_name = "petitions"
# Identity first: its `staff/access-log/`, `staff/identity-grants/` and `staff/<number>/identity/`
# would otherwise be taken by the complaints' `staff/<number>/` and `staff/<number>/<action>/`;
# so would `staff/suggestions/`, `staff/appraisal/`, `staff/consultations/`, `staff/messages/`,
# `staff/monitors/`, `staff/interviews/`, `staff/surveys/` and `staff/moderation/`.
urlpatterns = [
    *identity.urlpatterns,
    *suggestions.urlpatterns,
    *appraisal.urlpatterns,
    *consultations.urlpatterns,
    *interaction.urlpatterns,
    *interviews.urlpatterns,
    *messages.urlpatterns,
    *monitors.urlpatterns,
    *surveys.urlpatterns,
    *complaints.urlpatterns,
]
