"""Write: put derived files under ``site_src/`` and never write one path twice.

Only files whose text changed are written, and files no longer derived are
removed, so ``mkdocs serve`` (which watches ``site_src/docs``) reloads once
per edit and not in a loop.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from generator.core.errors import PortalError


class DuplicateOutput(PortalError):
    pass


class TreeWriter:
    def __init__(self, root: Path):
        self.root = root
        self.files: dict[str, str | bytes] = {}
        self.owners: dict[str, str] = {}

    def add(self, rel: str, text: str | bytes, owner: str) -> None:
        if rel in self.files:
            raise DuplicateOutput(
                f"two things want to write {rel}: {self.owners[rel]} and {owner}; "
                "rename one of them")
        self.files[rel] = text
        self.owners[rel] = owner

    def digest(self) -> str:
        """A hash of every file this writer holds (its path and bytes): what the tree will be."""
        h = hashlib.blake2b(digest_size=16)
        for rel in sorted(self.files):
            text = self.files[rel]
            data = text.encode("utf-8") if isinstance(text, str) else text
            h.update(f"{rel}\0{len(data)}\0".encode())
            h.update(data)
        return h.hexdigest()

    def commit(self) -> int:
        """Write changed files, delete stale ones; return how many files changed."""
        changed = 0
        self.root.mkdir(parents=True, exist_ok=True)
        for rel, text in self.files.items():
            path = self.root / rel
            data = text.encode("utf-8") if isinstance(text, str) else text
            if path.exists() and path.read_bytes() == data:
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            changed += 1
        for path in sorted(self.root.rglob("*"), reverse=True):
            rel = path.relative_to(self.root).as_posix()
            if path.is_file() and rel not in self.files:
                path.unlink()
                changed += 1
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
        return changed
