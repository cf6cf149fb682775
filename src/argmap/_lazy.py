"""Modules imported on first use, so that a command pays only for what it needs.

networkx and pydantic take a tenth of a second or more to import; ``argmap solve`` on a
framework file needs neither. A module-level name bound to :func:`lazy_module` imports
the real module the first time one of its attributes is read.

Example:
    >>> json = lazy_module("json")
    >>> json.dumps([1])
    '[1]'
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterable
from types import ModuleType
from typing import Any

__all__ = ["exports_getattr", "keep_names", "lazy_module"]


class _LazyModule:
    """Stands for a module, importing it when one of its attributes is first read."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._module: ModuleType | None = None

    def __getattr__(self, attr: str) -> Any:
        module = self._module
        if module is None:
            module = self._module = importlib.import_module(self._name)
        return getattr(module, attr)

    def __repr__(self) -> str:
        return f"<module {self._name!r}, imported on first use>"


def lazy_module(name: str) -> Any:
    """Return a stand-in for the module ``name`` that imports it on first attribute use."""
    return _LazyModule(name)


class _Package(ModuleType):
    """A package whose public functions keep their names when a submodule of the same
    name is imported (importing ``argmap.semantics.strength`` would otherwise make
    ``argmap.semantics.strength`` the module instead of the function)."""

    _shadowed: frozenset[str] = frozenset()

    def __setattr__(self, name: str, value: Any) -> None:
        if name in self._shadowed and isinstance(value, ModuleType):
            return  # the submodule stays in sys.modules; the name stays the function's
        super().__setattr__(name, value)


def keep_names(package: str, names: Iterable[str]) -> None:
    """Make the public ``names`` of ``package`` win over its submodules of those names.

    Example:
        >>> import argmap.semantics.grounded, argmap.semantics
        >>> callable(argmap.semantics.grounded)
        True
    """
    module = sys.modules[package]
    module.__class__ = type("Package", (_Package,), {"_shadowed": frozenset(names)})


def exports_getattr(package: str, exports: dict[str, str]) -> Any:
    """Return a module ``__getattr__`` for ``package`` that imports each public name
    from its module (``exports``: name -> module) on first use, and keeps it.

    Example:
        >>> import sys, types
        >>> pkg = sys.modules["demo_pkg"] = types.ModuleType("demo_pkg")
        >>> pkg.__getattr__ = exports_getattr("demo_pkg", {"dumps": "json"})
        >>> pkg.dumps([2])
        '[2]'
    """

    def __getattr__(name: str) -> Any:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        setattr(sys.modules[package], name, value)
        return value

    return __getattr__
