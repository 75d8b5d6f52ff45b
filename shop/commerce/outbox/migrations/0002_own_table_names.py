from django.db import migrations


class Migration(migrations.Migration):
    """The tables taken over from the project app get this app's names."""

    dependencies = [
        ('outbox', '0001_initial'),
    ]

    operations = [
        migrations.AlterModelTable(name='outgoingemail', table=None),
    ]
