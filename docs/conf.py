"""Sphinx configuration for the newsevents documentation.

Build it with ``python -m sphinx -W -n -b html docs docs/_build/html`` (warnings
are errors, every cross-reference must resolve).
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import sys
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.pycode import ModuleAnalyzer
from sphinx.util.nodes import make_refnode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))  # document the checkout, installed or not

import newsevents  # noqa: E402 -- after the path is set

project = "newsevents"
author = "The newsevents developers"
copyright = "the newsevents developers"
release = newsevents.__version__
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.intersphinx",
]
# No sphinx.ext.viewcode: its source pages would list the private modules too.
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]

html_theme = "furo"
html_title = f"newsevents {release}"
pygments_style = "sphinx"
pygments_dark_style = "monokai"

myst_heading_anchors = 3

# Google-style docstrings, as the project writes them.
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False
autodoc_member_order = "bysource"
# Signatures name types as users import them ("Organization"), not by the module that
# defines them ("newsevents.entities.Organization"), private modules included.
python_use_unqualified_type_names = True
autodoc_typehints = "signature"
autodoc_preserve_defaults = False
autodoc_default_options = {"exclude-members": "__init__, __new__"}

# The build machine has no network: no inventory is fetched. Add
# {"python": ("https://docs.python.org/3", None)} here to link to the Python docs.
intersphinx_mapping: dict[str, tuple[str, str | None]] = {}
intersphinx_disabled_reftypes = ["*"]

# -n (nitpicky) checks every reference. Without inventories, names from the standard
# library and the dependencies cannot resolve: they are shown as plain text instead.
_EXTERNAL = (
    "abc",
    "argparse",
    "attr",
    "attrs",
    "duckdb",
    "_duckdb",
    "pa",
    "pyarrow",
    "cattrs",
    "collections",
    "datetime",
    "dateutil",
    "enum",
    "hypothesis",
    "io",
    "os",
    "pathlib",
    "re",
    "types",
    "typing",
)
nitpick_ignore_regex = [
    ("py:.*", rf"(~)?({'|'.join(_EXTERNAL)})(\..*)?"),
    # Bare names that the annotations use from the standard library and typing.
    ("py:.*", r"(datetime|date|timedelta|tzinfo|timezone|relativedelta|Path|PathLike|IO|TextIO|Any)"),
    ("py:.*", r"(Callable|Iterable|Iterator|Sequence|Mapping|Collection|NamedTuple|TypeVar|TypeAlias)"),
    ("py:.*", r"(Literal|Final|Source|Dialect)"),
    ("py:.*", r"(SearchStrategy|st\.SearchStrategy|DrawFn|InvalidArgument|E|T|M)"),
    # The typed query plans of ``Predicate.plan``: a private module, not documented (it may change).
    ("py:class", r"newsevents\._plan\.\w+"),
    # Type variables of generic signatures (``from_dict(cls: type[T], ...) -> T``).
    ("py:class", r"newsevents(\.\w+)*\.[A-Z]"),
]


# ---------------------------------------------------------------- re-exported names


def _resolve_reexport(app: Sphinx, env: Any, node: Any, contnode: nodes.Element) -> nodes.Element | None:
    """Link a name to where the reference documents it.

    The classes live in focused (sometimes private) modules, so signatures name
    them as ``newsevents.entities.Person`` or ``newsevents._precision.Precision``;
    the reference documents each once, under the name users import
    (``newsevents.Person``). This finds that one entry by the name's tail.
    """
    target: str = node.get("reftarget", "")
    if node.get("refdomain") != "py" or not target:
        return None
    objects = env.domains.python_domain.objects
    # Only names of ours: a re-export ("newsevents.entities.Role"), a bare name used in a
    # docstring ("Role"), or a member of a documented class ("Event.parties").
    ours = (
        target.startswith("newsevents")
        or "." not in target
        or target.split(".", maxsplit=1)[0] in _documented_classes(objects)
    )
    if not ours:
        return None
    parts = target.split(".")
    for start in range(len(parts)):
        tail = ".".join(parts[start:])
        found = [
            name
            for name, entry in objects.items()
            if name.startswith("newsevents") and name.endswith("." + tail) and not entry.aliased
        ]
        if len(found) == 1:
            entry = objects[found[0]]
            return make_refnode(app.builder, node["refdoc"], entry.docname, entry.node_id, contnode, found[0])
    return None


def _documented_classes(objects: dict[str, Any]) -> set[str]:
    return {
        name.rsplit(".", 1)[-1] for name, entry in objects.items() if entry.objtype in ("class", "exception")
    }


# ---------------------------------------------------------------- docstrings of constants


def _defining_comment(name: str, obj: object) -> list[str] | None:
    """The ``#:`` or string docstring of a module-level constant, from the module that defines it."""
    modules = [
        "newsevents",
        *(
            f"newsevents.{m.name}"
            for m in pkgutil.iter_modules(newsevents.__path__)
            if not m.ispkg and m.name != "__main__"  # importing __main__ would run the command
        ),
    ]
    for modname in modules:
        module = importlib.import_module(modname)
        if getattr(module, name, _MISSING) is not obj:
            continue
        try:
            docs = ModuleAnalyzer.for_module(modname).find_attr_docs()
        except Exception:  # noqa: BLE001, S112 -- a module without source: try the next one
            continue
        if ("", name) in docs:
            return list(docs["", name])
    return None


