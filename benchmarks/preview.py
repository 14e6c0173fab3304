"""`make bench`, part two: the editor preview's edit-to-reload latency under `mkdocs serve`.

Builds in temp dirs the same two sites as `python -m benchmarks` (shape `real`): ours (the real practices
cloned to N as YAML records) and (a) plain MkDocs + Material with the same practices as Markdown pages.
Runs `mkdocs serve --strict` on both, opens the page an edit changes in headless Chromium (Debian's), and
times from just before the file is written until the browser shows the new text: MkDocs' livereload
script reloads the page after the rebuild. Two end points, both reported: "painted", the first frame of
the reloaded page (the browser's own clock, recorded by a script in each document); "seen", when the
harness's polling noticed the new text (later by the time Playwright takes to start polling in a new
document). Two kinds of edit, alternating ours and (a):

- record: ours changes one practice's `titel` in data/goede-voorbeelden/<id>.yaml and watches its page
  /goede-voorbeelden/<id>/; (a) changes the H1 of docs/praktijken/<id>.md and watches /praktijken/<id>/.
- page: ours changes the H1 of docs/over/index.md (/over/); (a) the H1 of docs/index.md (/).

Each edit writes a fresh marker, so every write is a real change. The serve log is read as it comes, so
each edit is split into watcher (write to "Detected file changes"; ours is told by the operating system,
(a) polls every 0.5 s), rebuild (to "Reloading browsers";
MkDocs' own "Documentation built in X seconds" is reported beside it) and reload (to the new text in
the browser). A benchmark, not a test: a
missed target does not fail; a failed server, build or edit does.

MkDocs' livereload script is an inline <script> it adds to every page it serves. Our pages carry a
Content-Security-Policy (`script-src 'self'` plus hashes) that blocks it, and then the page never
reloads. So each site is first opened with the policy enforced, to record whether livereload runs there
(`livereload_with_csp`; the report says when it does not), and the edits are timed in a browser context
that bypasses CSP: the latency the preview has once the script is allowed.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import re
import secrets
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks import realistic
from benchmarks.__main__ import ours_config, plain_material_config
from macros.dev.mkdocs_serve import ServeLog, serving
from macros.dev.sitebuild import REPO

TARGET_S = 1.0
KINDS = ("record", "page")
WHO = {"ours": "ours", "a": "(a) plain Material"}
# Waits longer than these are failures, not measurements.
START_TIMEOUT_S = 600
EDIT_TIMEOUT_S = 60
BUILT = re.compile(r"Documentation built in ([0-9.]+) seconds")


@dataclass
class Site:
    who: str  # "ours" or "a"
    root: Path
    config: Path
    env: dict[str, str]
    edits: dict[str, tuple[Path, str]]  # kind -> (file to edit, URL path of the page that shows it)
    url: str = ""
    log: ServeLog | None = None
    page: object = None  # the Playwright page watching this site
    initial_build_s: float | None = None
    livereload_with_csp: bool | None = None
    samples: dict[str, list[dict]] = field(default_factory=lambda: {k: [] for k in KINDS})


def _sites(n: int, ours_root: Path, a_root: Path) -> list[Site]:
    items = realistic.practices(n)
    pick = items[n // 2]  # a practice from the middle of the collection
    config, env = ours_config(ours_root, items)
    ours = Site("ours", ours_root, config, env, {
        "record": (ours_root / "data" / "goede-voorbeelden" / f"{pick.id}.yaml", f"goede-voorbeelden/{pick.id}/"),
        "page": (ours_root / "docs" / "over" / "index.md", "over/"),
    })
    config, env = plain_material_config(a_root, items)
    a = Site("a", a_root, config, env, {
        "record": (a_root / "docs" / "praktijken" / f"{pick.id}.md", f"praktijken/{pick.id}/"),
        "page": (a_root / "docs" / "index.md", ""),
    })
    for site in (ours, a):
        for path, _ in site.edits.values():
            assert path.exists(), path
    return [ours, a]


def _edit(path: Path, marker: str) -> None:
    """Put ``marker`` at the end of the file's title: the `titel:` line of a YAML record, or the H1 of a
    Markdown page (replacing the previous marker). One in-place write, as most editors save."""
    text = path.read_text(encoding="utf-8")
    pattern = r"^(titel: .*?)( \[[0-9a-f]+\])?$" if path.suffix == ".yaml" else r"^(# .*?)( \[[0-9a-f]+\])?$"
    new, count = re.subn(pattern, lambda m: f"{m[1]} [{marker}]", text, count=1, flags=re.MULTILINE)
    if not count:
        raise RuntimeError(f"no title line to edit in {path}")
    path.write_text(new, encoding="utf-8")


SHOWS = "m => Array.from(document.querySelectorAll('h1')).some(h => h.textContent.includes(m))"
# In every document, from its start: the wall-clock time (ms since the epoch, the browser's clock) of the
# first animation frame with an <h1> in it, which is painted right after. Read once the harness has seen
# the marker, it says when the new text reached the screen, without the harness's own delay in noticing
# (its polling is started again in each new document).
FIRST_FRAME = """
(() => {
  const tick = () => document.querySelector('h1')
    ? (window.__kbPainted = performance.timeOrigin + performance.now())
    : requestAnimationFrame(tick);
  requestAnimationFrame(tick);
})();
"""


def _measure(site: Site, kind: str, pause: float) -> dict:
    path, url_path = site.edits[kind]
    page = site.page
    assert site.log is not None and page is not None
    page.bring_to_front()  # type: ignore[attr-defined]
    page.goto(site.url + url_path, wait_until="load")  # type: ignore[attr-defined]
    page.wait_for_function("() => document.visibilityState === 'visible'")  # type: ignore[attr-defined]
    time.sleep(pause)  # the livereload poll is open; the server is idle
    marker = secrets.token_hex(4)
    mark = len(site.log.lines)
    wall0, t0 = time.time(), time.perf_counter()
    _edit(path, marker)
    page.wait_for_function(SHOWS, arg=marker, timeout=EDIT_TIMEOUT_S * 1000, polling="raf")  # type: ignore[attr-defined]
    t_shown = time.perf_counter()
    painted_ms = page.evaluate("window.__kbPainted || null")  # type: ignore[attr-defined]
    i_detect, t_detect, _ = site.log.wait_for("Detected file changes", mark, EDIT_TIMEOUT_S)
    i_reload, t_reload, _ = site.log.wait_for("Reloading browsers", i_detect, EDIT_TIMEOUT_S)
    # MkDocs' build logger drops any message it logged before (utils.DuplicateFilter): a build that takes
    # as long as an earlier one (to 0.01 s) leaves no "Documentation built in" line; its time is then unknown.
    line = next((text for _, text in site.log.lines[i_detect:i_reload] if "Documentation built in" in text), "")
    time.sleep(pause)  # a second rebuild for the same write would show up here
    rebuilds = sum("Detected file changes" in line for _, line in site.log.lines[mark:])
    errors = [line for _, line in site.log.lines[mark:] if "ERROR" in line or "WARNING" in line]
    built = BUILT.search(line)
    return {"total_s": t_shown - t0, "painted_s": painted_ms / 1000 - wall0 if painted_ms else None,
            "watcher_s": t_detect - t0,
            "build_s": float(built[1]) if built else None, "rebuild_wall_s": t_reload - t_detect,
            "reload_s": t_shown - t_reload, "rebuilds": rebuilds, "log_errors": errors[:5]}


def _start(site: Site, stack: contextlib.ExitStack) -> None:
    url, proc = stack.enter_context(serving(site.config, site.env))
    site.url, site.log = url, ServeLog(proc)
    _, _, line = site.log.wait_for("Documentation built in", 0, START_TIMEOUT_S)
    built = BUILT.search(line)
    site.initial_build_s = float(built[1]) if built else None
    site.log.wait_for("Serving on", 0, 60)


def livereload_runs(ctx, url: str, wait: float = 15) -> bool:
    """Whether MkDocs' livereload script starts on ``url`` in ``ctx`` (it logs "Enabled live reload")."""
    page = ctx.new_page()
    seen = threading.Event()
    page.on("console", lambda msg: seen.set() if "Enabled live reload" in msg.text else None)
    page.goto(url, wait_until="load")
    deadline = time.monotonic() + wait
    while not seen.is_set() and time.monotonic() < deadline:
        page.wait_for_timeout(100)  # lets Playwright deliver console events
    page.close()
    return seen.is_set()


