"""The outbox's e-mails, taken over from the project app.

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
                    name='OutgoingEmail',
                    fields=[
                        ('id', models.AutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('to', models.JSONField(help_text='Addresses, as a list.')),
                        ('subject', models.CharField(max_length=200)),
                        ('text', models.TextField()),
                        ('html', models.TextField(blank=True)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('sent_at', models.DateTimeField(blank=True, db_index=True, null=True)),
                        ('attempts', models.PositiveIntegerField(default=0)),
                        ('last_error', models.TextField(blank=True)),
                    ],
                    options={
                        'db_table': 'shop_outgoingemail',
                        'verbose_name': 'outgoing e-mail',
                        'ordering': ['created_at', 'pk'],
                    },
                ),
            ],
        ),
    ]
