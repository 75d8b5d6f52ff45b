"""`make run`: the development server, with local fakes of the outside services.

A new user can pay by card (Stripe) and with Vipps, and choose a pickup point
(Bring), with nothing to set up: each fake in tests/ is started here, on a
free local port, and the shop is started pointing at it. A service whose
keys are already in the environment (real test keys, say) is left to those
keys and its fake is not started.

Development only: this module is run by `make run` with the development
settings and refuses any other; nothing in the shop starts a fake.
"""

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass

from tests.fake_bring import FakeBring
from tests.fake_stripe import FakeStripe
from tests.fake_vipps import FakeVipps

# Where the shop listens; the fakes take any free port, so nothing collides.
SHOP = os.environ.get("SHOP_DEV_ADDRESS", "127.0.0.1:8000")


@dataclass(frozen=True)
class Fake:
    """A fake, the variable whose presence means the real service is set up,
    and how to start it: a function of the shop's address returning the fake
    (started) and the variables that point the shop at it."""

    name: str
    configured_by: str
    start: Callable[[str], tuple]


def start_stripe(shop_url):
    fake = FakeStripe().start()
    fake.webhook_url = f"{shop_url}/checkout/stripe/webhook/"
    return fake, fake.shop_settings()


def start_vipps(shop_url):
    fake = FakeVipps(webhook_url=f"{shop_url}/vipps/webhook/").start()
    return fake, fake.shop_settings()


def start_bring(shop_url):
    fake = FakeBring().start()
    return fake, fake.shop_settings()


FAKES = (
    Fake("Stripe", "STRIPE_SECRET_KEY", start_stripe),
    Fake("Vipps", "VIPPS_CLIENT_ID", start_vipps),
    Fake("Bring", "BRING_API_KEY", start_bring),
)


def start_fakes(environment, shop_url):
    """Start the fakes of the services ``environment`` has no keys for;
    return them and the variables that point the shop at them."""
    started, variables = [], {}
    for fake in FAKES:
        if environment.get(fake.configured_by):
            print(f"{fake.name}: using the keys in the environment.", flush=True)
            continue
        server, pointing = fake.start(shop_url)
        started.append(server)
        variables.update(pointing)
        print(f"{fake.name}: local fake at {server.url}.", flush=True)
    return started, variables


def main():
    settings_module = os.environ.get("DJANGO_SETTINGS_MODULE", "shop.settings.dev")
    if settings_module != "shop.settings.dev":
        sys.exit(
            f"make run serves the development settings only, not {settings_module}."
        )
    started = []
    try:
        started, variables = start_fakes(os.environ, f"http://{SHOP}")
        environment = {**os.environ, **variables}
        # The periodic jobs (e-mail retries, payment checks, retention) that a
        # production scheduler queues for its worker; here there is no broker.
        schedule = subprocess.Popen(
            [sys.executable, "manage.py", "run_schedule"], env=environment
        )
        started.append(schedule)
        command = [sys.executable, "manage.py", "runserver", SHOP]
        subprocess.run(command, env=environment, check=False)
    except KeyboardInterrupt:
        pass
    finally:
        for server in started:
            stop(server)


def stop(server):
    if isinstance(server, subprocess.Popen):
        server.terminate()
        server.wait(timeout=10)
    else:
        server.stop()


if __name__ == "__main__":
    main()
