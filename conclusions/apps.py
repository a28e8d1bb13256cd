from django.apps import AppConfig


class ConclusionsConfig(AppConfig):
    name = "conclusions"
