"""The findings stage: units, problems, counts and deadlines, each with evidence."""
from __future__ import annotations

from .context import Context, Sentence
from .counts import find_counts
from .deadlines import find_deadlines
from .problems import find_problems
from .units import find_units, link_units

__all__ = ["Context", "Sentence", "find_all"]


def find_all(ctx: Context) -> dict[str, list[dict]]:
    """Run every findings rule over one parsed notice."""
    units = find_units(ctx)
    problems = find_problems(ctx, units)
    counts = find_counts(ctx)
    deadlines = find_deadlines(ctx)
    link_units(ctx, units, counts)
    link_units(ctx, units, deadlines)
    return {
        "units": [u.to_dict() for u in units],
        "problems": problems,
        "counts": counts,
        "deadlines": deadlines,
    }
