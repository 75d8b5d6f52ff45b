"""Migration helper: texts written before the shop had two languages are
English, so they become the English column of each translated field."""

from django.db.models import F

ORIGINAL_LANGUAGE = "en"


def copy_into_english(app_label: str, fields_by_model: dict[str, tuple[str, ...]]):
    """A RunPython function copying each field into ``<field>_en``."""

    def forwards(apps, schema_editor):
        for model_name, fields in fields_by_model.items():
            model = apps.get_model(app_label, model_name)
            model.objects.update(
                **{f"{name}_{ORIGINAL_LANGUAGE}": F(name) for name in fields}
            )

    return forwards
