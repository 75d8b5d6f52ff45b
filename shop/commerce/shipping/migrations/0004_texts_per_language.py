"""A column per language for each text; what was written before is English."""

from django.db import migrations, models

from shop.core.translated_columns import copy_into_english


class Migration(migrations.Migration):
    dependencies = [
        ("shipping", "0003_auto_20181115_1953"),
    ]

    operations = [
        migrations.AddField(
            model_name="orderanditemcharges",
            name="description_en",
            field=models.TextField(blank=True, null=True, verbose_name="Description"),
        ),
        migrations.AddField(
            model_name="orderanditemcharges",
            name="description_nb",
            field=models.TextField(blank=True, null=True, verbose_name="Description"),
        ),
        migrations.AddField(
            model_name="orderanditemcharges",
            name="name_en",
            field=models.CharField(
                db_index=True,
                max_length=128,
                null=True,
                unique=True,
                verbose_name="Name",
            ),
        ),
        migrations.AddField(
            model_name="orderanditemcharges",
            name="name_nb",
            field=models.CharField(
                db_index=True,
                max_length=128,
                null=True,
                unique=True,
                verbose_name="Name",
            ),
        ),
        migrations.RunPython(
            copy_into_english(
                "shipping",
                {"OrderAndItemCharges": ("name", "description")},
            ),
            migrations.RunPython.noop,
        ),
    ]
