"""Pairing two lists of things: exact pairs first, then the most similar, and which pairs kept order."""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar

T = TypeVar("T")

Pair = tuple[int, int]


def pair_up(
    old: Sequence[T],
    new: Sequence[T],
    identity: Callable[[T], Hashable],
    score: Callable[[T, T], float],
    threshold: float,
) -> list[Pair]:
    """Index pairs (old, new): equal identities pair in order, the rest best-score-first.

    A pair scoring under `threshold` is not made: that thing was removed or added.
    """
    pairs: list[Pair] = []
    waiting: dict[Hashable, list[int]] = defaultdict(list)
    for j, thing in enumerate(new):
        waiting[identity(thing)].append(j)
    left_old: list[int] = []
    for i, thing in enumerate(old):
        queue = waiting.get(identity(thing))
        if queue:
            pairs.append((i, queue.pop(0)))
        else:
            left_old.append(i)
    taken = {j for _, j in pairs}
    left_new = [j for j in range(len(new)) if j not in taken]
    candidates = sorted(
        (
            (-s, i, j)
            for i in left_old
            for j in left_new
            if (s := score(old[i], new[j])) >= threshold
        ),
    )
    used_old: set[int] = set()
    used_new: set[int] = set()
    for _, i, j in candidates:
        if i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def in_order(pairs: Sequence[Pair]) -> set[Pair]:
    """The largest set of pairs whose new positions rise with the old ones (the rest moved)."""
    ordered = sorted(pairs)
    tails: list[int] = []  # new index ending the best chain of each length
    tail_at: list[int] = []  # position in `ordered` of that chain end
    back: list[int] = [-1] * len(ordered)
    for n, (_, j) in enumerate(ordered):
        k = bisect.bisect_left(tails, j)
        if k == len(tails):
            tails.append(j)
            tail_at.append(n)
        else:
            tails[k] = j
            tail_at[k] = n
        back[n] = tail_at[k - 1] if k else -1
    kept: set[Pair] = set()
    n = tail_at[-1] if tail_at else -1
    while n >= 0:
        kept.add(ordered[n])
        n = back[n]
    return kept


def in_order_around(first: Sequence[Pair], rest: Sequence[Pair]) -> set[Pair]:
    """The pairs in order, `first` chosen before any of `rest` is considered: of `rest`, only
    pairs that fall into the same gap between kept `first` pairs on both sides can stay."""
    kept = in_order(first)
    fixed = sorted(kept)
    olds = [i for i, _ in fixed]
    news = [j for _, j in fixed]
    fitting = [
        (i, j) for i, j in rest if bisect.bisect_left(olds, i) == bisect.bisect_left(news, j)
    ]
    return kept | in_order(fitting)
