"""A column per language for each text; what was written before is English."""

from django.db import migrations, models

from shop.core.translated_columns import copy_into_english


class Migration(migrations.Migration):
    dependencies = [
        ("flatpages", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="flatpage",
            name="content_en",
            field=models.TextField(blank=True, null=True, verbose_name="content"),
        ),
        migrations.AddField(
            model_name="flatpage",
            name="content_nb",
            field=models.TextField(blank=True, null=True, verbose_name="content"),
        ),
        migrations.AddField(
            model_name="flatpage",
            name="title_en",
            field=models.CharField(max_length=200, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="flatpage",
            name="title_nb",
            field=models.CharField(max_length=200, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="flatpage",
            name="url_en",
            field=models.CharField(
                db_index=True, max_length=100, null=True, verbose_name="URL"
            ),
        ),
        migrations.AddField(
            model_name="flatpage",
            name="url_nb",
            field=models.CharField(
                db_index=True, max_length=100, null=True, verbose_name="URL"
            ),
        ),
        migrations.RunPython(
            copy_into_english(
                "flatpages",
                {"FlatPage": ("url", "title", "content")},
            ),
            migrations.RunPython.noop,
        ),
    ]
