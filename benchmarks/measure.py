"""Timing and memory of a command and all its processes, and a description of the machine.

Peak memory is the highest sum of the resident memory (RSS) of a command's whole process
tree, sampled every 0.1 s with psutil, so a build that works in several processes at once is
counted together. Pages shared between processes are counted in each, so the figure errs high.
"""
from __future__ import annotations

import os
import platform
import subprocess
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import psutil

SAMPLE_SECONDS = 0.1


@dataclass
class Measured:
    seconds: float
    peak_mb: float
    returncode: int
    output: str


class TreeMemory:
    """Samples a running process tree's total RSS in a thread; ``peak_mb`` is the highest seen."""

    def __init__(self, pid: int):
        self.root = psutil.Process(pid)
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> "TreeMemory":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def peak_mb(self) -> float:
        return self.peak / 2**20

    def sample(self) -> None:
        total = 0
        try:
            procs = [self.root, *self.root.children(recursive=True)]
        except psutil.Error:
            return
        for proc in procs:
            try:
                total += proc.memory_info().rss
            except psutil.Error:
                continue  # it ended between the listing and the reading
        self.peak = max(self.peak, total)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(SAMPLE_SECONDS)


def run(cmd: list[str], cwd: Path | None = None, env: dict | None = None) -> Measured:
    """Run ``cmd`` to its end; its wall time, peak memory of its process tree, exit code and output."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    try:
        with TreeMemory(proc.pid) as mem:
            output, _ = proc.communicate()
    except BaseException:  # interrupted: leave no build running behind the benchmark
        stop_tree(proc)
        raise
    return Measured(time.perf_counter() - start, mem.peak_mb, proc.returncode, output)


def stop_tree(proc: subprocess.Popen) -> None:
    """End a process this benchmark started, and the processes it started, by their ids."""
    try:
        children = psutil.Process(proc.pid).children(recursive=True)
    except psutil.Error:
        children = []
    for p in [*children, proc]:
        try:
            p.terminate()
        except (psutil.Error, ProcessLookupError):
            pass
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    psutil.wait_procs(children, timeout=5)


def count_html(folder: Path) -> int:
    """Pages written: the .html files under ``folder``."""
    return sum(1 for _ in Path(folder).rglob("*.html"))


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def hugo_version() -> str:
    try:
        out = subprocess.run(["hugo", "version"], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return "not installed"
    return out.split()[1] if len(out.split()) > 1 else out.strip()


def machine() -> dict[str, str]:
    """The machine and the moment, for the report."""
    return {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": cpu_model(),
        "cores": str(os.cpu_count()),
        "ram": f"{psutil.virtual_memory().total / 2**30:.1f} GB",
        "python": platform.python_version(),
        "hugo": hugo_version(),
        "load": " ".join(f"{x:.1f}" for x in os.getloadavg()),
    }