def run_size(n: int, repeat: int, pause: float, ctx, csp_ctx) -> dict:
    with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b, contextlib.ExitStack() as stack:
        sites = _sites(n, Path(a), Path(b))
        for site in sites:  # one after the other, so the first builds do not share the CPU
            print(f"[{n}] mkdocs serve: {WHO[site.who]} ...", flush=True)
            _start(site, stack)
            site.livereload_with_csp = livereload_runs(csp_ctx, site.url + site.edits["record"][1])
            site.page = ctx.new_page()
            site.page.add_init_script(FIRST_FRAME)  # type: ignore[attr-defined]
        # Kinds and sites in turn: the machine drifts over a run (whichever kind went second was ~0.25 s
        # slower, for ours and (a) alike), so drift must hit every kind and both sites alike.
        for r in range(repeat):
            for kind in KINDS:
                for site in (sites if r % 2 == 0 else sites[::-1]):
                    sample = _measure(site, kind, pause)
                    site.samples[kind].append(sample)
                    print(f"[{n}] {kind:6} {WHO[site.who]:18} {sample['total_s']:.2f} s (painted {_f(sample['painted_s'])}) "
                          f"(watcher {sample['watcher_s']:.2f}, rebuild {sample['rebuild_wall_s']:.2f}, "
                          f"of which build {sample['build_s']}, reload {sample['reload_s']:.2f})",
                          flush=True)
        for site in sites:
            site.page.close()  # type: ignore[attr-defined]
        return {s.who: {"initial_build_s": s.initial_build_s, "livereload_with_csp": s.livereload_with_csp,
                        "edits": s.samples} for s in sites}


