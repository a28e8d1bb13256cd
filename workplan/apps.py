from django.apps import AppConfig


class WorkplanConfig(AppConfig):
    name = "workplan"
