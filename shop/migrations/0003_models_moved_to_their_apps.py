"""The project app's models now belong to the apps that use them: basket
notices to the basket, e-mails to the outbox, Stripe's records to payments.
Those apps took the tables over; this forgets the models here without
touching the database."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('shop', '0002_outgoingemail_stripecheckoutsession_stripeevent'),
        ('basket', '0013_basketnotice'),
        ('outbox', '0001_initial'),
        ('payments', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name='BasketNotice'),
                migrations.DeleteModel(name='OutgoingEmail'),
                migrations.DeleteModel(name='StripeCheckoutSession'),
                migrations.DeleteModel(name='StripeEvent'),
            ],
        ),
    ]
