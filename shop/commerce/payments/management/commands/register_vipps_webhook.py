"""``manage.py register_vipps_webhook https://SHOP/vipps/webhook/``: ask Vipps
to send the shop every ePayment event, and print the secret that signs them."""

from django.core.management.base import BaseCommand, CommandError

from shop.commerce.payments import vipps


class Command(BaseCommand):
    help = (
        "Register the shop's webhook with Vipps' Webhooks API for every "
        "epayments.payment.*.v1 event, and print the secret to set as "
        "VIPPS_WEBHOOK_SECRET. Run once per sales unit (and environment)."
    )

    def add_arguments(self, parser):
        parser.add_argument("url", help="e.g. https://shop.skinome.no/vipps/webhook/")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Delete webhooks already registered for this address first "
            "(their secret then stops working).",
        )

    def handle(self, *args, url, replace, **options):
        if not vipps.is_configured():
            raise CommandError(
                "Set VIPPS_CLIENT_ID, VIPPS_CLIENT_SECRET, VIPPS_SUBSCRIPTION_KEY "
                "and VIPPS_MERCHANT_SERIAL_NUMBER first."
            )
        if not url.startswith("https://"):
            raise CommandError("Vipps only sends webhooks to an https:// address.")
        try:
            existing = [
                hook for hook in vipps.list_webhooks() if hook.get("url") == url
            ]
            if existing and not replace:
                raise CommandError(
                    f"A webhook is already registered for {url}. Keep it (its "
                    "secret is still VIPPS_WEBHOOK_SECRET), or run again with "
                    "--replace for a new one."
                )
            for hook in existing:
                vipps.delete_webhook(hook["id"])
                self.stdout.write(f"Deleted the webhook {hook['id']}.")
            registered = vipps.register_webhook(url, vipps.WEBHOOK_EVENTS)
        except (vipps.VippsUnavailable, vipps.VippsRefused) as error:
            raise CommandError(f"Vipps: {error}") from error
        self.stdout.write(
            f"Registered the webhook {registered.get('id')} for {url}.\n"
            "Set this in the shop's environment and restart it:\n"
            f"VIPPS_WEBHOOK_SECRET={registered.get('secret')}"
        )
