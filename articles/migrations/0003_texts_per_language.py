"""A column per language for each text; what was written before is English."""

import articles.models
from django.db import migrations, models

from shop.core.translated_columns import copy_into_english


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_pictures_follow_the_shared_rules"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="body_en",
            field=models.TextField(
                blank=True,
                help_text="Markdown. “## Heading” starts a section (and a table of contents entry). Put [[product:slug]] or [[routine:slug]] on a line of its own to show a live card with price and an add-to-basket button.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="body_nb",
            field=models.TextField(
                blank=True,
                help_text="Markdown. “## Heading” starts a section (and a table of contents entry). Put [[product:slug]] or [[routine:slug]] on a line of its own to show a live card with price and an add-to-basket button.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="hero_alt_en",
            field=models.CharField(
                blank=True,
                help_text="Describes the picture for people who cannot see it.",
                max_length=200,
                null=True,
                verbose_name="hero alt text",
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="hero_alt_nb",
            field=models.CharField(
                blank=True,
                help_text="Describes the picture for people who cannot see it.",
                max_length=200,
                null=True,
                verbose_name="hero alt text",
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="meta_description_en",
            field=models.CharField(
                blank=True,
                help_text="The text in search results, 120–155 characters. Empty: the standfirst.",
                max_length=160,
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="meta_description_nb",
            field=models.CharField(
                blank=True,
                help_text="The text in search results, 120–155 characters. Empty: the standfirst.",
                max_length=160,
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="meta_title_en",
            field=models.CharField(
                blank=True,
                help_text="The title in search results, up to about 60 characters. Empty: the article's title.",
                max_length=70,
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="meta_title_nb",
            field=models.CharField(
                blank=True,
                help_text="The title in search results, up to about 60 characters. Empty: the article's title.",
                max_length=70,
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="slug_en",
            field=models.SlugField(
                help_text="The last part of the address. Changing it later keeps the old address working: it redirects here.",
                max_length=200,
                null=True,
                unique=True,
                validators=[articles.models.validate_article_slug],
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="slug_nb",
            field=models.SlugField(
                help_text="The last part of the address. Changing it later keeps the old address working: it redirects here.",
                max_length=200,
                null=True,
                unique=True,
                validators=[articles.models.validate_article_slug],
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="summary_en",
            field=models.TextField(
                help_text="One or two sentences under the title, on cards and in the feed.",
                max_length=400,
                null=True,
                verbose_name="standfirst",
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="summary_nb",
            field=models.TextField(
                help_text="One or two sentences under the title, on cards and in the feed.",
                max_length=400,
                null=True,
                verbose_name="standfirst",
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="title_en",
            field=models.CharField(max_length=200, null=True),
        ),
        migrations.AddField(
            model_name="article",
            name="title_nb",
            field=models.CharField(max_length=200, null=True),
        ),
        migrations.AddField(
            model_name="author",
            name="bio_en",
            field=models.TextField(
                blank=True,
                help_text="Two or three sentences of plain text.",
                null=True,
                verbose_name="short bio",
            ),
        ),
        migrations.AddField(
            model_name="author",
            name="bio_nb",
            field=models.TextField(
                blank=True,
                help_text="Two or three sentences of plain text.",
                null=True,
                verbose_name="short bio",
            ),
        ),
        migrations.AddField(
            model_name="author",
            name="name_en",
            field=models.CharField(max_length=120, null=True),
        ),
        migrations.AddField(
            model_name="author",
            name="name_nb",
            field=models.CharField(max_length=120, null=True),
        ),
        migrations.AddField(
            model_name="author",
            name="role_en",
            field=models.CharField(
                blank=True,
                help_text="For example “Dermatologist, MD” or “Formulation team”.",
                max_length=200,
                null=True,
                verbose_name="role and credentials",
            ),
        ),
        migrations.AddField(
            model_name="author",
            name="role_nb",
            field=models.CharField(
                blank=True,
                help_text="For example “Dermatologist, MD” or “Formulation team”.",
                max_length=200,
                null=True,
                verbose_name="role and credentials",
            ),
        ),
        migrations.AddField(
            model_name="author",
            name="slug_en",
            field=models.SlugField(max_length=120, null=True, unique=True),
        ),
        migrations.AddField(
            model_name="author",
            name="slug_nb",
            field=models.SlugField(max_length=120, null=True, unique=True),
        ),
        migrations.AddField(
            model_name="topic",
            name="description_en",
            field=models.TextField(
                blank=True,
                help_text="Shown on the topic's page and as its description.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="topic",
            name="description_nb",
            field=models.TextField(
                blank=True,
                help_text="Shown on the topic's page and as its description.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="topic",
            name="name_en",
            field=models.CharField(max_length=120, null=True, unique=True),
        ),
        migrations.AddField(
            model_name="topic",
            name="name_nb",
            field=models.CharField(max_length=120, null=True, unique=True),
        ),
        migrations.AddField(
            model_name="topic",
            name="slug_en",
            field=models.SlugField(max_length=120, null=True, unique=True),
        ),
        migrations.AddField(
            model_name="topic",
            name="slug_nb",
            field=models.SlugField(max_length=120, null=True, unique=True),
        ),
        migrations.RunPython(
            copy_into_english(
                "articles",
                {
                    "Article": (
                        "title",
                        "slug",
                        "summary",
                        "body",
                        "hero_alt",
                        "meta_title",
                        "meta_description",
                    ),
                    "Author": ("name", "slug", "role", "bio"),
                    "Topic": ("name", "slug", "description"),
                },
            ),
            migrations.RunPython.noop,
        ),
    ]
