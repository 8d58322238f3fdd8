"""Check loaded data against the JSON Schema beside it, with a line per problem."""
from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from jsonschema import Draft202012Validator

from .cache import cache_dir
from .errors import Problem
from .loader import Loaded, key_path


@lru_cache(maxsize=None)  # once per process: the live preview keeps them between rebuilds
def validator(schema_path: Path) -> Draft202012Validator:
    text = schema_path.read_text(encoding="utf-8")
    schema = json.loads(text)
    # Checking a schema against the meta-schema costs more than all validation: once per version of it.
    cache = cache_dir(schema_path.parents[2])  # content/schemas/x.schema.json -> the project
    checked = cache / "schemas-checked" / hashlib.sha256(text.encode()).hexdigest()[:32] if cache else None
    if checked is None or not checked.exists():
        Draft202012Validator.check_schema(schema)
        if checked is not None:
            try:
                checked.parent.mkdir(parents=True, exist_ok=True)
                checked.touch()
            except OSError:
                pass
    return Draft202012Validator(schema)


def check(loaded: Loaded, instance: object, prefix: tuple, schema_path: Path, display: str) -> list[Problem]:
    """Validate ``instance`` found at key path ``prefix`` of ``loaded``."""
    problems = []
    for error in validator(schema_path).iter_errors(instance):
        path = prefix + tuple(error.absolute_path)
        if error.validator == "additionalProperties":
            allowed = set(error.schema.get("properties", {}))
            for key in sorted(set(error.instance) - allowed):
                problems.append(Problem(display, loaded.line(path + (key,)), key_path(path + (key,)),
                                        f"unknown key (allowed: {', '.join(sorted(allowed))})"))
            continue
        if error.validator == "required":
            missing = error.message.split("'")[1]
            problems.append(Problem(display, loaded.line(path), key_path(path + (missing,)), "required field is missing"))
            continue
        problems.append(Problem(display, loaded.line(path), key_path(path), _message(error)))
    return problems


def _message(error) -> str:
    if error.validator == "enum":
        return f"{error.instance!r} is not one of: {', '.join(map(str, error.validator_value))}"
    if error.validator == "type":
        return f"expected {error.validator_value}, got {type(error.instance).__name__} {error.instance!r}"
    if error.validator == "pattern":
        return f"{error.instance!r} does not match the pattern {error.validator_value}"
    if error.validator == "maxLength":
        return f"too long: {len(error.instance)} characters, at most {error.validator_value}"
    return error.message
