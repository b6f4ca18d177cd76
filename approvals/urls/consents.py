"""代办授权 pages: the agent's waiting draft and the citizen's requests."""

from django.urls import path

from approvals.views import consents as views

urlpatterns = [
    path("cases/<int:pk>/consent/", views.agent_consent, name="consent"),
    path("consents/", views.citizen_consents, name="consents"),
    path("consents/<int:pk>/decide/", views.consent_decide, name="consent_decide"),
]
