"""The parts of a page around the timeline: style, header, legend, the table of events, the actors.

Every piece of text that comes from an article goes through :func:`html.escape` here or in
``_timeline``; nothing else reaches the markup.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from html import escape

from newsevents.entities import Actor, actor_key
from newsevents.report._describe import actor_label, describe, type_colour, verbs, when_text
from newsevents.report._timeline import Item

__all__ = ["actors_list", "document", "events_table", "legend", "style"]

# Scoped to .ne-report, so that a notebook's own styles and ours leave each other alone.
CSS = """
.ne-report{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2937;max-width:980px}
.ne-report h1{font-size:1.5em;margin:.2em 0}.ne-report h2{font-size:1.15em;margin:1.2em 0 .4em}
.ne-report .meta{color:#4b5563;margin:.2em 0}.ne-report .sub{font-style:italic;margin:.3em 0}
.ne-report .legend span{display:inline-block;margin-right:1em}
.ne-report .swatch{display:inline-block;width:.9em;height:.9em;border-radius:2px;vertical-align:-.1em;
margin-right:.3em}
.ne-report svg.timeline{display:block;margin:.5em 0;background:#fff}
.ne-report .band{fill:#f8fafc}.ne-report .lane:nth-of-type(2n) .band{fill:#eef2f7}
.ne-report .undated-lane .band{fill:#fdf6e3}
.ne-report .label{font-size:11px;fill:#111827}.ne-report .tick line{stroke:#d1d5db;stroke-width:1}
.ne-report .tick text{font-size:10px;fill:#6b7280;text-anchor:middle}
.ne-report .mark .span{stroke:none}.ne-report .mark.approx .span{fill-opacity:.3;stroke:#111827;
stroke-dasharray:2 2;stroke-width:.6}
.ne-report .link{fill:none;stroke:#9ca3af;stroke-width:1;stroke-dasharray:3 2}
.ne-report table{border-collapse:collapse;width:100%;font-size:13px}
.ne-report th,.ne-report td{border-bottom:1px solid #e5e7eb;padding:3px 6px;text-align:left;
vertical-align:top}
.ne-report td.when{white-space:nowrap;font-variant-numeric:tabular-nums}
.ne-report q{display:block;color:#374151}.ne-report .summary{display:block;color:#6b7280}
.ne-report .type{white-space:nowrap}
.ne-report .note{color:#6b7280;font-size:12px}.ne-report ul.actors{padding-left:1.2em}
"""


def _text(value: str) -> str:
    return escape(value, quote=True)


def _swatch_class(tag: str) -> str:
    return f"sw-{zlib.crc32(tag.encode('utf-8')):08x}"


def _swatch(tag: str) -> str:
    # A class, not a style attribute on every row: a thousand inline styles slow the page down.
    return f'<i class="swatch {_swatch_class(tag)}"></i>'


def style(items: Sequence[Item]) -> str:
    """The page's CSS, with a colour rule for each event type present."""
    tags = dict.fromkeys(describe(i.event).tag for i in items)
    rules = "".join(f".ne-report .{_swatch_class(t)}{{background:{type_colour(t)}}}" for t in tags)
    return f"<style>{CSS}{rules}</style>"


def legend(items: Sequence[Item]) -> str:
    """The colours of the types present, and what an approximate and an undated mark look like."""
    tags = dict.fromkeys(describe(i.event).tag for i in items)
    parts = [f"<span>{_swatch(tag)}{_text(tag.replace('_', ' '))}</span>" for tag in tags]
    if any(i.event.when is not None and i.event.when.approximate for i in items):
        parts.append("<span>dashed: approximate</span>")
    if any(i.event.when is None for i in items):
        parts.append("<span>\u25c7 undated</span>")
    parts.append("<span>a dot marks a period too short to draw to scale</span>")
    return f'<p class="legend">{"".join(parts)}</p>'


def events_table(items: Sequence[Item], *, with_article: bool, limit: int | None = None) -> str:
    """A row per event: when, type, id, who and to whom, what (with quotes), certainty."""
    shown = items if limit is None else items[:limit]
    head = "<th>Article</th>" if with_article else ""
    rows = [
        f'<table class="events"><thead><tr><th>When</th><th>Type</th>{head}<th>Event</th><th>Who</th>'
        "<th>What</th><th>Certainty</th></tr></thead><tbody>"
    ]
    for item in shown:
        event = item.event
        said = describe(event)
        who = ", ".join(said.acting or said.others) or "\u2013"
        if said.receiving:
            who += " \u2192 " + ", ".join(said.receiving)
        quotes = "".join(f"<q>{_text(q)}</q>" for q in said.quotes)
        if said.summary:
            quotes += f'<span class="summary">{_text(said.summary)}</span>'
        cell = f"<td>{_text(item.article)}</td>" if with_article else ""
        rows.append(
            f'<tr data-event="{_text(event.id)}" data-article="{_text(item.article)}">'
            f'<td class="when">{_text(when_text(event))}</td><td class="type">'
            f"{_swatch(said.tag)}{_text(said.tag.replace('_', ' '))}</td>"
            f"{cell}<td>{_text(event.id)}</td><td>{_text(who)}</td><td>{_text(said.what)}{quotes}</td>"
            f"<td>{_text(event.certainty.value)}</td></tr>"
        )
    rows.append("</tbody></table>")
    if limit is not None and len(items) > limit:
        rows.append(
            f'<p class="note">{limit} of {len(items)} events shown; '
            "<code>newsevents.report.to_html(...)</code> makes a page with all of them.</p>"
        )
    return "".join(rows)


def actors_list(items: Sequence[Item], *, with_article: bool = False) -> str:
    """Every actor with what they did, event by event (``article#event`` in a collection)."""
    names: dict[tuple[str, str], Actor] = {}
    did: dict[tuple[str, str], list[str]] = {}
    for item in items:
        event = item.event
        parties = event.parties()
        for verb, group in zip(verbs(event), parties, strict=True):
            for actor in group:
                key = actor_key(actor)
                names.setdefault(key, actor)
                where = f"{item.article}#{event.id}" if with_article else event.id
                did.setdefault(key, []).append(f"{verb} ({where})")
    lines = []
    for key, actor in names.items():
        done = "; ".join(dict.fromkeys(did[key]))
        lines.append(f"<li><b>{_text(actor_label(actor))}</b>: {_text(done)}</li>")
    return f'<ul class="actors">{"".join(lines)}</ul>'


def document(title: str, body: str, items: Sequence[Item]) -> str:
    """A whole page: no script, nothing fetched; the policy forbids both even if markup got in."""
    policy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_text(title)}</title>{style(items)}</head>"
        f'<body><main class="ne-report">{body}</main></body></html>\n'
    )
