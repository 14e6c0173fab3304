"""`make bench`: our site vs. (a) plain MkDocs + Material (pages out of the nav) vs. (b) Python-Markdown.

All three are built in this run from the same synthetic text, in temp dirs. Reports build time (median
of --repeat runs, whole command), peak memory, a practice page's HTML size, the search index a reader
downloads on first search, and the library's filter time per keystroke in headless Chromium.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import markdown
import yaml

from benchmarks import realistic
from benchmarks.synthetic import practices, write_records
from macros.dev.sitebuild import REPO, site_config

EXTENSIONS_CFG = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["markdown_extensions"]


def _run(config: Path, env: dict) -> dict:
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, str(REPO / "benchmarks" / "run_build.py"), str(config)],
                          capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
                          cwd=config.parent)
    wall = time.perf_counter() - started
    line = next((x for x in proc.stdout.splitlines() if x.startswith("BENCH ")), None)
    if proc.returncode or not line or not json.loads(line[6:])["ok"]:
        raise SystemExit(f"build failed: {config}\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    result = json.loads(line[6:])
    result["wall"] = wall
    return result


def _median_build(config: Path, repeat: int, env: dict | None = None) -> dict:
    runs = [_run(config, env or {}) for _ in range(repeat)]
    return {"seconds": statistics.median(r["wall"] for r in runs), "peak_mb": max(r["peak_mb"] for r in runs)}


def _sizes(site: Path, page: str) -> dict:
    index = (site / "search" / "search_index.json").read_bytes()
    return {"page_kb": (site / page / "index.html").stat().st_size / 1024,
            "index_kb": len(index) / 1024, "index_gz_kb": len(gzip.compress(index)) / 1024}


def _interleaved(builds: list[tuple[Path, dict]], repeat: int) -> list[dict]:
    """Run the builds in turn (ABAB...), so a busy machine slows all of them alike; median per build.
    The first run of each builds into an empty site/, the others over the previous run's site/ (what
    `make build` finds the second time): ``first_s`` is that first run alone."""
    runs: list[list[dict]] = [[] for _ in builds]
    for _ in range(repeat):
        for i, (config, env) in enumerate(builds):
            runs[i].append(_run(config, env))
    return [{"seconds": statistics.median(r["wall"] for r in rs), "cpu_s": statistics.median(r["cpu_s"] for r in rs),
             "peak_mb": max(r["peak_mb"] for r in rs),
             "runs_s": [round(r["wall"], 2) for r in rs], "first_s": rs[0]["wall"]} for rs in runs]


def ours_config(root: Path, items) -> tuple[Path, dict]:
    data = root / "data"
    shutil.copytree(REPO / "data", data)  # the real records stay (events refer to them): N + 14 pages
    write_records(items, data / "goede-voorbeelden")
    shutil.copytree(REPO / "docs", root / "docs")
    return site_config(root), {"KENNISBANK_TODAY": "2026-11-23"}


def ours(root: Path, items, repeat: int) -> dict:
    config, env = ours_config(root, items)
    res = _median_build(config, repeat, env)
    res.update(_sizes(root / "site", f"goede-voorbeelden/{items[0].id}"))
    return res


def plain_material_config(root: Path, items) -> tuple[Path, dict]:
    docs = root / "docs"
    (docs / "praktijken").mkdir(parents=True)
    for s in items:
        (docs / "praktijken" / f"{s.id}.md").write_text(s.markdown, encoding="utf-8")
    links = "\n".join(f"- [{s.record['titel']}](praktijken/{s.id}.md)" for s in items)
    (docs / "index.md").write_text(f"# Goede voorbeelden\n\n{links}\n", encoding="utf-8")
    cfg = {"site_name": "Baseline", "site_url": "https://example.test/", "docs_dir": str(docs),
           "site_dir": str(root / "site"), "theme": {"name": "material", "language": "nl", "font": False},
           "plugins": [{"search": {"lang": "nl"}}], "markdown_extensions": EXTENSIONS_CFG,
           "nav": [{"Home": "index.md"}], "not_in_nav": "/praktijken/*.md\n"}
    config = root / "mkdocs.yml"
    config.write_text(yaml.safe_dump(cfg, allow_unicode=True), encoding="utf-8")
    return config, {}


def plain_material(root: Path, items, repeat: int) -> dict:
    config, env = plain_material_config(root, items)
    res = _median_build(config, repeat, env)
    res.update(_sizes(root / "site", f"praktijken/{items[0].id}"))
    return res


def markdown_floor(items, repeat: int) -> dict:
    """(b): the same Markdown through the same extensions, nothing else (one instance, reset per page)."""
    names, configs = [], {}
    for ext in EXTENSIONS_CFG:
        if isinstance(ext, dict):
            (name, cfg), = ext.items()
            names.append(name)
            configs[name] = cfg or {}
        else:
            names.append(ext)
    times, cpu = [], []
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        md = markdown.Markdown(extensions=names, extension_configs=configs)
        for s in items:
            md.reset()
            md.convert(s.markdown)
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return {"seconds": statistics.median(times), "cpu_s": statistics.median(cpu)}


def keystroke_ms(site: Path) -> dict | None:
    """Median and worst time to filter the library on one keystroke, in headless Chromium."""
    chromium = os.environ.get("KENNISBANK_CHROMIUM", "/usr/bin/chromium")
    if not Path(chromium).exists():
        return None
    from playwright.sync_api import sync_playwright

    from macros.dev.chromium import CHROMIUM_ARGS
    from macros.dev.static_server import serve
    server, url = serve(site)
    try:
        with sync_playwright() as pw, tempfile.TemporaryDirectory() as profile:
            ctx = pw.chromium.launch_persistent_context(profile, executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
            page = ctx.new_page()
            page.goto(url + "goede-voorbeelden/")
            samples = page.evaluate("""() => {
                const input = document.getElementById('kb-tekst'); const out = [];
                for (const q of ['h', 'hu', 'hui', 'huis', 'huisv', 'huisvesting', 'huisvesting w', '', 'taal', '']) {
                  const t0 = performance.now();
                  input.value = q; input.dispatchEvent(new Event('input', {bubbles: true}));
                  document.body.offsetHeight;  // include style and layout
                  out.push(performance.now() - t0);
                }
                return out; }""")
            ctx.close()
    finally:
        server.shutdown()
    return {"median_ms": statistics.median(samples), "max_ms": max(samples), "samples_ms": samples}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="make bench")
    ap.add_argument("--sizes", default="1000,5000")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--shapes", default="synthetic,real",
                    help="synthetic: generated text; real: the real practices cloned to N (~400-word descriptions)")
    ap.add_argument("--json", type=Path, default=REPO / ".bench" / "results.json")
    args = ap.parse_args(argv)
    from macros.core.catalog import load_catalog
    munis = [(m.code, m.naam) for m in load_catalog(REPO / "data").municipalities.values()]
    results: dict[str, dict] = {}
    for shape in args.shapes.split(","):
        results[shape] = {}
        for n in (int(x) for x in args.sizes.split(",")):
            items = practices(n, munis) if shape == "synthetic" else realistic.practices(n)
            with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
                print(f"[{shape} {n}] ours and (a) plain Material, {args.repeat}x in turn ...", flush=True)
                r_ours, r_a = _interleaved([ours_config(Path(a), items), plain_material_config(Path(b), items)],
                                           args.repeat)
                r_ours.update(_sizes(Path(a) / "site", f"goede-voorbeelden/{items[0].id}"))
                r_a.update(_sizes(Path(b) / "site", f"praktijken/{items[0].id}"))
                if n == 1000 and shape == "synthetic":
                    r_ours["keystroke"] = keystroke_ms(Path(a) / "site")
            print(f"[{shape} {n}] (b) Python-Markdown ...", flush=True)
            r_b = markdown_floor(items, args.repeat)
            results[shape][str(n)] = {"ours": r_ours, "a": r_a, "b": r_b}
    args.json.parent.mkdir(exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2))
    from macros.core.render.parallel import worker_count
    print(f"\nours: the build plus {worker_count()} worker process(es) (KENNISBANK_WORKERS, default cores - 1); "
          f"(a) and (b) run in one process. Wall time is what a user waits; CPU time adds up every process.")
    for shape, by_size in results.items():
        print(f"\n### {shape}\n")
        print(report(by_size))
    return 0


def report(results: dict) -> str:
    rows = ["| practices | measure | ours | (a) plain Material | (b) Markdown floor | ours/(a) | ours/(b) |",
            "|---:|---|---:|---:|---:|---:|---:|"]
    for n, r in results.items():
        o, a, b = r["ours"], r["a"], r["b"]
        rows.append(f"| {n} | build time (s) | {o['seconds']:.2f} | {a['seconds']:.2f} | {b['seconds']:.2f} | "
                    f"{o['seconds'] / a['seconds']:.2f} | {o['seconds'] / b['seconds']:.2f} |")
        if "first_s" in o and "first_s" in a:
            rows.append(f"| {n} | first build, into an empty site/ (s, one run) | {o['first_s']:.2f} | {a['first_s']:.2f} | "
                        f"{b['seconds']:.2f} | {o['first_s'] / a['first_s']:.2f} | {o['first_s'] / b['seconds']:.2f} |")
        if "cpu_s" in o and "cpu_s" in a:
            rows.append(f"| {n} | build CPU time, all processes (s) | {o['cpu_s']:.2f} | {a['cpu_s']:.2f} | {b['cpu_s']:.2f} | "
                        f"{o['cpu_s'] / a['cpu_s']:.2f} | {o['cpu_s'] / b['cpu_s']:.2f} |")
        rows.append(f"| {n} | peak memory, largest process (MB) | {o['peak_mb']:.0f} | {a['peak_mb']:.0f} | – | {o['peak_mb'] / a['peak_mb']:.2f} | – |")
        rows.append(f"| {n} | practice page (KB) | {o['page_kb']:.1f} | {a['page_kb']:.1f} | – | {o['page_kb'] / a['page_kb']:.2f} | – |")
        rows.append(f"| {n} | search index (KB) | {o['index_kb']:.0f} | {a['index_kb']:.0f} | – | {o['index_kb'] / a['index_kb']:.2f} | – |")
        rows.append(f"| {n} | search index gzip (KB) | {o['index_gz_kb']:.0f} | {a['index_gz_kb']:.0f} | – | {o['index_gz_kb'] / a['index_gz_kb']:.2f} | – |")
        if o.get("keystroke"):
            k = o["keystroke"]
            rows.append(f"| {n} | library filter per keystroke (ms) | median {k['median_ms']:.1f}, max {k['max_ms']:.1f} | – | – | – | – |")
    sizes = list(results)
    if len(sizes) >= 2:
        lo, hi = sizes[0], sizes[-1]
        factor = int(hi) / int(lo)
        for who in ("ours", "a"):
            grow = results[hi][who]["seconds"] / results[lo][who]["seconds"]
            rows.append(f"\n{who}: {lo}→{hi} practices ({factor:.0f}×) took {grow:.2f}× the time")
    return "\n".join(rows)


if __name__ == "__main__":
    sys.exit(main())