def _stats(samples: list[dict], key: str) -> dict:
    values = [s[key] for s in samples if s[key] is not None]
    return {"median": statistics.median(values), "max": max(values)} if values else {"median": None, "max": None}


def summarise(results: dict) -> dict:
    out: dict = {}
    for n, by_who in results.items():
        out[n] = {}
        for kind in KINDS:
            out[n][kind] = {who: {key: _stats(by_who[who]["edits"][kind], key)
                                  for key in ("total_s", "painted_s", "watcher_s", "rebuild_wall_s", "build_s", "reload_s")}
                              for who in WHO}
    return out


def _f(x: float | None) -> str:
    return "–" if x is None else f"{x:.2f}"


def report(results: dict, summary: dict) -> str:
    def met(x: dict) -> str:
        if x["max"] is None:
            return "unknown"
        return "met" if x["max"] < TARGET_S else ("median met" if x["median"] < TARGET_S else "missed")

    rows = ["| practices | edit | ours: painted, median / max (s) | ours: seen by the harness | (a) plain Material: painted "
            "| (a): seen | ours/(a), painted | < 1 s, painted | < 1 s, seen |",
            "|---:|---|---:|---:|---:|---:|---:|---|---|"]
    for n, by_kind in summary.items():
        for kind, s in by_kind.items():
            o, a = s["ours"], s["a"]
            ratio = (o["painted_s"]["median"] / a["painted_s"]["median"]
                     if o["painted_s"]["median"] and a["painted_s"]["median"] else None)
            rows.append(f"| {n} | {kind} | {_f(o['painted_s']['median'])} / {_f(o['painted_s']['max'])} | "
                        f"{_f(o['total_s']['median'])} / {_f(o['total_s']['max'])} | "
                        f"{_f(a['painted_s']['median'])} / {_f(a['painted_s']['max'])} | "
                        f"{_f(a['total_s']['median'])} / {_f(a['total_s']['max'])} | {_f(ratio)} | "
                        f"{met(o['painted_s'])} | {met(o['total_s'])} |")
    rows += ["", "Painted = from the write to the first frame of the reloaded page with its <h1> (the browser's clock, read "
             "afterwards: when the reader sees the change); seen = until the harness's polling noticed the new text "
             "(its polling starts again in each new document, so it adds its own delay).", "",
             "Where the time goes (medians, s): watcher = write to \"Detected file changes\" (ours: the operating "
             "system's notice, macros/adapters/watcher.py; (a): MkDocs' polling observer, every 0.5 s);"
             " rebuild = from there to \"Reloading browsers\" (MkDocs' quiet period: ours 0.05 s, (a) 0.1 s; the "
             "configuration and plugins loaded again, the build); of which build = MkDocs' own \"Documentation built in\"; "
             "reload = from \"Reloading browsers\" to the new text in the browser (long-poll answer, page load).", "",
             "| practices | edit | site | first build | watcher | rebuild | of which build | reload (seen) | edit to paint "
             "| edit to seen |",
             "|---:|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    for n, by_kind in summary.items():
        for kind, s in by_kind.items():
            for who, label in WHO.items():
                m = {k: v["median"] for k, v in s[who].items()}
                rows.append(f"| {n} | {kind} | {label} | {_f(results[n][who]['initial_build_s'])} | {_f(m['watcher_s'])} | "
                            f"{_f(m['rebuild_wall_s'])} | {_f(m['build_s'])} | {_f(m['reload_s'])} | {_f(m['painted_s'])} | "
                            f"{_f(m['total_s'])} |")
    odd = [f"{n} {who} {kind}: {sample['rebuilds']} rebuilds for one write" + (f"; log: {sample['log_errors']}" if sample["log_errors"] else "")
           for n, by_who in results.items() for who in WHO for kind in KINDS
           for sample in by_who[who]["edits"][kind] if sample["rebuilds"] != 1 or sample["log_errors"]]
    odd += [f"{n} {WHO[who]}: MkDocs' livereload script does not run with the page's Content-Security-Policy "
            "enforced, so `mkdocs serve` never reloads the page by itself; times above are with CSP bypassed"
            for n, by_who in results.items() for who in WHO if by_who[who]["livereload_with_csp"] is False]
    if odd:
        rows += ["", "Odd:"] + [f"- {x}" for x in odd]
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.preview", description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000", help="numbers of practices, comma-separated")
    ap.add_argument("--repeat", type=int, default=5, help="edits per kind and site")
    ap.add_argument("--pause", type=float, default=1.0, help="seconds of quiet before and after each edit")
    ap.add_argument("--json", type=Path, default=REPO / ".bench" / "preview.json")
    args = ap.parse_args(argv)

    from playwright.sync_api import sync_playwright

    from macros.dev.chromium import CHROMIUM, CHROMIUM_ARGS
    if not Path(CHROMIUM).exists():
        print(f"Chromium ontbreekt op {CHROMIUM} (tools/ensure-chromium)", file=sys.stderr)
        return 1
    started = time.perf_counter()
    results: dict[str, dict] = {}
    with sync_playwright() as pw, tempfile.TemporaryDirectory() as profile, tempfile.TemporaryDirectory() as csp_profile:
        def launch(path: str, bypass_csp: bool):
            return pw.chromium.launch_persistent_context(path, executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
                                                         bypass_csp=bypass_csp)
        # Edits are timed with each page's policy in force (the way an editor's browser sees it); a second
        # context checks on a fresh page that live reload starts under that policy at all.
        ctx, csp_ctx = launch(profile, False), launch(csp_profile, False)
        try:
            for n in (int(x) for x in args.sizes.split(",")):
                results[str(n)] = run_size(n, args.repeat, args.pause, ctx, csp_ctx)
        finally:
            ctx.close()
            csp_ctx.close()
    summary = summarise(results)
    args.json.parent.mkdir(exist_ok=True)
    args.json.write_text(json.dumps({"target_s": TARGET_S, "summary": summary, "runs": results,
                                     "seconds": time.perf_counter() - started}, indent=2))
    print(f"\n### Editor preview: edit to reload under `mkdocs serve` (real clones)\n\n{report(results, summary)}")
    print(f"\n({time.perf_counter() - started:.0f} s; {args.json})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
