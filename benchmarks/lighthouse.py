"""`make lighthouse` (also part of `make bench`): Lighthouse scores of the real site, mobile and desktop.

Builds the real site in a temp dir, serves it like a host does (gzip and the `_headers` rules, see
tools/serve_static.py) and runs the npm `lighthouse` CLI against Debian's Chromium (CHROME_PATH). A
benchmark figure, not a test: scores move a little from run to run on a busy machine.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from macros.dev.sitebuild import REPO, build

sys.path.insert(0, str(REPO / "tools"))
from serve_static import start  # noqa: E402

CHROMIUM = os.environ.get("KENNISBANK_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def pages() -> dict[str, str]:
    from macros.core.catalog import load_catalog
    cat = load_catalog(REPO / "data")
    return {"home": "", "bibliotheek": "goede-voorbeelden/",
            "goed voorbeeld": f"goede-voorbeelden/{sorted(cat.practices)[0]}/", "agenda": "agenda/",
            "evenement": f"agenda/{sorted(cat.events)[-1]}/", "gemeenten": "gemeenten/"}


def lighthouse(url: str, form_factor: str, profile: Path) -> dict:
    cli = REPO / "node_modules" / "lighthouse" / "cli" / "index.js"
    if not cli.exists():
        raise SystemExit("lighthouse ontbreekt: draai 'npm ci'")
    cmd = ["node", str(cli), url, "--output=json", "--output-path=stdout", "--quiet",
           f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={' '.join(FLAGS)}"]
    if form_factor == "desktop":
        cmd.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": CHROMIUM, "TMPDIR": str(profile)}
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
    if proc.returncode:
        raise SystemExit(f"lighthouse faalde voor {url}:\n{proc.stderr[-2000:]}")
    lhr = json.loads(proc.stdout)
    scores = {c: round(lhr["categories"][c]["score"] * 100) for c in CATEGORIES}
    audits = lhr["audits"]
    metrics = {k: audits[k]["numericValue"] for k in
               ("first-contentful-paint", "largest-contentful-paint", "cumulative-layout-shift",
                "total-blocking-time", "speed-index")}
    below = sorted({f"{c}:{ref['id']}" for c in CATEGORIES for ref in lhr["categories"][c]["auditRefs"]
                    if ref.get("weight") and audits[ref["id"]].get("score") is not None
                    and audits[ref["id"]]["score"] < 1})
    return {"scores": scores, "metrics": metrics, "below_full_marks": below}


def run(repeat: int = 1, only: list[str] | None = None) -> dict:
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "site-root"
        shutil.copytree(REPO / "data", root / "data")
        built = build(root)
        if built.returncode:
            raise SystemExit(built.output[-3000:])
        server, base = start(built.site)
        try:
            for name, path in pages().items():
                if only and name not in only:
                    continue
                for form_factor in ("mobile", "desktop"):
                    runs = []
                    for _ in range(repeat):
                        profile = Path(tmp) / "chrome-tmp"
                        profile.mkdir(exist_ok=True)
                        runs.append(lighthouse(base + path, form_factor, profile))
                    # Median and worst run per category: the machine's load moves a score a point or two.
                    median = {c: statistics.median_low([r["scores"][c] for r in runs]) for c in CATEGORIES}
                    worst = {c: min(r["scores"][c] for r in runs) for c in CATEGORIES}
                    results.setdefault(name, {"path": "/" + path})[form_factor] = {
                        "scores": median, "worst": worst, "runs": runs}
                    print(f"  {name:15} {form_factor:7} " + " ".join(f"{median[c]:3d}" for c in CATEGORIES), flush=True)
        finally:
            server.shutdown()
    return results


def report(results: dict) -> str:
    rows = ["| page | mobile P/A/BP/SEO | desktop P/A/BP/SEO | mobile worst | desktop worst | CLS mobile | LCP mobile (ms) | TBT mobile (ms) |",
            "|---|---|---|---|---|---:|---:|---:|"]
    for name, r in results.items():
        m, d = r["mobile"], r["desktop"]
        fmt = lambda x, key="scores": "/".join(str(x[key][c]) for c in CATEGORIES)  # noqa: E731
        met = lambda k, m=m: max(run["metrics"][k] for run in m["runs"])  # noqa: E731
        rows.append(f"| {name} ({r['path']}) | {fmt(m)} | {fmt(d)} | {fmt(m, 'worst')} | {fmt(d, 'worst')} | "
                    f"{met('cumulative-layout-shift'):.3f} | {met('largest-contentful-paint'):.0f} | "
                    f"{met('total-blocking-time'):.0f} |")
    notes = sorted({f"{name} {ff}: {a}" for name, r in results.items() for ff in ("mobile", "desktop")
                    for run in r[ff]["runs"] for a in run["below_full_marks"]})
    if notes:
        rows.append("\nAudits below full marks:\n" + "\n".join("- " + n for n in notes))
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="make lighthouse")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--pages", help="comma-separated page names (default: all)")
    ap.add_argument("--json", type=Path, default=REPO / ".bench" / "lighthouse.json")
    args = ap.parse_args(argv)
    print("Lighthouse (performance, accessibility, best practices, SEO) ...", flush=True)
    results = run(args.repeat, args.pages.split(",") if args.pages else None)
    args.json.parent.mkdir(exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2))
    print(report(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
