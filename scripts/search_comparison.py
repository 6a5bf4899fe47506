"""Recall and speed of a built site's search on the same sampled queries, for comparing engines.

    python scripts/search_comparison.py site/                       # the site's own search box
    python scripts/search_comparison.py site/ --pagefind PATH       # Pagefind, indexing a copy

Samples queries from every page of every language (tests/search_samples.py: 2-4 Han characters
from zh and zh-Hant pages, half of zh-Hant's typed in Simplified; English words), plus the
issue's named queries, and reports, per language, the share of samples whose page is among the
first ten results, the median and slowest time to an answer, and the index bytes (gzip) a reader
downloads. With ``--pagefind`` (the path of a ``pagefind`` binary, e.g. from
``npm install pagefind`` in a scratch folder; not a dependency of this project) the site is
copied, indexed by Pagefind (main text only, ``article.md-content__inner``) and the queries go
through Pagefind's own JavaScript API on each language's home page. The README's comparison of
the two was made with this script.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import opencc  # noqa: E402
from chromium import launch  # noqa: E402
from search_samples import found as is_found  # noqa: E402
from search_samples import sample_queries, type_queries, wait_until_search_ready  # noqa: E402

from clusterdocs.base.languages import LANGUAGES  # noqa: E402

NAMED = [  # (language, query, page that contains it)
    ("zh", "50人论坛", "/zh/articles/conference-2025/"),
    ("zh", "五十人论坛", "/zh/articles/conference-2025/"),
    ("zh", "45个国家", "/zh/articles/chengyu-cross-province-2023/"),
    ("zh", "赛马", "/zh/glossary/"),
    ("zh", "国务院常务会议", "/zh/articles/chengyu-cross-province-2023/"),
    ("zh-Hant", "国务院常务会议", "/zh-Hant/articles/chengyu-cross-province-2023/"),
    ("zh-Hant", "五十人論壇", "/zh-Hant/articles/conference-2025/"),
    ("zh-Hant", "50人論壇", "/zh-Hant/articles/conference-2025/"),
]

PAGEFIND_JS = """
async ([queries, limit]) => {
  const pagefind = await import(new URL("/pagefind/pagefind.js", location.href).href);
  await pagefind.options({ excerptLength: 20 });
  await pagefind.init();
  const answers = [];
  for (const query of queries) {
    const start = performance.now();
    const search = await pagefind.search(query);
    const data = await Promise.all(search.results.slice(0, limit).map(r => r.data()));
    const ms = performance.now() - start;
    const rest = await Promise.all(search.results.slice(limit).map(r => r.data()));
    const urls = [...data, ...rest].map(d => new URL(d.url, location.href).href);
    answers.push({query, ok: true, ms, pages: urls.slice(0, limit), all: urls, links: [], text: ""});
  }
  return answers;
}
"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def gzip_kb(files) -> float:
    return sum(len(gzip.compress(file.read_bytes(), 9)) for file in files) / 1000


def run(site: Path, pagefind: bool, limit: int = 10) -> dict:
    from playwright.sync_api import sync_playwright

    samples = sample_queries(site, LANGUAGES, to_simplified=opencc.OpenCC("t2s").convert)
    server, url = serve(site)
    report = {}
    with sync_playwright() as playwright:
        browser = launch(playwright)
        for language in LANGUAGES:
            mine = [s for s in samples if s.language == language.code]
            named = [(q, p) for code, q, p in NAMED if code == language.code]
            page = browser.new_page()
            page.goto(f"{url}/{language.prefix}")
            queries = [s.query for s in mine] + [q for q, _ in named]
            if pagefind:
                answers = page.evaluate(PAGEFIND_JS, [queries, limit])
            else:
                wait_until_search_ready(page)
                answers = type_queries(page, queries, limit)
            page.close()
            found = [is_found(s, a, limit) for s, a in zip(mine, answers, strict=False)]
            named_found = {
                q: any(urlsplit(link).path == p for link in a["pages"])
                for (q, p), a in zip(named, answers[len(mine) :], strict=True)
            }
            times = [a["ms"] for a in answers]
            report[language.code] = {
                "recall": sum(found) / len(found),
                "samples": len(found),
                "missed": [s.query for s, ok in zip(mine, found, strict=True) if not ok],
                "named": named_found,
                "median_ms": statistics.median(times),
                "max_ms": max(times),
            }
        browser.close()
    server.shutdown()
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path, help="a built site (mkdocs build)")
    parser.add_argument("--pagefind", type=Path, help="path of a pagefind binary: index a copy with it and use it")
    args = parser.parse_args()
    site = args.site.resolve()
    sizes = {}
    with tempfile.TemporaryDirectory() as scratch:
        if args.pagefind:
            copy = Path(scratch) / "site"
            shutil.copytree(site, copy)
            subprocess.run(
                [str(args.pagefind), "--site", str(copy), "--root-selector", "article.md-content__inner", "--quiet"],
                check=True,
            )
            bundle = copy / "pagefind"
            shared = [bundle / "pagefind.js", *bundle.glob("wasm.*"), *bundle.glob("pagefind-entry.json")]
            for language in LANGUAGES:
                own = [
                    *bundle.glob(f"index/{language.tag.lower()}*"),
                    *bundle.glob(f"pagefind.{language.tag.lower()}*"),
                ]
                sizes[language.code] = round(gzip_kb(own), 1)
            sizes["shared files (script, wasm)"] = round(gzip_kb(shared), 1)
            site = copy
        else:
            for language in LANGUAGES:
                sizes[language.code] = round(gzip_kb([site / language.prefix / "search" / "search_index.json"]), 1)
        report = run(site, bool(args.pagefind))
    print(json.dumps({"index_kb_gzip": sizes, "languages": report}, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
