#!/usr/bin/env python3
"""Scale benchmark for the intervention database (targets from issue 5).

    python3 scripts/benchmark.py [--sizes 1000,2500,5000] [--runs 15] [--preview SAVES]

For each size N it builds the real project plus N synthetic programmes in a temporary
directory, then builds the very same Markdown (captured after our hooks ran) with plain
Material and no hooks (same theme, extensions, navigation and mkdocs-redirects maps), and reports:

- build time with our hooks, without them, and the ratio (target <= 1.3);
- total output size, size per page, size of the list page and of its data script
  (target: output grows linearly with N);
- time to apply a filter on the list page in headless Chromium, median of --runs (target <= 50 ms).

With --preview it also measures the live preview (issue 13, target <= 2 s): `mkdocs serve` on a copy of
the real site, a programme page open in Chromium, then a content file saved; the time runs from the save
until the reloaded page in the browser shows the new text.

It prints a table and writes nothing outside the temporary directory. Not a test: the
numbers depend on the machine, so they go into notes, not into assertions.
"""
from __future__ import annotations

import argparse
import functools
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic_site import make_site  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}

# A last hook that saves each page's Markdown after our hooks have rewritten it.
CAPTURE_HOOK = '''
from pathlib import Path
import yaml
OUT = Path(__file__).parent / "captured"
def on_config(config):
    # the navigation and the redirects as our hooks completed them, so the plain build renders the
    # same nav and mkdocs-redirects (a plugin, not ours) writes the same redirect pages
    redirects = dict(config.plugins["redirects"].config["redirect_maps"])
    (Path(__file__).parent / "nav.yml").write_text(yaml.safe_dump({"nav": config.nav}, allow_unicode=True))
    (Path(__file__).parent / "redirects.yml").write_text(yaml.safe_dump(redirects, allow_unicode=True))
def on_page_markdown(markdown, page, config, files):
    target = OUT / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(markdown, encoding="utf-8")
    return markdown
'''


