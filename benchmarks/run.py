"""The benchmark: portal against Hugo on the same synthetic district, at each size asked for.

    bash scripts/bench.sh                     # small, district and state
    .venv/bin/python -m benchmarks district   # one size (after scripts/setup.sh --bench)

For each size, in one go: a synthetic project (benchmarks/synth.py) is written to a fresh
folder, then measured: Hugo's cold build of the same items (benchmarks/hugo_site.py), portal's
cold build (no site/, no .cache/), a rebuild with no change, a rebuild after editing one
meeting (its title, in both languages), and the time from saving an edit to seeing it on the
meeting's page and on its council's page under ``portal serve``. Every build runs with
``--now NOW`` and SOURCE_DATE_EPOCH. The figures go to the terminal, or as Markdown with
``--markdown``; no figure is checked against a target here.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks import hugo_site, measure, report, synth  # noqa: E402
from benchmarks.report import Row  # noqa: E402

PORTAL = str(Path(sys.executable).with_name("portal"))
SOURCE_DATE_EPOCH = "1795435200"  # 2026-11-23 12:00 UTC, the same moment as synth.NOW
SERVE_TIMEOUT = 3600.0  # seconds for portal serve's first build at state size, on a busy machine
EDIT_TIMEOUT = 600.0
DEFAULT_SIZES = ("small", "district", "state")


class RunFailed(Exception):
    """A build the benchmark times did not succeed; the message holds its output."""


def build_env() -> dict[str, str]:
    return {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}


def has_times_json() -> bool:
    """Whether this portal's build can write its stage times (``--times-json``)."""
    out = subprocess.run([PORTAL, "build", "--help"], capture_output=True, text=True).stdout
    return "--times-json" in out


def portal_build(size: str, run: str, project: Path, times: bool) -> Row:
    """Time one ``portal build`` of ``project``; raises RunFailed with its output if it fails."""
    cmd = [PORTAL, "build", "-p", str(project), "--now", synth.NOW]
    times_file = project.parent / "times.json"
    times_file.unlink(missing_ok=True)  # never read an earlier build's figures
    if times:
        cmd += ["--times-json", str(times_file)]
    m = measure.run(cmd, env=build_env())
    if m.returncode:
        raise RunFailed(f"portal build failed ({size}, {run}):\n{m.output}")
    data = json.loads(times_file.read_text()) if times and times_file.exists() else {}
    return Row(size, run, m.seconds, m.peak_mb, measure.count_html(project / "site"),
               {k: float(v) for k, v in data.get("stages", {}).items()},
               "MkDocs skipped" if data.get("mkdocs_skipped") else "")


def chosen_meeting(project: Path) -> str:
    """The meeting the benchmark edits: the first upcoming one, or the last one if none is.

    Meeting files are named from their date (2026-12-08-lincoln-sac.md) in the example and
    in the synthetic district alike."""
    names = sorted(p.stem for p in (project / "content" / "en" / "meetings").glob("*.md"))
    upcoming = [n for n in names if n[:10] >= synth.NOW[:10]]
    return (upcoming or names[-1:])[0]


def edit_meeting(project: Path, slug: str, title: dict[str, str]) -> None:
    """Give the meeting a new title in each language's file, the way staff would type it."""
    for lang, words in title.items():
        path = project / "content" / lang / "meetings" / f"{slug}.md"
        if not path.exists():
            continue
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        new = f"title: {words}\n"
        at = next((i for i, line in enumerate(lines[1:], 1) if line.startswith("title:")), None)
        if at is None:
            lines.insert(1, new)
        else:
            lines[at] = new
        path.write_text("".join(lines), encoding="utf-8")


