"""The findings stage: units, problems, counts and deadlines, each with evidence."""
from __future__ import annotations

from ..structure.genre import ANNUAL_REPORT
from .context import Context, Sentence
from .counts import find_counts
from .deadlines import find_deadlines
from .enumerations import names_praised
from .problems import find_problems
from .problems_text import is_problem
from .units import find_units, link_units

__all__ = ["Context", "Sentence", "find_all"]


def _praised(ctx: Context, unit) -> bool:
    """Whether a sentence assessing the unit names it to praise or rank it."""
    return any(m.evidence and names_praised(ctx.text[m.sentence[0]:m.sentence[1]]) for m in unit.mentions)


def find_all(ctx: Context) -> dict[str, list[dict]]:
    """Run every findings rule over one parsed notice."""
    units = find_units(ctx)
    problems = find_problems(ctx, units)
    if ctx.genre == ANNUAL_REPORT:
        # a body's account of its own work names others in passing and plans work for them (督促甲做好…): only
        # those it faults in so many words (乙未按时报送), praises or ranks (丙被评为先进单位) are units
        faulted = {name for problem in problems if is_problem(problem["description"]) for name in problem["units"]}
        units = [unit for unit in units if unit.name in faulted or _praised(ctx, unit)]
        problems = [problem for problem in problems if faulted.issuperset(problem["units"])]
    counts = find_counts(ctx)
    deadlines = find_deadlines(ctx)
    link_units(ctx, units, counts + deadlines)  # (one reading of the sentences' starts and the mentions for both)
    return {
        "units": [u.to_dict() for u in units],
        "problems": problems,
        "counts": counts,
        "deadlines": deadlines,
    }
