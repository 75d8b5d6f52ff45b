"""Basket notices, taken over from the project app.

The models were the project app's (``shop``) until the re-cut. This takes
them over without touching the database: their tables, made by the project
app's migrations, keep their rows; the next migration gives them this app's
table names.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('basket', '0012_line_code'),
        ('shop', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='BasketNotice',
                    fields=[
                        ('id', models.AutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('message', models.CharField(max_length=300)),
                        ('date_created', models.DateTimeField(auto_now_add=True)),
                        ('basket', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='notices', to='basket.basket')),
                    ],
                    options={
                        'db_table': 'shop_basketnotice',
                        'ordering': ['date_created', 'pk'],
                    },
                ),
            ],
        ),
    ]
