"""What the live preview keeps between its rebuilds: each page's rendered results, under a key.

``mkdocs serve`` rebuilds the whole site after every save, and most of that time goes to turning
the same Markdown into the same HTML and the same HTML into the same page. hooks/live_preview.py
stores each step's result here under a key (a hash of everything the step reads) and reuses it
only when a later rebuild computes the same key. Lives in the package, not in the hook module,
because MkDocs executes hook modules again for every rebuild; a preview process keeps one store.
"""
from __future__ import annotations

import hashlib
import logging

import jinja2


def key(*parts) -> str:
    """A hash of the parts; strings and bytes by content, anything else by its repr()."""
    digest = hashlib.blake2b(digest_size=20)
    for part in parts:
        data = part if isinstance(part, bytes) else (part if isinstance(part, str) else repr(part)).encode()
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()


class _Counter(logging.Handler):
    """Counts warnings, so a step that warned is not kept (its warning must show again next time)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class _TemplateCode(jinja2.BytecodeCache):
    """Compiled templates in memory; Jinja checks each template's source checksum before using one."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


class Store:
    def __init__(self) -> None:
        self._steps: dict[str, dict[str, tuple[str, object]]] = {}
        self.warnings = _Counter()
        self.templates = _TemplateCode()
        self._logger: logging.Logger | None = None

    def watch_warnings(self, logger_name: str) -> None:
        if self._logger is None:
            self._logger = logging.getLogger(logger_name)
            self._logger.addHandler(self.warnings)

    def get(self, step: str, page: str, page_key: str):
        """The value stored for this page and step, if it was stored under the same key; else None."""
        hit = self._steps.get(step, {}).get(page)
        return hit[1] if hit is not None and hit[0] == page_key else None

    def put(self, step: str, page: str, page_key: str, value) -> None:
        self._steps.setdefault(step, {})[page] = (page_key, value)

    def keep_only(self, pages: set[str]) -> None:
        """Forget pages that are gone, so a long preview session does not grow."""
        for stored in self._steps.values():
            for page in set(stored) - pages:
                del stored[page]


STORE = Store()
