"""pydantic's plugins off for a command-line run, without loading what only finds them.

pydantic looks up plugins through every installed package's entry points when the first
model is built (~10 ms), and imports `importlib.metadata` to do it whatever
`PYDANTIC_DISABLE_PLUGINS` says (~60 M instructions, ~5 % of a cold build: email, zipfile,
csv). A command-line run has no use for plugins, so it turns them off, unless the user set
the variable, and while they are all off it registers the loader as the module pydantic
would find then: one whose `get_plugins()` returns no plugins. pydantic imports that one
name from the loader (`pydantic/plugin/_schema_validator.py`); tests/test_imports.py checks
that it still does, so that an upgrade that needs more fails a test, not a user's run.
"""

from __future__ import annotations

import os
import sys
import types
from collections.abc import Iterable

LOADER = "pydantic.plugin._loader"
ALL_OFF = ("__all__", "1", "true")  # the values for which pydantic's loader loads none


def _no_plugins() -> Iterable[object]:
    return ()


def turn_off() -> None:
    """Plugins off unless the user chose otherwise; while all are off, a loader that loads none."""
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if os.environ["PYDANTIC_DISABLE_PLUGINS"] not in ALL_OFF or LOADER in sys.modules:
        return
    loader = types.ModuleType(LOADER, "pydantic's plugin loader while every plugin is off")
    loader.get_plugins = _no_plugins  # type: ignore[attr-defined]
    sys.modules[LOADER] = loader
