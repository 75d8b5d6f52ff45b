"""Creating an account without telling anyone which addresses have one.

Whoever asks for an account gets the same answer on the page ("check your
inbox"); only the owner of the address learns more, by e-mail: a new address
gets a link that proves it is theirs and lets them choose a password, an
address with an account gets a note saying so, with links to sign in and to
reset the password. The link carries the address, signed and dated, so no
half-made accounts are stored, and an account is only ever made by someone
who can read the address's mail.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.urls import reverse
from django.utils.translation import gettext as _

from shop.commerce.outbox import mail

User = get_user_model()
SALT = "shop.commerce.accounts.signup"


def account_for(email):
    return User.objects.filter(email__iexact=email).order_by("pk").first()


def has_account(email):
    return User.objects.filter(email__iexact=email).exists()


def link_for(email):
    token = signing.dumps(email, salt=SALT, compress=True)
    return settings.SHOP_SITE_URL + reverse("customer:register-confirm", args=[token])


def email_from_token(token):
    """The address a signup link was sent to, or None if it is forged or old."""
    max_age = settings.SHOP_SIGNUP_LINK_HOURS * 60 * 60
    try:
        return signing.loads(token, salt=SALT, max_age=max_age)
    except signing.BadSignature:
        return None


def queue_signup_email(email):
    """The e-mail that answers "create an account for this address"."""
    context = {
        "shop_name": settings.OSCAR_SHOP_NAME,
        "login_url": settings.SHOP_SITE_URL + reverse("customer:login"),
        "reset_url": settings.SHOP_SITE_URL + reverse("password-reset"),
    }
    account = account_for(email)
    if account is not None:
        return mail.queue(
            to=[account.email],
            subject=_("You already have a %(shop)s account")
            % {"shop": settings.OSCAR_SHOP_NAME},
            template="emails/account_exists",
            context=context,
        )
    return mail.queue(
        to=[email],
        subject=_("Finish creating your %(shop)s account")
        % {"shop": settings.OSCAR_SHOP_NAME},
        template="emails/signup_link",
        context={
            **context,
            "link": link_for(email),
            "hours": settings.SHOP_SIGNUP_LINK_HOURS,
        },
    )
