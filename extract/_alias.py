"""One package, two import names: `tongbao` (the public one) and `extract` (the old one, deprecated).

The folder is extract/; an installed copy is the package `tongbao`. From a checkout both names can be
imported, and two copies of every module would mean two TongbaoError classes, so whichever name a
process imports first is the real one and the other is bound to the very same module objects.
"""
from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import sys
import warnings

NAMES = ("tongbao", "extract")
DEPRECATED = "extract"
WARNING = "the import name 'extract' is deprecated: import tongbao instead"


class _SameModules(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Finds `other` and `other.x` as the already loaded `real` and `real.x`."""

    def __init__(self, other: str, real: str):
        self.other, self.real = other, real

    def find_spec(self, name, path=None, target=None):
        if name == self.other or name.startswith(self.other + "."):
            return importlib.util.spec_from_loader(name, self)
        return None

    def create_module(self, spec):
        module = importlib.import_module(self.real + spec.name[len(self.other):])
        if spec.name == DEPRECATED:
            warnings.warn(WARNING, DeprecationWarning, stacklevel=2)
        spec.loader_state = module.__spec__
        return module

    def exec_module(self, module) -> None:
        module.__spec__ = module.__spec__.loader_state  # the import system gave it the alias's spec: its own back


def bind_other_name(real: str) -> None:
    """Called by the package as it loads under `real`: the other name then yields the same modules."""
    (other,) = [name for name in NAMES if name != real]
    if real == DEPRECATED:
        warnings.warn(WARNING, DeprecationWarning, stacklevel=3)
    if not any(isinstance(finder, _SameModules) for finder in sys.meta_path):
        sys.meta_path.insert(0, _SameModules(other, real))
