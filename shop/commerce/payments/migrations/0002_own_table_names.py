from django.db import migrations


class Migration(migrations.Migration):
    """The tables taken over from the project app get this app's names."""

    dependencies = [
        ('payments', '0001_initial'),
    ]

    operations = [
        migrations.AlterModelTable(name='stripecheckoutsession', table=None),
        migrations.AlterModelTable(name='stripeevent', table=None),
    ]
