from django.urls import path

from clemency.deadlines import views

app_name = "deadlines"
urlpatterns = [
    path("", views.deadline_list, name="list"),
    path("case/<int:case_pk>/new/", views.deadline_create, name="create"),
    path("<int:pk>/edit/", views.deadline_edit, name="edit"),
    path("<int:pk>/done/", views.deadline_done, name="done"),
    path("<int:pk>/delete/", views.deadline_delete, name="delete"),
    path("<int:pk>/execution/", views.execution_resolve, name="execution_resolve"),
    path("calendar/", views.calendar_settings, name="calendar"),
    path("calendar/rotate/", views.calendar_rotate, name="rotate_token"),
    path("calendar/<str:token>.ics", views.calendar_feed, name="feed"),
]
