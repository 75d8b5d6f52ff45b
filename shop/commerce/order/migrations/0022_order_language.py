"""The language of each order. Orders placed before the shop spoke Bokmål were
placed in English; new ones default to Bokmål."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('order', '0021_billingaddress_code_shippingaddress_code'),
    ]

    operations = [
        migrations.AddField(
            model_name='order',
            name='language',
            field=models.CharField(choices=[('nb', 'Norsk'), ('en', 'English')], default='en', editable=False, max_length=10),
        ),
        migrations.AlterField(
            model_name='order',
            name='language',
            field=models.CharField(choices=[('nb', 'Norsk'), ('en', 'English')], default='nb', editable=False, max_length=10),
        ),
    ]
