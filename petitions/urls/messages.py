from django.urls import path

from petitions.views import moderation
from petitions.views.messages import public, staff

urlpatterns = [
    path("messages/write/", public.write, name="message_write"),
    path("messages/written/", public.written, name="message_written"),
    path("messages/track/", public.track, name="message_track"),
    path("messages/track/<str:number>/", public.track_detail, name="message_track_detail"),
    path("messages/mine/", public.mine, name="message_mine"),
    path("messages/", public.qa_list, name="qa_list"),
    path("messages/units/<slug:code>/", public.department_qa, name="department_qa"),
    path("messages/<str:number>/", public.qa_detail, name="qa_detail"),
    path("staff/messages/", staff.queue, name="message_staff_queue"),
    path(
        "staff/messages/from-complaint/<str:number>/",
        staff.from_complaint,
        name="message_from_complaint",
    ),
    path("staff/messages/<str:number>/", staff.detail, name="message_staff_detail"),
    path("staff/messages/<str:number>/<slug:action>/", staff.act, name="message_staff_act"),
    path("staff/moderation/", moderation.queue, name="moderation_queue"),
    path("staff/moderation/<int:pk>/", moderation.detail, name="moderation_detail"),
]
