"""Figures of the code's shape: modules per room, cycles between rooms, and
lines of demo and measuring code that production installs.

    python -m perf.architecture [checkout]

A room is a sub-package of ``shop`` (``shop.core``, ``shop.commerce`` ...),
the project package's own loose modules (``shop``), or a top-level app
(``products``, ``articles``). Run it on an older checkout (a git worktree) to
compare: the figures come from the files and their imports only.
"""

import argparse
import ast
import sys
from collections import defaultdict
from pathlib import Path

APPS = ("shop", "products", "articles")
# What production never needs: demo data, the progress bar, bench views.
DEMO_NAMES = ("demo", "progress", "bench_views", "load_demo_data")


def python_modules(root):
    for app in APPS:
        for path in sorted((root / app).rglob("*.py")):
            parts = path.relative_to(root).with_suffix("").parts
            if "migrations" in parts or "settings" in parts:
                continue
            if parts[-1] == "__init__":
                parts = parts[:-1]
            yield ".".join(parts), path


def room_of(module, packages):
    parts = module.split(".")
    if parts[0] != "shop" or len(parts) == 1:
        return parts[0]
    second = ".".join(parts[:2])
    if second in packages and parts[1] not in ("management", "templatetags"):
        # shop.commerce holds apps of its own: each counts as part of commerce.
        return second
    return "shop"


def imported_modules(path, module):
    tree = ast.parse(path.read_text())
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            yield base
            for alias in node.names:
                yield f"{base}.{alias.name}"


def shipped_demo_lines(root, modules):
    """Lines of demo code in modules that production installs."""
    production_demo_app = (
        "shop.demo.apps.DemoConfig" in (root / "shop/settings/base.py").read_text()
    )
    total = 0
    for module, path in modules.items():
        in_demo_app = module == "shop.demo" or module.startswith("shop.demo.")
        if in_demo_app and not production_demo_app:
            continue
        if any(name in module.split(".")[-1] for name in DEMO_NAMES) or in_demo_app:
            total += len(path.read_text().splitlines())
    return total


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkout", nargs="?", default=".", type=Path)
    root = parser.parse_args().checkout.resolve()
    modules = dict(python_modules(root))
    packages = {m for m, p in modules.items() if p.name == "__init__.py"}

    per_room = defaultdict(int)
    for module in modules:
        per_room[room_of(module, packages)] += 1
    arrows = defaultdict(set)
    for module, path in modules.items():
        source = room_of(module, packages)
        for target in imported_modules(path, module):
            if target.split(".")[0] not in APPS:
                continue
            room = room_of(target, packages)
            if room != source:
                arrows[source].add(room)
    cycles = sorted(
        f"{a} ⇄ {b}"
        for a in arrows
        for b in arrows[a]
        if a < b and a in arrows.get(b, ())
    )

    print(f"checkout: {root.name}")
    print("modules per room:")
    for room, count in sorted(per_room.items()):
        print(f"  {room:24} {count}")
    print(f"rooms that import each other: {len(cycles)}")
    for cycle in cycles:
        print(f"  {cycle}")
    print(f"lines of demo code in installed apps: {shipped_demo_lines(root, modules)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
