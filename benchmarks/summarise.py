"""A Markdown table from the logs bench.py leaves in its workspaces
(bench-<N>-w<W>-<time>.json; runs with --generator-only are skipped).

    .venv/bin/python benchmarks/summarise.py /tmp/bench/*/bench-*.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def row(path: Path) -> str | None:
    data = json.loads(path.read_text())
    log = data["parts"] if isinstance(data, dict) else data
    generate = [r for r in log if r["name"] == "generate"]
    sites = [r for r in log if r["name"] == "site"]
    trims = [r for r in log if r["name"] == "trim"]
    if len(generate) < 2 or not sites:
        return None
    cold, warm, site = generate[0], generate[1], sites[0]
    workers = path.stem.split("-w")[-1]
    peak = max(r["peak_mb"] for r in log)
    cells = [
        f"{cold['documents']:,}", workers,
        f"{cold['seconds']:.1f}", f"{warm['seconds']:.1f}", f"{site['seconds']:.1f}",
        f"{cold['seconds'] / site['seconds']:.2f}", f"{warm['seconds'] / site['seconds']:.2f}",
        f"{cold['seconds'] + site['seconds']:.1f}",
        f"{cold['peak_mb']:.0f}", f"{site['peak_mb']:.0f}", f"{peak:.0f}",
        f"{site['search_index_bytes'] / 1e6:.1f}" if site.get("search_index_bytes") else "",
        f"{trims[0]['bytes_after'] / 1e6:.1f}" if trims else "",
        f"{sum(r['others_cpu_s'] for r in (cold, warm, site)):.0f}",
    ]
    return "| " + " | ".join(cells) + " |"


def main(argv: list[str]) -> int:
    print(
        "| docs | workers | generator cold s | generator warm s | mkdocs s | overhead cold | overhead warm "
        "| whole build (cold + mkdocs) s | generator peak MiB | mkdocs peak MiB | peak MiB | search index MB | trimmed MB "
        "| other processes' CPU s |"
    )
    print("|" + "---|" * 14)
    for name in argv:
        line = row(Path(name))
        if line:
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
