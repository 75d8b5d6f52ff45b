"""Account views: Oscar's, changed where they told strangers too much or could
be triggered from another site.

- Asking for an account never says whether the address has one (see
  shop/commerce/accounts/signup.py); the password is chosen after the e-mailed link.
- Signing out takes a POST with the CSRF token, so an image or link on
  another site cannot sign a customer out.
- Forms that send e-mail are rate-limited (shop/security/rate_limits.py) and say so.
- The address book asks for an address as the checkout does
  (shop/commerce/addresses.py).
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.views import PasswordResetView as CorePasswordResetView
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView
from oscar.apps.customer import signals
from oscar.apps.customer import views as core_views
from oscar.apps.customer.forms import generate_username

from shop.commerce.accounts import signup
from shop.commerce.accounts.forms import SignupForm, UserAddressForm
from shop.security.rate_limits import limit_message, seconds_until_allowed

User = get_user_model()
EMAIL_BACKEND = "oscar.apps.customer.auth_backends.EmailBackend"


def ask_for_account(request, form):
    """Send the signup e-mail for a valid SignupForm, unless rate-limited
    (then the form says so). True when it was sent."""
    email = form.cleaned_data["email"]
    wait = seconds_until_allowed(request, action="signup", address=email)
    if wait:
        form.add_error(None, limit_message(wait))
        return False
    signup.queue_signup_email(email)
    return True


class AccountAuthView(core_views.AccountAuthView):
    """Sign in, or ask for an account, on one page."""

    registration_form_class = SignupForm

    def get_registration_form_kwargs(self, bind_data=False):
        kwargs = super().get_registration_form_kwargs(bind_data)
        kwargs.pop("host")
        return kwargs

    def validate_registration_form(self):
        form = self.get_registration_form(bind_data=True)
        if form.is_valid() and ask_for_account(self.request, form):
            return redirect("customer:register-sent")
        return self.render_to_response(self.get_context_data(registration_form=form))


class AccountRegistrationView(core_views.AccountRegistrationView):
    form_class = SignupForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.pop("host")
        return kwargs

    def form_valid(self, form):
        if not ask_for_account(self.request, form):
            return self.form_invalid(form)
        return redirect("customer:register-sent")


class SignupSentView(TemplateView):
    """The same answer whether or not the address has an account."""

    template_name = "accounts/signup_sent.html"


class SignupConfirmView(FormView):
    """The e-mailed link: choose a password, and the account is made."""

    template_name = "accounts/signup_confirm.html"
    form_class = SetPasswordForm

    def dispatch(self, request, *args, token, **kwargs):
        self.email = signup.email_from_token(token)
        if self.email is None or signup.has_account(self.email):
            # Forged, too old, or used: a link never changes an account.
            return render(request, self.template_name, {"valid_link": False})
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        user = User(username=generate_username(), email=self.email)
        return {**super().get_form_kwargs(), "user": user}

    def get_context_data(self, **kwargs):
        return super().get_context_data(valid_link=True, email=self.email, **kwargs)

    def form_valid(self, form):
        user = form.save()
        signals.user_registered.send_robust(
            sender=self, request=self.request, user=user
        )
        login(self.request, user, backend=EMAIL_BACKEND)
        messages.success(self.request, _("Welcome! Your account is ready."))
        return redirect("customer:summary")


class LogoutView(core_views.LogoutView):
    """A GET (an old link or bookmark) shows the sign-out button; only its
    POST, with the CSRF token, signs out."""

    def get(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect(settings.OSCAR_HOMEPAGE)
        return render(request, "accounts/logout.html")

    def post(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class MailRateLimitMixin:
    """For account forms that e-mail the account's address: over the limit,
    the form explains and nothing is changed or sent."""

    mail_action = None

    def sends_mail(self, form):
        return True

    def mail_address(self):
        # From the database: a bound form has already changed request.user.
        return User.objects.get(pk=self.request.user.pk).email

    def form_valid(self, form):
        if self.sends_mail(form):
            wait = seconds_until_allowed(
                self.request, action=self.mail_action, address=self.mail_address()
            )
            if wait:
                form.add_error(None, limit_message(wait))
                return self.form_invalid(form)
        return super().form_valid(form)


class ChangePasswordView(MailRateLimitMixin, core_views.ChangePasswordView):
    mail_action = "password-changed"


class ProfileUpdateView(MailRateLimitMixin, core_views.ProfileUpdateView):
    mail_action = "email-changed"

    def sends_mail(self, form):
        # Oscar tells the old address when the e-mail address changes.
        return self.mail_address().lower() != form.cleaned_data["email"].lower()


class AddressCreateView(core_views.AddressCreateView):
    form_class = UserAddressForm


class AddressUpdateView(core_views.AddressUpdateView):
    form_class = UserAddressForm


class PasswordResetView(CorePasswordResetView):
    def form_valid(self, form):
        wait = seconds_until_allowed(
            self.request, action="password-reset", address=form.cleaned_data["email"]
        )
        if wait:
            form.add_error(None, limit_message(wait))
            return self.form_invalid(form)
        return super().form_valid(form)
