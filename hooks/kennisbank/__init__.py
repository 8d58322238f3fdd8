"""Domain package of the Kennisbank: load, validate, model and render content.

Plain Python: it never imports MkDocs, so scripts, tests and another generator can
reuse it. The hook modules in ``hooks/`` translate MkDocs events into calls here.
"""
from .errors import ContentError, Problem
from .site import Kennisbank, load_kennisbank

__all__ = ["ContentError", "Kennisbank", "Problem", "load_kennisbank"]
