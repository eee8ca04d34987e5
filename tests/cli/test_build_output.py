"""What ``portal build`` prints: bars for a person at a terminal, plain lines otherwise, and
the stage times at the end in both cases; ``--times-json`` for tools."""
from __future__ import annotations

import json
import os
import pty
import re
import select
import subprocess
import sys
from pathlib import Path

PORTAL = [sys.executable, "-m", "generator.cli.main"]
NOW = ["--now", "2026-11-23 12:00"]
ESCAPE = "\x1b"
STAGE_LINE = re.compile(r"  [a-z:]+ +[0-9]+\.[0-9]{2} s")


def environment(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "PORTAL_JOBS")}
    env.update(COLUMNS="100", **extra)
    return env


def in_a_terminal(args: list[str], env: dict[str, str]) -> tuple[int, str]:
    """Run a command with a pseudo-terminal as its input and outputs, as a person would."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen(args, stdin=follower, stdout=follower, stderr=follower, env=env)
    os.close(follower)
    out = b""
    while True:
        ready, _, _ = select.select([leader], [], [], 1)
        if ready:
            try:
                data = os.read(leader, 65536)
            except OSError:  # the command ended and closed the terminal
                break
            if not data:
                break
            out += data
        elif proc.poll() is not None:
            break
    os.close(leader)
    return proc.wait(timeout=60), out.decode("utf-8", "replace")


def ends_with_stage_times(output: str) -> None:
    lines = output.replace("\r\n", "\n").rstrip("\n").split("\n")
    at = max(i for i, line in enumerate(lines) if line.strip() == "Stage times:")
    times = lines[at + 1:]
    assert times and all(STAGE_LINE.fullmatch(line) for line in times), times
    names = [line.split()[0] for line in times]
    assert names[:3] == ["load", "derive", "write"]
    assert {"mkdocs:en", "mkdocs:es", "calendars", "feeds"} <= set(names)


def test_output_that_is_not_a_terminal_is_plain_and_ends_with_the_stage_times(project, tmp_path):
    done = subprocess.run([*PORTAL, "build", "-p", str(project.root), "--site-dir", str(tmp_path / "s"), *NOW],
                          capture_output=True, text=True, env=environment(), timeout=600)
    assert done.returncode == 0, done.stderr
    assert ESCAPE not in done.stdout + done.stderr
    assert "Rendering pages" not in done.stdout + done.stderr
    ends_with_stage_times(done.stdout)


def test_a_terminal_shows_progress_bars_then_the_stage_times(project, tmp_path):
    code, output = in_a_terminal([*PORTAL, "build", "-p", str(project.root), "--site-dir",
                                  str(tmp_path / "s"), *NOW], environment())
    assert code == 0, output
    assert ESCAPE in output
    for bar in ("Loading items", "Writing pages", "Rendering pages (en)", "Rendering pages (es)"):
        assert bar in output
    ends_with_stage_times(re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", output))


def test_in_ci_a_terminal_gets_plain_output(project, tmp_path):
    code, output = in_a_terminal([*PORTAL, "build", "-p", str(project.root), "--site-dir",
                                  str(tmp_path / "s"), *NOW], environment(CI="true"))
    assert code == 0, output
    assert ESCAPE not in output
    assert "Rendering pages" not in output
    ends_with_stage_times(output)


def test_times_json_has_the_pages_the_seconds_and_every_stage(project, tmp_path):
    figures = tmp_path / "times.json"
    done = subprocess.run([*PORTAL, "build", "-p", str(project.root), "--site-dir", str(tmp_path / "s"),
                           *NOW, "--times-json", str(figures)], capture_output=True, text=True,
                          env=environment(PORTAL_JOBS="1"), timeout=600)
    assert done.returncode == 0, done.stderr
    data = json.loads(figures.read_text(encoding="utf-8"))
    assert set(data) == {"pages", "seconds", "stages", "mkdocs_skipped"}
    assert data["pages"] == int(re.search(r"Built ([0-9]+) pages", done.stdout)[1]) > 0
    assert data["seconds"] > 0 and data["mkdocs_skipped"] is False
    assert {"load", "derive", "write", "mkdocs:en", "mkdocs:es", "calendars", "feeds", "cards",
            "images"} <= set(data["stages"])


def test_a_bad_number_of_jobs_is_refused_in_plain_words(project, tmp_path):
    done = subprocess.run([*PORTAL, "build", "-p", str(project.root), "--site-dir", str(tmp_path / "s"), *NOW],
                          capture_output=True, text=True, env=environment(PORTAL_JOBS="two"), timeout=600)
    assert done.returncode == 1
    assert "PORTAL_JOBS must be a whole number" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "s").exists()
