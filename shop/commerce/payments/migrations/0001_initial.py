"""Stripe's sessions and events, taken over from the project app.

The models were the project app's (``shop``) until the re-cut. This takes
them over without touching the database: their tables, made by the project
app's migrations, keep their rows; the next migration gives them this app's
table names.
"""

from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('shop', '0002_outgoingemail_stripecheckoutsession_stripeevent'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='StripeCheckoutSession',
                    fields=[
                        ('id', models.AutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('order_number', models.CharField(max_length=128, unique=True)),
                        ('session_id', models.CharField(max_length=255, unique=True)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                    ],
                    options={'db_table': 'shop_stripecheckoutsession'},
                ),
                migrations.CreateModel(
                    name='StripeEvent',
                    fields=[
                        ('id', models.AutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('event_id', models.CharField(max_length=255, unique=True)),
                        ('type', models.CharField(max_length=100)),
                        ('received_at', models.DateTimeField(auto_now_add=True)),
                    ],
                    options={
                        'db_table': 'shop_stripeevent',
                        'ordering': ['-received_at'],
                    },
                ),
            ],
        ),
    ]
