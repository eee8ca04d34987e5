"""Build-time benchmark: how build time and memory grow with the amount of content.

Makes synthetic projects (the example district's settings, N schools with a
coordinator and 4 meetings each, in both languages), builds each in a fresh
process and prints seconds, peak memory and the ratio to the smallest size.
A linear pipeline keeps seconds-per-page roughly flat as N grows.

    .venv/bin/python scripts/benchmark.py            # N = 10, 40, 160
    .venv/bin/python scripts/benchmark.py 25 100     # other sizes

Figures depend on the machine; report them as ratios, or with the machine.
"""
from __future__ import annotations

import json
import platform
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

CHILD = """
import json, resource, sys, time
from generator.site.build import build
start = time.perf_counter()
result = build(sys.argv[1], now="2026-11-23 12:00")
seconds = time.perf_counter() - start
peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"pages": result.pages, "seconds": seconds, "peak_mib": peak_kib / 1024}))
"""


def make_project(root: Path, n: int) -> None:
    shutil.copy(REPO / "portal.yml", root / "portal.yml")
    for lang in ("en", "es"):
        for sub in ("schools", "people", "meetings"):
            (root / "content" / lang / sub).mkdir(parents=True, exist_ok=True)
    for i in range(n):
        slug = f"school-{i:04d}"
        (root / f"content/en/people/coord-{i:04d}.md").write_text(textwrap.dedent(f"""\
            ---
            name: Coordinator {i}
            role: coordinator
            email: coord{i}@example.org
            languages: [en, es]
            ---
            Bio {i}.
            """))
        (root / f"content/en/schools/{slug}.md").write_text(textwrap.dedent(f"""\
            ---
            name: School {i}
            level: elementary
            grades: TK-5
            address: {{street: {i} Main Street, city: Valle Verde, state: CA, postal_code: "95301"}}
            coordinator: coord-{i:04d}
            services: [food_pantry, tutoring]
            ---
            About school {i}.
            """))
        (root / f"content/es/schools/{slug}.md").write_text(f"---\nname: Escuela {i}\n---\nSobre la escuela {i}.\n")
        for m in range(4):
            (root / f"content/en/meetings/{slug}-m{m}.md").write_text(textwrap.dedent(f"""\
                ---
                group: site_advisory_council
                school: {slug}
                start: 2026-{9 + m:02d}-{(i % 27) + 1:02d} 17:30
                end: "19:00"
                location: {{place: Library}}
                agenda: [Welcome, Updates]
                notice_posted: 2026-08-01 09:00
                ---
                """))


def main(sizes: list[int]) -> None:
    print(f"machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}")
    rows = []
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            make_project(root, n)
            out = subprocess.run([sys.executable, "-c", CHILD, str(root)], capture_output=True,
                                 text=True, cwd=REPO, check=True)
            data = json.loads(out.stdout.strip().splitlines()[-1])
            rows.append((n, data))
    base = rows[0][1]
    print(f"{'schools':>8} {'pages':>7} {'seconds':>8} {'ms/page':>8} {'peak MiB':>9} {'time x':>7} {'pages x':>8}")
    for n, d in rows:
        print(f"{n:>8} {d['pages']:>7} {d['seconds']:>8.2f} {1000 * d['seconds'] / d['pages']:>8.1f} "
              f"{d['peak_mib']:>9.0f} {d['seconds'] / base['seconds']:>7.1f} {d['pages'] / base['pages']:>8.1f}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [10, 40, 160])
