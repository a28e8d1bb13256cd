from django.urls import path

from . import views

app_name = "questionnaires"

urlpatterns = [
    path("", views.questionnaire_list, name="list"),
    path("new/", views.questionnaire_create, name="create"),
    path("<int:pk>/", views.questionnaire_detail, name="detail"),
    path("<int:pk>/edit/", views.questionnaire_update, name="update"),
    path("<int:pk>/questions/add/", views.question_create, name="question_create"),
    path("<int:pk>/recipients/", views.recipients, name="recipients"),
    path("<int:pk>/circulate/", views.circulate, name="circulate"),
    path("<int:pk>/responses/", views.responses, name="responses"),
    path("<int:pk>/summary/", views.summary, name="summary"),
    path("<int:pk>/answers.csv", views.export_csv, name="export_csv"),
    path("<int:pk>/answers.xlsx", views.export_xlsx, name="export_xlsx"),
    path("<int:pk>/answer/", views.answer, name="answer"),
    path("<int:pk>/answer/<str:iso3>/", views.answer_for_state, name="answer_for_state"),
    path("questions/<int:pk>/edit/", views.question_update, name="question_update"),
    path("questions/<int:pk>/delete/", views.question_delete, name="question_delete"),
    path("questions/<int:pk>/move/", views.question_move, name="question_move"),
    path("responses/<int:pk>/", views.response_detail, name="response_detail"),
]