def council_of(project: Path, slug: str) -> str | None:
    text = (project / "content" / "en" / "meetings" / f"{slug}.md").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.startswith("body:"):
            return line.split(":", 1)[1].strip()
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def shows(url: str, words: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return words in response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return False


def wait_until(check, timeout: float, proc: subprocess.Popen) -> bool:
    """Poll ``check`` every 20 ms until it holds, the server ends or ``timeout`` passes."""
    end = time.perf_counter() + timeout
    while time.perf_counter() < end:
        if check():
            return True
        if proc.poll() is not None:
            return False
        time.sleep(0.02)
    return False


def serve_edit(size: str, project: Path, slug: str) -> Row:
    """Seconds from saving a meeting's new title until ``portal serve`` shows it on both pages."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = (project.parent / "serve.log").open("w")
    proc = subprocess.Popen([PORTAL, "serve", "-p", str(project), "--now", synth.NOW,
                             "--port", str(port)], env=build_env(), stdout=log,
                            stderr=subprocess.STDOUT)
    council = council_of(project, slug)
    pages = [f"{base}/meetings/{slug}/"]
    if council:
        pages.append(f"{base}/meetings/bodies/{council}/")
    words = "Benchmark edit two"
    try:
        with measure.TreeMemory(proc.pid) as mem:
            if not wait_until(lambda: shows(pages[0], "<html"), SERVE_TIMEOUT, proc):
                return Row(size, "serve: edit to visible", None, note="the server did not start")
            time.sleep(1.0)  # let the watcher settle after the first build
            saved = time.perf_counter()
            edit_meeting(project, slug, {"en": words, "es": "Edición dos del benchmark"})
            seen = {}
            for url in pages:
                if not wait_until(lambda: shows(url, words), EDIT_TIMEOUT, proc):
                    return Row(size, "serve: edit to visible", None, mem.peak_mb,
                               note=f"the edit never showed on {url}")
                seen[url] = time.perf_counter() - saved
        return Row(size, "serve: edit to visible", max(seen.values()), mem.peak_mb,
                   note="meeting page and its council's page")
    finally:
        measure.stop_tree(proc)
        log.close()


def hugo_build(size: str, project: Path, work: Path) -> Row:
    """Hugo's cold build of the same items."""
    if shutil.which("hugo") is None:
        return Row(size, "Hugo cold", None, note="hugo is not installed (scripts/setup.sh --bench)")
    site = work / "hugo"
    hugo_site.write_site(project, site)
    m = measure.run(["hugo", "--quiet", "-d", str(site / "public")], cwd=site, env=build_env())
    if m.returncode:
        raise RunFailed(f"hugo failed ({size}):\n{m.output}")
    return Row(size, "Hugo cold", m.seconds, m.peak_mb, measure.count_html(site / "public"))


def bench_size(size: str, work: Path, serve: bool, rows: list[Row], progress) -> None:
    """Every run for one size, in order, in ``work``; each row is added to ``rows`` when measured."""
    project = work / "project"
    progress(f"{size}: writing the synthetic district")
    synth.write_project(project, size)
    times = has_times_json()

    def measured(row: Row) -> None:
        rows.append(row)
        progress(report.line(row))

    progress(f"{size}: Hugo cold")  # first, so that even an interrupted run has its ratios
    measured(hugo_build(size, project, work))
    for run in ("portal cold", "portal no change"):
        progress(f"{size}: {run}")
        measured(portal_build(size, run, project, times))
    slug = chosen_meeting(project)
    edit_meeting(project, slug, {"en": "Benchmark edit one", "es": "Edición uno del benchmark"})
    progress(f"{size}: portal after editing one meeting ({slug})")
    measured(portal_build(size, "portal one meeting edited", project, times))
    if serve:
        progress(f"{size}: portal serve, edit to visible")
        measured(serve_edit(size, project, slug))


def arguments(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line; ``sizes`` is the default three when none is given."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", metavar="SIZE",
                        help=f"{', '.join(synth.SIZES)} (default: {' '.join(DEFAULT_SIZES)})")
    parser.add_argument("--markdown", action="store_true", help="print the tables as Markdown")
    parser.add_argument("--no-serve", action="store_true", help="leave out the portal serve run")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a "
                        "temporary folder, removed at the end)")
    args = parser.parse_args(argv)
    args.sizes = args.sizes or list(DEFAULT_SIZES)
    if unknown := [s for s in args.sizes if s not in synth.SIZES]:
        parser.error(f"no size called {', '.join(unknown)}: choose from {', '.join(synth.SIZES)}")
    return args


def main(argv: list[str] | None = None) -> None:
    args = arguments(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="portal-bench-"))

    def progress(text: str) -> None:
        print(f"bench: {text}", file=sys.stderr, flush=True)

    rows: list[Row] = []
    failed = False
    try:
        for size in args.sizes:
            bench_size(size, work / size, not args.no_serve, rows, progress)
    except KeyboardInterrupt:
        progress("interrupted: the tables hold only the runs measured so far")
    except RunFailed as exc:
        failed = True
        progress(f"{exc}\nthe tables hold only the runs measured before it")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print(report.render(rows, measure.machine(), markdown=args.markdown))
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
