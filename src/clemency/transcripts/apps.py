from django.apps import AppConfig


class TranscriptsConfig(AppConfig):
    name = "clemency.transcripts"
    label = "transcripts"
    verbose_name = "Interrogation transcripts"
