"""The django-oscar files whose strings customers of this shop can read.

Paths are relative to Oscar's package folder. Every msgid in these files must
have a Bokmål translation in locale_oscar/nb/LC_MESSAGES/django.po
(tests/i18n/test_oscar_catalogue.py). Templates the shop overrides
(templates/oscar/) are not here: their strings are the shop's own. Files left
out on purpose: the dashboard; reviews and wishlists (OSCAR_HIDDEN_FEATURES);
stock alerts (not routed); Oscar's search (/search/ goes to the catalogue);
vouchers (no voucher form on the basket page); bank-card and surcharge code
(unused); notifications (the shop sends none, so nothing links to them).
"""

OSCAR_SOURCES = [
    # Basket page and add-to-basket: line warnings, quantity limits and their
    # reasons, form errors, flash messages, the merge message on sign-in.
    "apps/basket/abstract_models.py",
    "apps/basket/forms.py",
    "apps/basket/formsets.py",
    "apps/basket/middleware.py",
    "apps/basket/utils.py",
    "apps/basket/views.py",
    # Checkout: the gateway form, the pre-condition messages before every
    # step, shipping and placing errors shown on the review page.
    "apps/checkout/forms.py",
    "apps/checkout/mixins.py",
    "apps/checkout/session.py",
    "apps/checkout/utils.py",
    "apps/checkout/views.py",
    # Account pages: sign-in, password reset and change, profile, account
    # deletion, order history and "order again", address book, e-mail history.
    "apps/customer/auth_backends.py",
    "apps/customer/forms.py",
    "apps/customer/mixins.py",
    "apps/customer/utils.py",
    "apps/customer/views.py",
    # Address forms (checkout and address book): model validation of the
    # postcode and address, verbose names as labels, phone number checks.
    "apps/address/abstract_models.py",
    "apps/address/forms.py",
    "forms/mixins.py",
    # Orders as customers see them: "order again" says which lines are gone.
    "apps/order/abstract_models.py",
    # Offers: the basket's "buy N more products from ..." (upsell) messages.
    "apps/offer/conditions.py",
    # Stock and availability texts on product pages, and the reasons a
    # quantity is refused in the basket and the checkout.
    "apps/partner/availability.py",
    "apps/partner/strategy.py",
    # Product pages (the shop's ProductDetailView is Oscar's).
    "apps/catalogue/views.py",
    # The basket's shipping estimate before any method is set up ("Free shipping").
    "apps/shipping/methods.py",
    # Post actions of account pages ("order again" on an order page);
    # login_forbidden on the password-reset pages.
    "views/generic.py",
    "views/decorators.py",
    # Oscar's own page layout, still rendered for customers: a signed-in
    # customer who opens a password-reset link gets login_forbidden.html, and
    # the basket's upsell message links to the offer page (offer/detail.html,
    # with offer/list.html and offer/range.html a click away).
    "templates/oscar/login_forbidden.html",
    "templates/oscar/403.html",
    "templates/oscar/error.html",
    "templates/oscar/base.html",
    "templates/oscar/layout.html",
    "templates/oscar/partials/nav_accounts.html",
    "templates/oscar/partials/brand.html",
    "templates/oscar/partials/mini_basket.html",
    "templates/oscar/basket/partials/basket_quick.html",
    "templates/oscar/partials/nav_primary.html",
    "templates/oscar/partials/search.html",
    "templates/oscar/partials/alert_messages.html",
    "templates/oscar/partials/footer.html",
    "templates/oscar/partials/extrascripts.html",
    "templates/oscar/partials/google_analytics.html",
    "templates/oscar/partials/pagination.html",
    "templates/oscar/offer/detail.html",
    "templates/oscar/offer/list.html",
    "templates/oscar/offer/range.html",
    "templates/oscar/catalogue/partials/product.html",
    "templates/oscar/catalogue/partials/stock_record.html",
    "templates/oscar/catalogue/partials/add_to_basket_form_compact.html",
    # E-mails Oscar sends itself (the shop sends order and sign-up e-mails of
    # its own): password reset, password changed, e-mail address changed.
    "templates/oscar/communication/emails/base.html",
    "templates/oscar/communication/emails/base.txt",
    "templates/oscar/communication/emails/commtype_password_reset_subject.txt",
    "templates/oscar/communication/emails/commtype_password_reset_body.txt",
    "templates/oscar/communication/emails/commtype_password_reset_body.html",
    "templates/oscar/communication/emails/commtype_password_changed_subject.txt",
    "templates/oscar/communication/emails/commtype_password_changed_body.txt",
    "templates/oscar/communication/emails/commtype_password_changed_body.html",
    "templates/oscar/communication/emails/commtype_email_changed_subject.txt",
    "templates/oscar/communication/emails/commtype_email_changed_body.txt",
    "templates/oscar/communication/emails/commtype_email_changed_body.html",
]
