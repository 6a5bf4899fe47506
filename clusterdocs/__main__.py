"""Command line: ``python -m clusterdocs check`` validates every data file and page.

Prints one ``path:line:column: field: message`` line per problem and exits 1, or prints a
one-line summary and exits 0. Never a traceback for bad data.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .base.paths import ROOT
from .base.problems import DataError
from .check.sitedata import load_site_data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m clusterdocs", description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["check"], help="check: validate sources, articles, timeline and data")
    parser.add_argument("--root", type=Path, default=ROOT, help="repository to check (default: this one)")
    arguments = parser.parse_args(argv)
    try:
        data = load_site_data(arguments.root)
    except DataError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"{len(error.problems)} problem(s) found.", file=sys.stderr)
        return 1
    print(
        f"OK: {len(data.sources)} sources, {len(data.articles)} article pages, {len(data.milestones)} milestones, "
        f"{len(data.clusters)} clusters, {len(data.figures['distributions'])} distributions, "
        f"{len(data.glossary)} glossary terms."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
