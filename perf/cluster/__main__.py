"""`make cluster`: runs the cluster in the foreground until Ctrl-C."""

import argparse
import signal
import sys
import time

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

    # SIGTERM as Ctrl-C, also while starting: leaving the with block stops
    # every part started so far. The parts run in sessions of their own, so
    # the terminal's Ctrl-C reaches only this process, which stops them in turn.
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        with running_cluster(
            ports=ports,
            database=options.database,
            fresh_database=options.fresh_database,
        ) as cluster:
            for name, part in cluster.parts.items():
                print(f"up: {name:<9} {part.address}")
            for note in cluster.notes:
                print(f"note: {note}")
            print(f"ready: the shop at {cluster.url}/ (Ctrl-C stops everything)")
            sys.stdout.flush()
            while not (exited := _exited(cluster)):
                time.sleep(1)
            print(f"stopping: {', '.join(exited)} exited")
    except KeyboardInterrupt:
        pass
    print("stopped")


def _interrupt(*_):
    raise KeyboardInterrupt


def _exited(cluster):
    return [name for name, part in cluster.parts.items() if not part.running]


if __name__ == "__main__":
    main()
