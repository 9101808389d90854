"""The timeline: events on a linear time axis in SVG, a lane per group, undated events in a lane of their own.

Each event is a ``<g class="mark">`` whose data attributes carry its identity and its period in UTC
(``data-start``, ``data-end``); its ``rect.span`` is exactly as wide as that period on the axis, so a
year is drawn twelve times as wide as a month. A period too narrow to see also gets a dot, which is
decoration: the span keeps the true width. The ``<svg>`` carries the axis (``data-domain-start``,
``data-domain-end``, ``data-plot-x``, ``data-plot-width``) so that a test can check every mark.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from html import escape
from typing import NamedTuple

from dateutil.relativedelta import relativedelta

from newsevents.events import Event
from newsevents.report._describe import describe, iso_utc, type_colour, when_text

__all__ = ["Item", "Lane", "close_up", "timeline_svg"]

WIDTH = 960
LABEL_W = 230  # the lane labels' column
PLOT_X = LABEL_W + 10
PLOT_W = WIDTH - PLOT_X - 20
AXIS_H = 30
ROW_H = 16
BAR_H = 10
LANE_GAP = 8
MIN_VISIBLE = 7.0  # narrower spans get a dot; also the room a mark takes when rows are packed
UNDATED_STEP = 14.0
LABEL_CHARS = 34


class Item(NamedTuple):
    """One event to draw: the article it belongs to (for links and ids) and the event."""

    article: str
    event: Event


class Lane(NamedTuple):
    """A labelled group of events drawn in the same band (an article, an actor, or one event)."""

    label: str
    items: Sequence[Item]


class _Placed(NamedTuple):
    item: Item
    x: float
    width: float
    y: float


def _attr(value: str) -> str:
    return escape(value, quote=True)


def _short(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1].rstrip() + "\u2026"


def _tooltip(item: Item) -> str:
    said = describe(item.event)
    who = ", ".join(said.acting or said.others) or "-"
    towards = f" \u2192 {', '.join(said.receiving)}" if said.receiving else ""
    lines = [f"{item.event.id} ({said.tag}, {when_text(item.event)})", f"{who}{towards}: {said.what}"]
    lines.extend(f"\u201c{q}\u201d" for q in said.quotes)
    lines.extend([said.summary] if said.summary else [])
    return "\n".join(lines)


class _Axis:
    def __init__(self, items: Sequence[Item]) -> None:
        starts = [i.event.when.start for i in items if i.event.when is not None]
        ends = [i.event.when.end for i in items if i.event.when is not None]
        if starts:
            low, high = min(starts), max(ends)
        else:
            low = high = datetime(2000, 1, 1, tzinfo=UTC)
        pad = timedelta(seconds=round(max((high - low) * 0.02, timedelta(hours=12)).total_seconds()))
        self.low = low - pad if low - datetime.min.replace(tzinfo=UTC) > pad else low
        self.high = high + pad if datetime.max.replace(tzinfo=UTC) - high > pad else high
        self._t0 = self.low.timestamp()
        self._scale = PLOT_W / (self.high.timestamp() - self._t0)

    def x(self, moment: datetime) -> float:
        return PLOT_X + (moment.timestamp() - self._t0) * self._scale

    def width(self, start: datetime, end: datetime) -> float:
        return (end.timestamp() - start.timestamp()) * self._scale

    def ticks(self) -> Iterator[tuple[float, str]]:
        """Calendar-aligned ticks, at most about eight of them."""
        span = self.high - self.low
        steps: list[tuple[timedelta, relativedelta, str]] = [
            (timedelta(hours=h), relativedelta(hours=h), "hour") for h in (1, 3, 6, 12)
        ]
        steps += [(timedelta(days=d), relativedelta(days=d), "day") for d in (1, 2, 7, 14)]
        steps += [(timedelta(days=30 * m), relativedelta(months=m), "month") for m in (1, 3, 6)]
        steps += [(timedelta(days=365 * y), relativedelta(years=y), "year") for y in (1, 2, 5, 10, 20, 50)]
        steps += [(timedelta(days=365 * y), relativedelta(years=y), "year") for y in (100, 250, 500, 1000)]
        _, step, unit = next((s for s in steps if span / s[0] <= 8), steps[-1])
        low = self.low.astimezone(UTC)
        if unit == "year":
            every = step.years
            tick = datetime(max(1, low.year - low.year % every), 1, 1, tzinfo=UTC)
        elif unit == "month":
            tick = datetime(low.year, low.month, 1, tzinfo=UTC)
        elif unit == "day":
            tick = datetime(low.year, low.month, low.day, tzinfo=UTC)
        else:
            tick = datetime(low.year, low.month, low.day, low.hour, tzinfo=UTC)
        shown = {"year": "", "month": "-%m", "day": "-%m-%d", "hour": "-%m-%d %H:00"}[unit]
        for _ in range(64):
            if tick > self.high:
                return
            x, label = self.x(tick), f"{tick.year:04d}{tick.strftime(shown)}"  # %Y does not pad year 1
            if tick >= self.low and x + len(label) * 3 < WIDTH:  # a label cut by the edge is left out
                yield x, label
            try:
                tick = tick + step
            except (OverflowError, ValueError):
                return


def _pack(items: Sequence[Item], axis: _Axis) -> list[list[tuple[Item, float, float]]]:
    """First-fit rows of the dated items: a mark goes in the first row where it touches no other."""
    dated = sorted((i.event.when.start, n, i, i.event.when) for n, i in enumerate(items) if i.event.when)
    rows: list[list[tuple[Item, float, float]]] = []
    ends: list[float] = []
    for start, _, item, when in dated:
        x, width = axis.x(start), axis.width(start, when.end)
        right = x + max(width, MIN_VISIBLE) + 2
        for row, end in enumerate(ends):
            if end <= x:
                rows[row].append((item, x, width))
                ends[row] = right
                break
        else:
            rows.append([(item, x, width)])
            ends.append(right)
    return rows


def _mark(item: Item, x: float, width: float, y: float) -> str:
    event = item.event
    when = event.when
    tag = describe(event).tag
    colour = type_colour(tag)
    approx = when is not None and when.approximate
    cls = "mark approx" if approx else "mark"
    if when is not None:
        period = (
            f' data-start="{iso_utc(when.start)}" data-end="{iso_utc(when.end)}"'
            f' data-precision="{when.precision.value}"'
        )
    else:
        period = ' data-start="" data-end="" data-precision="none"'
    head = (
        f'<g class="{cls}" data-event="{_attr(event.id)}" data-article="{_attr(item.article)}"'
        f' data-type="{_attr(tag)}"{period}><title>{escape(_tooltip(item))}</title>'
    )
    mid = y + BAR_H / 2
    if when is None:
        diamond = f"M{x:.2f} {y:.2f}l5 5-5 5-5-5z"
        return f'{head}<path class="undated" d="{diamond}" fill="none" stroke="{colour}"/></g>'
    body = (
        f'<rect class="span" x="{x:.3f}" y="{y:.2f}" width="{width:.3f}" height="{BAR_H}" fill="{colour}"/>'
    )
    if width < MIN_VISIBLE:
        fill = "none" if approx else colour
        body += f'<circle class="dot" cx="{x + width / 2:.2f}" cy="{mid:.2f}" r="3.5" fill="{fill}"'
        body += f' stroke="{colour}"/>'
    return head + body + "</g>"


def _links(placed: dict[tuple[str, str], tuple[float, float]], items: Sequence[Item]) -> list[str]:
    """A curve from each event to every event it names in ``related``, where both are drawn."""
    out: list[str] = []
    for item in items:
        here = placed.get((item.article, item.event.id))
        for ref in item.event.related:
            there = placed.get((item.article, ref))
            if here is None or there is None:
                continue
            (x1, y1), (x2, y2) = here, there
            bend = max(abs(y2 - y1) / 2, 12.0)
            out.append(
                f'<path class="link" data-from="{_attr(item.event.id)}" data-to="{_attr(ref)}"'
                f' d="M{x1:.2f} {y1:.2f}C{x1 - bend:.2f} {y1:.2f} {x2 - bend:.2f} {y2:.2f}'
                f' {x2:.2f} {y2:.2f}"/>'
            )
    return out


def timeline_svg(lanes: Sequence[Lane]) -> str:
    """The timeline of these lanes: dated events on the axis, every undated one in a last lane."""
    every = [item for lane in lanes for item in lane.items]
    axis = _Axis(every)
    marks: list[str] = []
    labels: list[str] = []
    seen: dict[tuple[str, str], tuple[float, float]] = {}
    y = float(AXIS_H)
    bands: list[tuple[str, str, list[list[tuple[Item, float, float]]]]] = []
    undated: dict[tuple[str, str], Item] = {}  # once each, though an event may be in several lanes
    for lane in lanes:
        dated = [i for i in lane.items if i.event.when is not None]
        undated.update(((i.article, i.event.id), i) for i in lane.items if i.event.when is None)
        if dated:
            bands.append(("lane", lane.label, _pack(dated, axis)))
    per_row = max(1, int(PLOT_W // UNDATED_STEP))
    if undated:
        waiting = list(undated.values())
        chunks = [waiting[k : k + per_row] for k in range(0, len(waiting), per_row)]
        spaced = [[(item, PLOT_X + 6 + n * UNDATED_STEP, 0.0) for n, item in enumerate(c)] for c in chunks]
        bands.append(("lane undated-lane", "undated (not on the axis)", spaced))
    for cls, label, placed_rows in bands:
        top = y
        for row in placed_rows:
            for item, x, width in row:
                marks.append(_mark(item, x, width, y + (ROW_H - BAR_H) / 2))
                seen.setdefault((item.article, item.event.id), (x + width / 2, y + ROW_H / 2))
            y += ROW_H
        labels.append(
            f'<g class="{cls}"><rect class="band" x="0" y="{top - 2:.0f}" width="{WIDTH}"'
            f' height="{y - top + 4:.0f}"/><text class="label" x="6" y="{top + 11:.0f}">'
            f"<title>{escape(label)}</title>{escape(_short(label))}</text></g>"
        )
        y += LANE_GAP
    height = max(y, AXIS_H + ROW_H)
    ticks = [
        f'<g class="tick"><line x1="{x:.2f}" x2="{x:.2f}" y1="{AXIS_H - 6}" y2="{height:.0f}"/>'
        f'<text x="{x:.2f}" y="{AXIS_H - 10}">{text}</text></g>'
        for x, text in axis.ticks()
    ]
    head = (
        f'<svg class="timeline" xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height:.0f}"'
        f' viewBox="0 0 {WIDTH} {height:.0f}" role="img" aria-label="Timeline of {len(every)} events"'
        f' data-domain-start="{iso_utc(axis.low)}" data-domain-end="{iso_utc(axis.high)}"'
        f' data-plot-x="{PLOT_X}" data-plot-width="{PLOT_W}">'
    )
    links = _links(seen, every)
    return "".join([head, *labels, *ticks, *links, *marks, "</svg>"])


def close_up(items: Sequence[Item]) -> list[Item]:
    """The events worth a second, zoomed timeline: the tightest half of the dated ones, if it is tight.

    When half the dated events fit in a twentieth of the whole axis (a week of talks in a story
    that goes back ten years), the whole axis draws them as one dot each; a close-up of just those
    events spreads them out. Empty when there is nothing to gain.
    """
    dated = sorted(
        (
            (i.event.when.start.timestamp(), i.event.when.end.timestamp(), n)
            for n, i in enumerate(items)
            if i.event.when
        ),
    )
    if len(dated) < 4:
        return []
    half = (len(dated) + 1) // 2
    whole = max(end for _, end, _ in dated) - dated[0][0]
    best: tuple[float, int] | None = None
    latest: deque[int] = deque()  # positions in the window, by decreasing end: the front ends last
    for j, (_, end, _) in enumerate(dated):
        while latest and dated[latest[-1]][1] <= end:
            latest.pop()
        latest.append(j)
        first = j - half + 1
        if first < 0:
            continue
        while latest[0] < first:
            latest.popleft()
        span = dated[latest[0]][1] - dated[first][0]
        if best is None or span < best[0]:
            best = (span, first)
    if best is None or best[0] * 20 > whole:
        return []
    span, first = best
    # Grown by its own length each side: the day before a day of talks belongs in its close-up.
    low, high = dated[first][0] - span, dated[first][0] + 2 * span
    inside = {n for start, end, n in dated if start >= low and end <= high}
    return [item for n, item in enumerate(items) if n in inside]
