"""Citizen pages of 网上审批: apply, follow, query, the results board."""

from django.urls import path

from approvals.views import applying, following

urlpatterns = [
    path("apply/<int:item_pk>/", applying.apply, name="apply"),
    path("cases/<int:pk>/edit/", applying.draft, name="draft"),
    path("cases/<int:pk>/submitted/", applying.submitted, name="submitted"),
    path("cases/<int:pk>/", following.case_detail, name="case"),
    path("cases/<int:pk>/supply/", following.supply, name="supply"),
    path("cases/<int:pk>/withdraw/", following.withdraw, name="withdraw"),
    path("cases/<int:pk>/result/", following.result_document, name="result_document"),
    path(
        "cases/<int:pk>/materials/<int:material_pk>/remove/",
        applying.material_remove,
        name="material_remove",
    ),
    path("materials/<int:pk>/", following.material, name="material"),
    path("mine/", following.mine, name="mine"),
    path("track/", following.track, name="track"),
    path("results/", following.results, name="results"),
]
