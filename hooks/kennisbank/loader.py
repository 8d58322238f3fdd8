"""Read YAML and Markdown front matter, keeping the line of every key."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from .errors import Problem

KeyPath = tuple  # of str keys and int indexes


# libyaml's parser when PyYAML has it (about ten times faster); it keeps line marks too.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):
    """Safe loader that keeps dates as strings: schemas check their format."""


_Loader.yaml_implicit_resolvers = {
    ch: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for ch, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class Loaded:
    """Parsed data plus the 1-based line of each key path."""

    data: object
    lines: dict = field(default_factory=dict)
    problems: list = field(default_factory=list)
    text_lines: dict = field(default_factory=dict)  # key path -> line where a scalar's text starts

    def text_line(self, path: KeyPath) -> int:
        """First line of the text of a scalar value (the line after '|' or '>' for block scalars)."""
        return self.text_lines.get(tuple(path), self.line(path))

    def line(self, path: KeyPath, default: int = 1) -> int:
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), default)


def key_path(path: KeyPath) -> str:
    """('erkenning', 0, 'niveau') -> 'erkenning[0].niveau'."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


class NotText(Exception):
    """A file that is not UTF-8 text; ``problem`` names its line."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


def read_text(path, display: str) -> str:
    """A file's text as UTF-8, without a byte-order mark (editors on Windows add one)."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise NotText(Problem(display, line, "", f"not UTF-8 text: byte 0x{data[exc.start]:02x} at column {column}; "
                                                 "save the file as UTF-8")) from None
    return text.removeprefix("\ufeff")


def _yaml_problem(exc: yaml.MarkedYAMLError, text: str, display: str, offset: int) -> Problem:
    """An editor's message: the opening quote of an unclosed string, tabs called tabs."""
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or ""
    context = exc.context or ""
    if "quoted scalar" in context and exc.context_mark is not None:  # the quote that never closes
        mark = exc.context_mark
        message = f"a quoted text that opens here is never closed ({problem})"
    elif "\\t" in problem or "tab" in problem.lower() or (mark is not None and _char_at(text, mark) == "\t"):
        message = "a tab character: indent YAML with spaces, never with tabs"
    elif mark is not None and (opened := _unclosed_quote(text, mark.line)) is not None:
        # YAML reads a quoted text on over line ends until the next quote, so the error shows up later
        mark = yaml.Mark("", 0, opened, 0, None, None)
        message = f"a quoted text that opens here is not closed on its line ({problem} further on)"
    elif "flow" in context and exc.context_mark is not None:  # [ or { left open
        message = f"{problem} (the list or mapping opened on line {exc.context_mark.line + 1 + offset} is not closed)"
    else:
        message = problem + (f" ({context})" if context and "while parsing" not in context else "")
    line = (mark.line + 1 + offset) if mark else offset + 1
    return Problem(display, line, "", f"invalid YAML: {message}")


_OPENING_QUOTE = re.compile(r"""^\s*(?:-\s+)?(?:[^\s:#"'][^:#]*:\s+)?(?P<q>["'])(?P<rest>.*)$""")


def _unclosed_quote(text: str, before_line: int) -> int | None:
    """0-based line of the first value that opens a quote and does not close it on that line."""
    for n, line in enumerate(text.split("\n")[: before_line + 1]):
        match = _OPENING_QUOTE.match(line)
        if not match:
            continue
        rest = match["rest"]
        if match["q"] == '"':
            closed = re.search(r'(?<!\\)"', rest.replace("\\\\", ""))
        else:
            closed = re.search(r"'(?!')", rest.replace("''", ""))
        if not closed:
            return n
    return None


def _char_at(text: str, mark) -> str:
    lines = text.split("\n")
    if mark.line < len(lines) and mark.column < len(lines[mark.line]):
        return lines[mark.line][mark.column]
    return ""


def load_yaml(text: str, display: str, line_offset: int = 0) -> Loaded:
    text = text.removeprefix("\ufeff")
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return Loaded(None)
        loaded = Loaded(None)
        _walk(node, (), loaded, display, line_offset)
        loaded.data = loader.construct_document(node)
        return loaded
    except yaml.MarkedYAMLError as exc:
        return Loaded(None, problems=[_yaml_problem(exc, text, display, line_offset)])
    except yaml.YAMLError as exc:  # errors without a mark
        return Loaded(None, problems=[Problem(display, line_offset + 1, "", f"invalid YAML: {exc}")])
    finally:
        loader.dispose()


def _walk(node, path: KeyPath, loaded: Loaded, display: str, offset: int) -> None:
    loaded.lines.setdefault(path, node.start_mark.line + 1 + offset)
    if isinstance(node, yaml.MappingNode):
        seen: set = set()
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + 1 + offset
            if key in seen:
                loaded.problems.append(Problem(display, line, key_path(path + (key,)), "duplicate key"))
            seen.add(key)
            loaded.lines[path + (key,)] = line
            _walk(value_node, path + (key,), loaded, display, offset)
            loaded.lines[path + (key,)] = line
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, path + (i,), loaded, display, offset)
    elif isinstance(node, yaml.ScalarNode):
        block = node.style in ("|", ">")
        loaded.text_lines[path] = node.start_mark.line + 1 + offset + (1 if block else 0)


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*\n?", re.DOTALL)


@dataclass
class Document:
    """A Markdown file with YAML front matter."""

    meta: Loaded
    body: str
    body_line: int  # 1-based line number of the body's first line


def load_markdown(text: str, display: str) -> Document:
    text = text.removeprefix("\ufeff")
    match = _FRONT_MATTER.match(text)
    if not match:
        return Document(Loaded({}, problems=[Problem(display, 1, "", "missing YAML front matter (--- ... ---)")]), text, 1)
    meta = load_yaml(match.group(1) or "", display, line_offset=1)
    if meta.data is None and not meta.problems:
        meta.data = {}
    body_line = text.count("\n", 0, match.end()) + 1
    return Document(meta, text[match.end():], body_line)
