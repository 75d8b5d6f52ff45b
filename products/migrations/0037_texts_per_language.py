"""A column per language for each text; what was written before is English."""

import oscar.models.fields.slugfield
import shop.core.sanitising
from django.db import migrations, models

from shop.core.translated_columns import copy_into_english


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0036_routine_names_are_plain_text"),
    ]

    operations = [
        migrations.AddField(
            model_name="category",
            name="description_en",
            field=models.TextField(blank=True, null=True, verbose_name="Description"),
        ),
        migrations.AddField(
            model_name="category",
            name="description_nb",
            field=models.TextField(blank=True, null=True, verbose_name="Description"),
        ),
        migrations.AddField(
            model_name="category",
            name="meta_description_en",
            field=models.TextField(
                blank=True, null=True, verbose_name="Meta description"
            ),
        ),
        migrations.AddField(
            model_name="category",
            name="meta_description_nb",
            field=models.TextField(
                blank=True, null=True, verbose_name="Meta description"
            ),
        ),
        migrations.AddField(
            model_name="category",
            name="meta_title_en",
            field=models.CharField(
                blank=True, max_length=255, null=True, verbose_name="Meta title"
            ),
        ),
        migrations.AddField(
            model_name="category",
            name="meta_title_nb",
            field=models.CharField(
                blank=True, max_length=255, null=True, verbose_name="Meta title"
            ),
        ),
        migrations.AddField(
            model_name="category",
            name="name_en",
            field=models.CharField(
                db_index=True, max_length=255, null=True, verbose_name="Name"
            ),
        ),
        migrations.AddField(
            model_name="category",
            name="name_nb",
            field=models.CharField(
                db_index=True, max_length=255, null=True, verbose_name="Name"
            ),
        ),
        migrations.AddField(
            model_name="category",
            name="slug_en",
            field=oscar.models.fields.slugfield.SlugField(
                max_length=255, null=True, verbose_name="Slug"
            ),
        ),
        migrations.AddField(
            model_name="category",
            name="slug_nb",
            field=oscar.models.fields.slugfield.SlugField(
                max_length=255, null=True, verbose_name="Slug"
            ),
        ),
        migrations.AddField(
            model_name="product",
            name="claims_en",
            field=models.TextField(
                blank=True,
                help_text="What the product does, one claim per line, as printed by the brand.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="product",
            name="claims_nb",
            field=models.TextField(
                blank=True,
                help_text="What the product does, one claim per line, as printed by the brand.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="product",
            name="description_en",
            field=models.TextField(blank=True, null=True, verbose_name="Description"),
        ),
        migrations.AddField(
            model_name="product",
            name="description_nb",
            field=models.TextField(blank=True, null=True, verbose_name="Description"),
        ),
        migrations.AddField(
            model_name="product",
            name="meta_description_en",
            field=models.TextField(
                blank=True, null=True, verbose_name="Meta description"
            ),
        ),
        migrations.AddField(
            model_name="product",
            name="meta_description_nb",
            field=models.TextField(
                blank=True, null=True, verbose_name="Meta description"
            ),
        ),
        migrations.AddField(
            model_name="product",
            name="meta_title_en",
            field=models.CharField(
                blank=True, max_length=255, null=True, verbose_name="Meta title"
            ),
        ),
        migrations.AddField(
            model_name="product",
            name="meta_title_nb",
            field=models.CharField(
                blank=True, max_length=255, null=True, verbose_name="Meta title"
            ),
        ),
        migrations.AddField(
            model_name="product",
            name="short_description_en",
            field=models.CharField(
                blank=True,
                help_text="One or two sentences shown on product cards and in search results.",
                max_length=300,
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="product",
            name="short_description_nb",
            field=models.CharField(
                blank=True,
                help_text="One or two sentences shown on product cards and in search results.",
                max_length=300,
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="product",
            name="slug_en",
            field=oscar.models.fields.slugfield.SlugField(
                max_length=255, null=True, verbose_name="Slug"
            ),
        ),
        migrations.AddField(
            model_name="product",
            name="slug_nb",
            field=oscar.models.fields.slugfield.SlugField(
                max_length=255, null=True, verbose_name="Slug"
            ),
        ),
        migrations.AddField(
            model_name="product",
            name="title_en",
            field=models.CharField(
                blank=True, max_length=255, null=True, verbose_name="Title"
            ),
        ),
        migrations.AddField(
            model_name="product",
            name="title_nb",
            field=models.CharField(
                blank=True, max_length=255, null=True, verbose_name="Title"
            ),
        ),
        migrations.AddField(
            model_name="product",
            name="usage_en",
            field=models.TextField(
                blank=True,
                help_text="One step per line.",
                null=True,
                verbose_name="how to use",
            ),
        ),
        migrations.AddField(
            model_name="product",
            name="usage_nb",
            field=models.TextField(
                blank=True,
                help_text="One step per line.",
                null=True,
                verbose_name="how to use",
            ),
        ),
        migrations.AddField(
            model_name="productimage",
            name="alt_text_en",
            field=models.CharField(
                help_text="Describes the picture for people who cannot see it.",
                max_length=200,
                null=True,
                verbose_name="alt text",
            ),
        ),
        migrations.AddField(
            model_name="productimage",
            name="alt_text_nb",
            field=models.CharField(
                help_text="Describes the picture for people who cannot see it.",
                max_length=200,
                null=True,
                verbose_name="alt text",
            ),
        ),
        migrations.AddField(
            model_name="routine",
            name="description_en",
            field=models.TextField(
                blank=True, help_text="Paragraphs of plain text.", null=True
            ),
        ),
        migrations.AddField(
            model_name="routine",
            name="description_nb",
            field=models.TextField(
                blank=True, help_text="Paragraphs of plain text.", null=True
            ),
        ),
        migrations.AddField(
            model_name="routine",
            name="name_en",
            field=models.CharField(
                max_length=200,
                null=True,
                unique=True,
                validators=[shop.core.sanitising.reject_markup],
            ),
        ),
        migrations.AddField(
            model_name="routine",
            name="name_nb",
            field=models.CharField(
                max_length=200,
                null=True,
                unique=True,
                validators=[shop.core.sanitising.reject_markup],
            ),
        ),
        migrations.AddField(
            model_name="routine",
            name="slug_en",
            field=models.SlugField(max_length=200, null=True, unique=True),
        ),
        migrations.AddField(
            model_name="routine",
            name="slug_nb",
            field=models.SlugField(max_length=200, null=True, unique=True),
        ),
        migrations.AddField(
            model_name="routine",
            name="summary_en",
            field=models.CharField(
                help_text="Shown on cards and as the page's description.",
                max_length=300,
                null=True,
                validators=[shop.core.sanitising.reject_markup],
            ),
        ),
        migrations.AddField(
            model_name="routine",
            name="summary_nb",
            field=models.CharField(
                help_text="Shown on cards and as the page's description.",
                max_length=300,
                null=True,
                validators=[shop.core.sanitising.reject_markup],
            ),
        ),
        migrations.AddField(
            model_name="routinestep",
            name="instruction_en",
            field=models.CharField(
                help_text="What this step does, in one sentence.",
                max_length=300,
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="routinestep",
            name="instruction_nb",
            field=models.CharField(
                help_text="What this step does, in one sentence.",
                max_length=300,
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="routinestep",
            name="when_en",
            field=models.CharField(
                blank=True,
                help_text="For example: Morning and evening.",
                max_length=100,
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="routinestep",
            name="when_nb",
            field=models.CharField(
                blank=True,
                help_text="For example: Morning and evening.",
                max_length=100,
                null=True,
            ),
        ),
        migrations.RunPython(
            copy_into_english(
                "catalogue",
                {
                    "Product": (
                        "title",
                        "slug",
                        "short_description",
                        "description",
                        "claims",
                        "usage",
                        "meta_title",
                        "meta_description",
                    ),
                    "ProductImage": ("alt_text",),
                    "Category": (
                        "name",
                        "slug",
                        "description",
                        "meta_title",
                        "meta_description",
                    ),
                    "Routine": ("name", "slug", "summary", "description"),
                    "RoutineStep": ("when", "instruction"),
                },
            ),
            migrations.RunPython.noop,
        ),
    ]