def build(project: Path, site: Path) -> tuple[float, float]:
    """(wall-clock seconds, CPU seconds) of one build. On a shared machine the CPU time is the steadier
    figure: wall-clock time also counts the time other processes had the cores."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"),
                             "-d", str(site)], env=ENV, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode:
        sys.exit(f"build of {project} failed:\n{result.stderr[-3000:]}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def plain_project(project: Path, captured: Path, dest: Path) -> None:
    """Same theme, extensions and Markdown; no hooks, no generated pages of our own."""
    shutil.copytree(captured, dest / "docs")
    shutil.copytree(project / "overrides", dest / "overrides")
    lines = (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    out, skip = [], False
    for line in lines:
        if line.startswith(("hooks:", "nav:", "watch:")):
            skip = True
            continue
        if skip and (line.startswith(" ") or not line.strip()):
            continue
        skip = False
        out.append(line)
    out.append((project / "nav.yml").read_text(encoding="utf-8"))
    redirects = yaml.safe_load((project / "redirects.yml").read_text(encoding="utf-8"))
    out = [line if line.strip() != "redirect_maps: {}" else "      redirect_maps: " + json.dumps(redirects)
           for line in out]
    # like our hooks, keep programme and story pages out of the navigation
    out.append("not_in_nav: |\n  /interventies/*/index.md\n  /praktijk/*/index.md")
    (dest / "mkdocs.yml").write_text("\n".join(out) + "\n", encoding="utf-8")


def size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def filter_time(site: Path, runs: int) -> float:
    from playwright.sync_api import sync_playwright

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium"),
                                        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{server.server_port}/interventies/")
            page.wait_for_selector("form.kb-filters:not([hidden])")
            times = []
            for k in range(runs):
                # toggle one facet value; the time includes the filter, the counts and a forced layout
                times.append(page.evaluate("""() => {
                    const box = document.querySelector("input[name='niveau']");
                    const t0 = performance.now();
                    box.checked = !box.checked;
                    box.dispatchEvent(new Event("change", {bubbles: true}));
                    document.body.offsetHeight;
                    return performance.now() - t0;
                }"""))
            browser.close()
    finally:
        server.shutdown()
    return statistics.median(times)


def preview_time(work: Path, saves: int) -> list[float]:
    """Seconds from saving content/interventies/taakspel.yml until Chromium shows the new name."""
    import socket

    from playwright.sync_api import Error, sync_playwright

    project = work / "preview"
    make_site(project, 0)
    record = project / "content/interventies/taakspel.yml"
    original = record.read_text(encoding="utf-8")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}",
                               "-f", str(project / "mkdocs.yml")], cwd=project, env=ENV,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium"),
                                        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            page = browser.new_page()
            deadline = time.monotonic() + 120
            while True:  # the first build
                try:
                    page.goto(f"http://127.0.0.1:{port}/interventies/taakspel/")
                    break
                except Error:
                    if time.monotonic() > deadline:
                        sys.exit("mkdocs serve did not start")
                    time.sleep(0.5)
            for k in range(saves):
                time.sleep(2)  # a quiet server, as after an editor's pause
                name = f"Taakspel versie {k}"
                start = time.perf_counter()
                record.write_text(original.replace("naam: Taakspel", f"naam: {name}", 1), encoding="utf-8")
                while True:
                    try:
                        if page.title().startswith(name):
                            break
                    except Error:  # the page is reloading
                        pass
                    if time.perf_counter() - start > 60:
                        sys.exit("the preview never showed the change")
                    time.sleep(0.02)
                times.append(time.perf_counter() - start)
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
    return times


def measure(n: int, runs: int, work: Path, repeat: int = 1) -> dict:
    project = work / f"project-{n}"
    make_site(project, n)
    (project / "bench_capture.py").write_text(CAPTURE_HOOK, encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    last_hook = text.index("hooks/exports.py") + len("hooks/exports.py")  # the capture hook runs last
    config.write_text(text[:last_hook] + "\n  - bench_capture.py" + text[last_hook:], encoding="utf-8")

    first = build(project, work / f"site-{n}")  # also fills the caches (.cache/kennisbank in the project)
    plain = work / f"plain-{n}"
    plain_project(project, project / "captured", plain)
    runs_ours, runs_material = [], [build(plain, work / f"plain-site-{n}")]
    # builds on a shared machine vary by 10-20 %: alternate the two and keep each one's best time;
    # "ours" is a build with the caches of an earlier one, as every build after the first
    for _ in range(max(repeat - 1, 1)):
        runs_ours.append(build(project, work / f"site-{n}"))
        runs_material.append(build(plain, work / f"plain-site-{n}"))
    ours, material = min(r[0] for r in runs_ours), min(r[0] for r in runs_material)
    ours_cpu, material_cpu = min(r[1] for r in runs_ours), min(r[1] for r in runs_material)
    site = work / f"site-{n}"
    pages = len(list(site.rglob("*.html")))
    return {
        "n": n, "ours": ours, "material": material, "ratio": ours / material, "pages": pages, "first": first[0],
        "ours_cpu": ours_cpu, "material_cpu": material_cpu, "ratio_cpu": ours_cpu / material_cpu,
        "total": size(site), "per_page": size(site) / pages,
        "list_page": (site / "interventies/index.html").stat().st_size,
        "data_js": (site / "assets/javascripts/interventies-data.js").stat().st_size,
        "filter_ms": filter_time(site, runs),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,2500,5000")
    ap.add_argument("--runs", type=int, default=15, help="filter timings per size (median)")
    ap.add_argument("--repeat", type=int, default=2, help="builds per size and kind (best time)")
    ap.add_argument("--preview", type=int, default=0, metavar="SAVES",
                    help="also time the live preview over this many saves (target <= 2 s)")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    if args.preview:
        with tempfile.TemporaryDirectory() as tmp:
            times = preview_time(Path(tmp), args.preview)
        print(f"live preview, save to browser (s): median {statistics.median(times):.2f}, "
              f"max {max(times):.2f}, all: " + ", ".join(f"{t:.2f}" for t in times) + "\n")
    if not sizes:
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        rows = [measure(n, args.runs, Path(tmp), args.repeat) for n in sizes]
    print("| programmes | build ours (s) | build Material (s) | ratio (<= 1.3) | CPU ours (s) | CPU Material (s) "
          "| CPU ratio | first build, no cache (s) | pages | output (MB) | per page (kB) "
          "| list page (kB) | data script (kB) | filter median (ms, <= 50) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['n']} | {r['ours']:.1f} | {r['material']:.1f} | {r['ratio']:.2f} | {r['ours_cpu']:.1f} | "
              f"{r['material_cpu']:.1f} | {r['ratio_cpu']:.2f} | {r['first']:.1f} | {r['pages']} | "
              f"{r['total'] / 1e6:.1f} | {r['per_page'] / 1e3:.1f} | {r['list_page'] / 1e3:.0f} | "
              f"{r['data_js'] / 1e3:.0f} | {r['filter_ms']:.1f} |")
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        growth = (last["total"] - first["total"]) / (last["n"] - first["n"])
        print(f"\noutput growth: {growth / 1e3:.1f} kB per added programme between N={first['n']} and N={last['n']}")
        per_programme = [(r["total"] - first["total"]) / (r["n"] - first["n"]) for r in rows[1:]]
        print("marginal kB per programme per step: " + ", ".join(f"{x / 1e3:.1f}" for x in per_programme))
    return 0


if __name__ == "__main__":
    sys.exit(main())
