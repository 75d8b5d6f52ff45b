from django.db import migrations


class Migration(migrations.Migration):
    """The tables taken over from the project app get this app's names."""

    dependencies = [
        ('basket', '0013_basketnotice'),
    ]

    operations = [
        migrations.AlterModelTable(name='basketnotice', table=None),
    ]
