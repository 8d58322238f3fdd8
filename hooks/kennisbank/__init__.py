"""Domain package of the Kennisbank: load, validate, model and render content.

Plain Python: it never imports MkDocs, so scripts, tests and another generator can
reuse it. The hook modules in ``hooks/`` translate MkDocs events into calls here.
"""
from .errors import ContentError, Problem
from .loading import load_kennisbank
from .site import Kennisbank

__all__ = ["ContentError", "Kennisbank", "Problem", "load_kennisbank"]
