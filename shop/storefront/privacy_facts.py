"""What the cookie page and the privacy page list, read from the settings
that decide it, so the pages cannot drift from what the shop does.

``cookies()`` is every cookie the shop sets (tests/test_cookies.py and the
browser walk in tests/browser/ fail on any other), each strictly necessary
for something the visitor asked for, which is why the shop needs no consent
banner (ekomloven §3-15, "strictly necessary"). ``retention()`` is how long
each kind of personal data is kept (shop/commerce/retention.py applies it).
Footer pages show them with the templates ``flatpages/cookies.html`` and
``flatpages/privacy.html`` ({% cookie_table %}, {% retention_table %}).
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

DAY = 24 * 60 * 60
MESSAGES_COOKIE = "messages"  # django.contrib.messages' CookieStorage, fixed


@dataclass(frozen=True)
class Cookie:
    name: str
    purpose: str
    # Seconds; None: until the browser is closed.
    lifetime: int | None


def cookies():
    return [
        Cookie(
            settings.SESSION_COOKIE_NAME,
            _(
                "Keeps you signed in, and remembers your checkout details "
                "between the steps of the checkout."
            ),
            None
            if settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
            else settings.SESSION_COOKIE_AGE,
        ),
        Cookie(
            settings.CSRF_COOKIE_NAME,
            _(
                "Security: makes sure forms you send us (signing in, ordering) "
                "come from our pages and not from another website."
            ),
            None if settings.CSRF_USE_SESSIONS else settings.CSRF_COOKIE_AGE,
        ),
        Cookie(
            settings.OSCAR_BASKET_COOKIE_OPEN,
            _("Remembers what is in your basket when you are not signed in."),
            settings.OSCAR_BASKET_COOKIE_LIFETIME,
        ),
        Cookie(
            settings.LANGUAGE_COOKIE_NAME,
            _(
                "Remembers the language you chose with the language switcher, "
                "so our front page opens in it. Only set when you choose one."
            ),
            settings.LANGUAGE_COOKIE_AGE,
        ),
        Cookie(
            MESSAGES_COOKIE,
            _(
                "Carries a short message, such as “added to your basket”, to "
                "the next page you see, then disappears."
            ),
            None,
        ),
    ]


def duration(seconds):
    """A lifetime as a customer reads it: "1 year", "2 weeks", "30 days"."""
    if seconds is None:
        return _("Until you close the browser")
    days = seconds // DAY
    if days >= 360:
        years = round(days / 365)
        return ngettext("%(count)d year", "%(count)d years", years) % {"count": years}
    if days >= 14 and days % 7 == 0:
        weeks = days // 7
        return ngettext("%(count)d week", "%(count)d weeks", weeks) % {"count": weeks}
    if days:
        return ngettext("%(count)d day", "%(count)d days", days) % {"count": days}
    minutes = max(1, seconds // 60)
    return ngettext("%(count)d minute", "%(count)d minutes", minutes) % {
        "count": minutes
    }


@dataclass(frozen=True)
class Kept:
    what: str
    how_long: str


def retention():
    """Called while a page renders, so the texts are in its language."""
    years = settings.SHOP_BOOKKEEPING_YEARS
    return [
        Kept(
            _(
                "Orders: what you bought, the price, how you paid, the name, "
                "address and e-mail address you ordered with, and the pickup point "
                "you chose or whether the parcel may be left at the door"
            ),
            ngettext(
                "%(years)d year after the end of the year you ordered in, as the "
                "Bookkeeping Act requires; then we remove everything about you "
                "from the order",
                "%(years)d years after the end of the year you ordered in, as the "
                "Bookkeeping Act requires; then we remove everything about you "
                "from the order",
                years,
            )
            % {"years": years},
        ),
        Kept(
            _("Your account, profile and address book"),
            _("Until you delete them or the account"),
        ),
        Kept(
            _("A basket you leave"),
            duration(settings.SHOP_ABANDONED_BASKET_DAYS * DAY),
        ),
        Kept(
            _("Your session (signed in, checkout details)"),
            duration(settings.SESSION_COOKIE_AGE),
        ),
        Kept(
            _("The text of an e-mail we send you"),
            _("Until it has been sent"),
        ),
        Kept(
            _("That we sent you an e-mail: its subject and when"),
            duration(settings.SHOP_OUTBOX_KEEP_DAYS * DAY),
        ),
        Kept(
            _("Failed sign-ins on your account"),
            duration(int(timedelta.total_seconds(settings.AXES_COOLOFF_TIME))),
        ),
    ]
