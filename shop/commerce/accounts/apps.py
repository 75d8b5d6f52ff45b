"""Oscar's customer app with our account views (sign-up confirmed by e-mail,
POST-only sign-out, rate-limited account e-mails, "download my data"); its
models stay Oscar's. Its ready() registers the account's sections of
shop/core/personal_data.py and anonymises a user before any delete.

Oscar's stock-alert pages are left out: they let anyone make the shop e-mail
any address, and alerts are not a feature of the shop (yet).
"""

from django.contrib.auth.decorators import login_required
from django.urls import path
from django.utils.text import format_lazy
from django.utils.translation import pgettext_lazy
from oscar.apps.customer.apps import CustomerConfig as CoreCustomerConfig

LEFT_OUT = ("alert-", "alerts-")


class CustomerConfig(CoreCustomerConfig):
    # Only the config is ours: the app's models, migrations and the classes
    # Oscar loads by module name stay in Oscar's package.
    name = "oscar.apps.customer"

    def ready(self):
        super().ready()
        from shop.commerce.accounts import personal_data, personal_data_views, views

        personal_data.register()
        self.login_view = views.AccountAuthView
        self.register_view = views.AccountRegistrationView
        self.logout_view = views.LogoutView
        self.change_password_view = views.ChangePasswordView
        self.profile_update_view = views.ProfileUpdateView
        self.address_create_view = views.AddressCreateView
        self.address_update_view = views.AddressUpdateView
        self.signup_sent_view = views.SignupSentView
        self.signup_confirm_view = views.SignupConfirmView
        self.personal_data_view = personal_data_views.PersonalDataView
        self.personal_data_download_view = personal_data_views.PersonalDataDownloadView

    def get_urls(self):
        urls = [
            path(
                "register/sent/", self.signup_sent_view.as_view(), name="register-sent"
            ),
            path(
                "register/confirm/<str:token>/",
                self.signup_confirm_view.as_view(),
                name="register-confirm",
            ),
            path(
                pgettext_lazy("URL", "your-data/"),
                login_required(self.personal_data_view.as_view()),
                name="personal-data",
            ),
            path(
                format_lazy(
                    "{}{}",
                    pgettext_lazy("URL", "your-data/"),
                    pgettext_lazy("URL", "download/"),
                ),
                login_required(self.personal_data_download_view.as_view()),
                name="personal-data-download",
            ),
        ]
        kept = [
            url
            for url in super().get_urls()
            if not (url.name or "").startswith(LEFT_OUT)
        ]
        return self.post_process_urls(urls) + kept
