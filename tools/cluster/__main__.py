"""`make cluster`: runs the cluster in the foreground until Ctrl-C."""

import argparse
import signal
import sys
import threading

from . import Ports, running_cluster


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database", default="shop_cluster")
    parser.add_argument(
        "--fresh-database",
        action="store_true",
        help="drop the database first and load the demo shop anew",
    )
    for name, port in vars(Ports()).items():
        parser.add_argument(f"--{name}-port", type=int, default=port)
    options = parser.parse_args()
    ports = Ports(**{name: getattr(options, f"{name}_port") for name in vars(Ports())})

    stopped = threading.Event()
    # SIGTERM like Ctrl-C: leave the with block, which stops every part.
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *_: stopped.set())
    with running_cluster(
        ports=ports, database=options.database, fresh_database=options.fresh_database
    ) as cluster:
        for name, part in cluster.parts.items():
            print(f"up: {name:<9} {part.address}")
        for note in cluster.notes:
            print(f"note: {note}")
        print(f"ready: the shop at {cluster.url}/ (Ctrl-C stops everything)")
        sys.stdout.flush()
        while not stopped.wait(1):
            exited = [name for name, part in cluster.parts.items() if not part.running]
            if exited:
                print(f"stopping: {', '.join(exited)} exited")
                break
    print("stopped")


if __name__ == "__main__":
    main()