_MISSING = object()


def _docstring_of_reexported_data(  # noqa: PLR0913, PLR0917 -- the arguments Sphinx passes
    app: Sphinx, what: str, name: str, obj: object, options: Any, lines: list[str]
) -> None:
    """Give a re-exported constant (``newsevents.FORMAT_VERSION``) the docstring of its definition."""
    if what not in ("data", "attribute") or not name.startswith("newsevents."):
        return
    own = inspect.getdoc(type(obj)) or ""
    if lines and "\n".join(lines).strip() != own.strip():
        return  # it has a docstring of its own
    found = _defining_comment(name.rsplit(".", 1)[-1], obj)
    if found:
        lines[:] = found


# ---------------------------------------------------------------- attribute docstrings

_PROSE: dict[str, list[str]] = {}


def _keep_prose(  # noqa: PLR0913, PLR0917 -- the arguments Sphinx passes
    app: Sphinx, what: str, name: str, obj: object, options: Any, lines: list[str]
) -> None:
    """Remember an attribute's docstring before napoleon reads it."""
    if what in ("attribute", "data", "property"):
        _PROSE[name] = list(lines)


def _restore_prose(  # noqa: PLR0913, PLR0917 -- the arguments Sphinx passes
    app: Sphinx, what: str, name: str, obj: object, options: Any, lines: list[str]
) -> None:
    """Put an attribute's docstring back as written.

    Napoleon reads a first line such as "The side that acts: a speaker, ..." as
    "type: description"; the project's attribute docstrings are prose, never typed.
    """
    if what in ("attribute", "data", "property") and name in _PROSE:
        lines[:] = _PROSE.pop(name)


def _computed_defaults(  # noqa: PLR0913, PLR0917 -- the arguments Sphinx passes
    app: Sphinx,
    what: str,
    name: str,
    obj: object,
    options: Any,
    signature: str | None,
    return_annotation: str | None,
) -> tuple[str | None, str | None] | None:
    """Show a default that attrs computes from other fields (an id from the name) as ``...``.

    attrs gives such fields the sentinel ``NOTHING`` as their default in ``__init__``.
    """
    if signature and "= NOTHING" in signature:
        return signature.replace("= NOTHING", "= ..."), return_annotation
    return None


def setup(app: Sphinx) -> None:
    app.connect("missing-reference", _resolve_reexport)
    app.connect("autodoc-process-docstring", _keep_prose, priority=100)  # napoleon runs at 500
    app.connect("autodoc-process-docstring", _restore_prose, priority=900)
    app.connect("autodoc-process-docstring", _docstring_of_reexported_data, priority=950)
    app.connect("autodoc-process-signature", _computed_defaults)
