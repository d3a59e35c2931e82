"""duplicate_of in documents.parquet: which documents are copies of a notice written before them, by the rules
and the candidates of extract/copies.py that the search index uses, so the dataset keeps every document."""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from ..copies import Fingerprint, candidates, same_notice


class _Notices:
    """Documents grouped into notices in the order they come; each notice is named by its first document."""

    def __init__(self) -> None:
        self.parent: list[int] = []
        self.by_key: dict[str, list[int]] = defaultdict(list)
        self.by_heading: dict[tuple, list[int]] = defaultdict(list)
        self.by_hash: dict[int, list[int]] = defaultdict(list)
        self.seen: dict[Fingerprint, int] = {}

    def first(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = i = self.parent[self.parent[i]]
        return i

    def join(self, i: int, j: int) -> None:
        a, b = self.first(i), self.first(j)
        self.parent[max(a, b)] = min(a, b)

    def sharing(self, hashes: Sequence[int], at_least: int, most: int) -> list[int]:
        """Earlier documents with at least `at_least` of the hashes, the `most` sharing most."""
        shared = Counter(j for h in hashes for j in self.by_hash.get(h, ()))
        return [j for j, n in shared.most_common(most) if n >= at_least]

    def add(self, mine: Fingerprint, prints: Sequence[Fingerprint]) -> None:
        i = len(self.parent)
        self.parent.append(i)
        twin = self.seen.setdefault(mine, i)
        if twin != i and same_notice(mine, prints[twin]):
            self.join(i, twin)  # the same fingerprint is a copy of whatever its twin is a copy of
            return
        for j in candidates(mine, lambda key: self.by_key.get(key, ()),
                            lambda heading: self.by_heading.get(heading, ()), self.sharing):
            if same_notice(mine, prints[j]):
                self.join(i, j)
        if mine.key:
            self.by_key[mine.key].append(i)
        if mine.title and mine.date and mine.issuer:
            self.by_heading[mine.title, mine.date, mine.issuer].append(i)
        for h in mine.sketch:
            self.by_hash[h].append(i)


def first_copies(prints: Sequence[Fingerprint]) -> list[int | None]:
    """For each document in order, the position of the first document of the same notice, or None for that
    first one. A document that is a copy of two notices joins them, as in the search index."""
    notices = _Notices()
    for mine in prints:
        notices.add(mine, prints)
    firsts = [notices.first(i) for i in range(len(prints))]
    return [first if first != i else None for i, first in enumerate(firsts)]
