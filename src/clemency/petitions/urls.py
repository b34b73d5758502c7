from django.urls import path

from clemency.petitions import views

app_name = "petitions"
urlpatterns = [
    path("", views.petition_list, name="list"),
    path("case/<int:case_pk>/new/", views.petition_create, name="create"),
    path("<int:pk>/", views.petition_detail, name="detail"),
    path("<int:pk>/edit/", views.petition_edit, name="edit"),
    path("<int:pk>/move/", views.petition_move, name="move"),
    path("<int:pk>/decide/", views.petition_decide, name="decide"),
    path("decisions/<int:pk>/correct/", views.decision_correct, name="decision-correct"),
    path("actions/", views.action_list, name="action-list"),
    path("actions/new/", views.action_create, name="action-create"),
    path("actions/<int:pk>/", views.action_detail, name="action-detail"),
    path("actions/<int:pk>/link/", views.action_link, name="action-link"),
]
