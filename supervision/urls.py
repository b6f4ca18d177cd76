from django.urls import path

from supervision import views

app_name = "supervision"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("clocks/", views.clock_list, name="clocks"),
    path("notices/", views.notice_list, name="notices"),
    path("notices/<int:pk>/", views.notice_detail, name="notice"),
    path("notices/<int:pk>/pdf/", views.notice_pdf, name="notice_pdf"),
    path("alerts/", views.alert_list, name="alerts"),
    path("alerts/<int:pk>/", views.alert_detail, name="alert"),
    path("brief/", views.brief, name="brief"),
    path("brief/<int:pk>/", views.brief_detail, name="brief_detail"),
    path("brief/<int:pk>/pdf/", views.brief_pdf, name="brief_pdf"),
]
