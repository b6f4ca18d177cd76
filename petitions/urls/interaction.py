from django.urls import path

from petitions.views import interaction

urlpatterns = [
    path("interaction/", interaction.index, name="interaction"),
    path("interaction/figures/", interaction.figures, name="interaction_figures"),
    path(
        "interaction/figures/export/",
        interaction.figures_export,
        name="interaction_figures_export",
    ),
]
