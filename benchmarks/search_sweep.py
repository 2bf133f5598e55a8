"""Search index size against time to first result: trim a built site's index to several
bounds and time each in headless Chromium (benchmarks/search_bench.py).

    .venv/bin/python benchmarks/search_sweep.py --site /tmp/bench/10000/site --chars 600 300 150 60 --runs 3

The site's search/search_index.json is copied to search_index.json.orig once and every
variant is trimmed from that copy (trimming is monotone: a bound below the one already
applied gives the same entries as trimming the untrimmed index). The original is put
back at the end. "300-notags" trims to 300 characters and drops the tags as well.

This measures Material's own search. The site now searches with the archive's engine
(search/zoekindex.js, generator/stages/site/search_index.py), which main.html starts
instead of Material's: on a site built by this generator the sweep changes nothing the
browser reads. It is kept to repeat the measurements that chose the engine on a site
built with Material's search (benchmarks/README.md, "Search at scale").
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import search_bench  # noqa: E402

from generator.stages.site.search_index import trim_search_index  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time the first search result for several index bounds.")
    parser.add_argument("--site", type=Path, required=True)
    parser.add_argument(
        "--chars", nargs="+", required=True,
        help="bounds to try: N (chars of text, tags kept), N-notags (tags dropped too), or 'as-built'",
    )
    parser.add_argument("--runs", type=int, default=3, help="measurements per bound (default 3)")
    parser.add_argument("--query", action="append", help="query (repeatable; default Japan)")
    args = parser.parse_args(argv)
    index = args.site / "search" / "search_index.json"
    original = index.with_name("search_index.json.orig")
    if not original.exists():
        shutil.copyfile(index, original)
    server, url = search_bench.serve(args.site)
    try:
        for chars in args.chars:
            shutil.copyfile(original, index)
            if chars != "as-built":
                trim_search_index(args.site, int(chars.split("-")[0]), keep_tags=not chars.endswith("-notags"))
            size = index.stat().st_size
            entries = len(json.loads(index.read_text(encoding="utf-8"))["docs"])
            for run in range(args.runs):
                for result in search_bench.measure(url, args.query or ["Japan"], 300):
                    fields = {"chars": chars, "run": run + 1, "index_bytes": size, "entries": entries}
                    fields.update({k: (round(v, 3) if isinstance(v, float) else v) for k, v in result.items()})
                    for key in ("query", "results", "error"):
                        if key in fields:
                            fields[key] = json.dumps(fields[key])
                    print("SWEEP " + " ".join(f"{k}={v}" for k, v in fields.items()), flush=True)
    finally:
        shutil.copyfile(original, index)
        original.unlink()
        server.terminate()
        server.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
