"""The seed example, loaded as a module for the tests that need it (one loader, not five)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from newsevents import Article

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _shared() -> Path:
    """``shared/`` beside the project: the nearest one up from here.

    Beside the checkout as a rule; mutation testing runs the tests from a copy one level down
    (``mutants/``), where the same folder is one more level up.
    """
    here = Path(__file__).resolve().parent
    for folder in here.parents:
        if (folder / "shared" / "seed" / "article.txt").is_file():
            return folder / "shared"
    return here.parents[1] / "shared"  # missing: the tests that need it fail and name this path


SHARED = _shared()
"""The shared folder: the seed article (``seed/``) and the standards' own files (``standards/``)."""


def load_example(name: str = "lavrov_blinken_call") -> ModuleType:
    """An example script of ``examples/``, imported as a module (once per process)."""
    module_name = f"newsevents_example_{name}"
    loaded = sys.modules.get(module_name)
    if loaded is not None:
        return loaded
    spec = importlib.util.spec_from_file_location(module_name, EXAMPLES / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module


def seed_article() -> Article:
    """The seed article, as the example builds it."""
    built = load_example().build_article()
    assert isinstance(built, Article)
    return built
