from django.urls import path

from clemency.screenings import views

app_name = "screenings"
urlpatterns = [
    path("", views.run_list, name="list"),
]
