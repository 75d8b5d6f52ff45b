"""Offer and range names and offer descriptions per language; what was
written before is English."""

from django.db import migrations, models

from shop.core.translated_columns import copy_into_english


class Migration(migrations.Migration):

    dependencies = [
        ('offer', '0013_range_excluded_categories'),
    ]

    operations = [
        migrations.AddField(
            model_name='conditionaloffer',
            name='description_en',
            field=models.TextField(blank=True, help_text='This is displayed on the offer browsing page', null=True, verbose_name='Description'),
        ),
        migrations.AddField(
            model_name='conditionaloffer',
            name='description_nb',
            field=models.TextField(blank=True, help_text='This is displayed on the offer browsing page', null=True, verbose_name='Description'),
        ),
        migrations.AddField(
            model_name='conditionaloffer',
            name='name_en',
            field=models.CharField(help_text="This is displayed within the customer's basket", max_length=128, null=True, unique=True, verbose_name='Name'),
        ),
        migrations.AddField(
            model_name='conditionaloffer',
            name='name_nb',
            field=models.CharField(help_text="This is displayed within the customer's basket", max_length=128, null=True, unique=True, verbose_name='Name'),
        ),
        migrations.AddField(
            model_name='range',
            name='name_en',
            field=models.CharField(max_length=128, null=True, unique=True, verbose_name='Name'),
        ),
        migrations.AddField(
            model_name='range',
            name='name_nb',
            field=models.CharField(max_length=128, null=True, unique=True, verbose_name='Name'),
        ),
        migrations.RunPython(
            copy_into_english(
                "offer",
                {"ConditionalOffer": ("name", "description"), "Range": ("name",)},
            ),
            migrations.RunPython.noop,
        ),
    ]
