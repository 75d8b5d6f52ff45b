"""`python -m perf.profile`: where the time of a checkout request goes.

    python -m perf.profile [--database-url URL] [--repeat 20]

pyinstrument's summary of three requests of a customer with the routine in
the basket, each made `repeat` times: the GET of the review page
(checkout:preview) by a guest who has done every step before it, the POST
adding a product to the basket (each time to a routine basket of its own,
made beforehand and not profiled), and the POST placing the order by invoice
(each time by a guest of its own, brought to the review page beforehand).
They run in this process through the Django test client, the shop's whole
middleware included, with the bench's settings (perf/server.py) on the bench's
database: `make bench` fills it (`python -m perf.bench --short` will do).
The profile is what one request costs, not what a loaded server does:
`make bench` measures that.
"""

import argparse
import itertools
import os

from pyinstrument import Profiler

from perf import server

# pyinstrument folds library code away; Oscar's is where much of a checkout
# request's time goes, so its frames are shown with the shop's.
SHOWN_FRAMES = r".*/(oscar|shop|products|articles)/"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=server.DEFAULT_DATABASE_URL)
    parser.add_argument("--repeat", type=int, default=20)
    options = parser.parse_args()
    os.environ.update(
        server.shop_environment(database_url=options.database_url, port=8100),
        # One visitor address places every order here.
        SHOP_MAIL_RATE_PER_IP="1000000/h",
    )
    import django

    django.setup()
    from django.urls import reverse

    from perf import bench
    from tests.helpers import checkout_until_review

    bench.leave_mail_retries_out_of_the_counts()
    catalogue = bench.find_catalogue()
    guest = bench.visitor_with_the_routine(catalogue.routine)
    checkout_until_review(guest, email="bench.profile@example.no")
    review = reverse("checkout:preview")
    guest.get(review)  # warm
    print(f"GET {review}, the routine in the basket, ×{options.repeat}:")
    print(profiled(options.repeat, lambda _: guest.get(review), expected=200))

    add = bench.add_path(catalogue.product)
    bench.visitor_with_the_routine(catalogue.routine).post(add, {"quantity": 1})
    print(f"POST {add} to a basket with the routine, ×{options.repeat}:")
    print(
        profiled(
            options.repeat,
            lambda visitor: visitor.post(add, {"quantity": 1}),
            prepare=lambda: bench.visitor_with_the_routine(catalogue.routine),
            expected=302,
        )
    )

    guests = itertools.count()

    def guest_at_the_review_page():
        visitor = bench.visitor_with_the_routine(catalogue.routine)
        checkout_until_review(visitor, email=f"bench.profile.{next(guests)}@example.no")
        return visitor

    place = {"action": "place_order", "accept_terms": "on"}
    print(f"POST {review}, placing the order by invoice, ×{options.repeat}:")
    print(
        profiled(
            options.repeat,
            lambda visitor: visitor.post(review, place),
            prepare=guest_at_the_review_page,
            expected=302,
        )
    )


def profiled(repeat, request, *, prepare=lambda: None, expected):
    """pyinstrument's text summary of `repeat` requests; `prepare` runs
    before each, unprofiled, and its result is what `request` is given."""
    profiler = Profiler()
    for _ in range(repeat):
        prepared = prepare()
        profiler.start()
        response = request(prepared)
        profiler.stop()
        if response.status_code != expected:
            raise RuntimeError(f"answered {response.status_code}, not {expected}")
    return profiler.output_text(
        unicode=True, processor_options={"show_regex": SHOWN_FRAMES}
    )


if __name__ == "__main__":
    main()
