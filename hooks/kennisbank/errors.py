"""Problems in content, reported as ``path:line: key.path: message``."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    key: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.key}: {self.message}" if self.key else f"{where}: {self.message}"


class ContentError(Exception):
    """Raised once with every problem found, never for the first one alone."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(report(self.problems))


def report(problems: list[Problem]) -> str:
    files = {p.path for p in problems}
    noun = "problem" if len(problems) == 1 else "problems"
    lines = [str(p) for p in sorted(set(problems))]
    lines.append(f"{len(problems)} {noun} in {len(files)} file{'s' if len(files) != 1 else ''}")
    return "\n".join(lines)


def display_path(path: Path, root: Path) -> str:
    """Paths relative to the project root, so editors can click them."""
    try:  # most paths were found under root: no need to ask the file system
        if path.is_absolute() == root.is_absolute() and ".." not in path.parts:
            return path.relative_to(root).as_posix()
    except ValueError:
        pass
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
