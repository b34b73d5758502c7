from django.urls import path

from clemency.cases import views, views_facts, views_tools

app_name = "cases"
urlpatterns = [
    path("", views.case_list, name="list"),
    path("new/", views.case_create, name="create"),
    path("search/", views_tools.search_page, name="search"),
    path("conflicts/", views_tools.conflicts_page, name="conflicts"),
    path("import/", views_tools.import_page, name="import"),
    path("export.csv", views_tools.export_csv, name="export"),
    path("<int:pk>/", views.case_detail, name="detail"),
    path("<int:pk>/edit/", views.case_edit, name="edit"),
    path("<int:pk>/move/", views.case_move, name="move"),
    path("<int:pk>/notes/", views.note_add, name="note-add"),
    path("<int:pk>/privilege/", views.privilege_grant, name="privilege-grant"),
    path("<int:pk>/facts/", views_facts.facts_page, name="facts"),
    path("<int:pk>/facts/answer/", views_facts.fact_answer, name="fact-answer"),
    path("<int:pk>/convictions/new/", views.conviction_create, name="conviction-create"),
    path("convictions/<int:pk>/edit/", views.conviction_edit, name="conviction-edit"),
    path("convictions/<int:pk>/charges/", views.charge_add, name="charge-add"),
    path("convictions/<int:pk>/parties/", views.party_add, name="party-add"),
]
