"""What a phrase template may spend in one render: work, time, and the size of what it makes.

A unit of work is a loop step, a call or a filter, plus one per 8 characters it reads or makes;
an item of a list weighs ten characters (sorting a list costs more than copying text). A value
a template makes is measured after it is made, and a call that could make a value too big (a
width, a count, a replacement multiplied by its occurrences) is refused before it runs, from an
estimate of its result. The time limit is the backstop for the work no unit counts (comparing
long texts in a loop): it is checked wherever a unit is charged."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from jinja2.exceptions import SecurityError

MAX_RANGE = 10_000  # items of one range()
MAX_SIZE = 1_000_000  # characters (items weigh ITEM) of a value a template makes, and of its output
MAX_BITS = 100_000  # bits of an integer a template makes (about 30,000 digits)
MAX_WORK = 2_000_000  # units of work of one render (about a second)
MAX_SECONDS = 2.0
ITEM = 10
_CHARS_PER_UNIT = 8
_NUMBER = re.compile(r"\d+")
_NESTED_FIELD = re.compile(r"\{[^{}]*\{")  # '{:>{}}': a width taken from the arguments

# Calls and filters that make about as much as they are given: estimated by the sum of their
# inputs. Any other may multiply them (center(width), translate(table), tojson(indent=…)) and
# is estimated by their product, a count standing for itself.
_LINEAR = frozenset(
    [
        "abs",
        "attr",
        "capitalize",
        "casefold",
        "count",
        "default",
        "d",
        "dictsort",
        "e",
        "endswith",
        "escape",
        "find",
        "first",
        "float",
        "forceescape",
        "get",
        "groupby",
        "index",
        "int",
        "isalnum",
        "isalpha",
        "isdecimal",
        "isdigit",
        "islower",
        "isnumeric",
        "isspace",
        "istitle",
        "isupper",
        "items",
        "keys",
        "last",
        "length",
        "list",
        "lower",
        "lstrip",
        "map",
        "max",
        "min",
        "partition",
        "pprint",
        "reject",
        "rejectattr",
        "removeprefix",
        "removesuffix",
        "reverse",
        "rfind",
        "rindex",
        "round",
        "rpartition",
        "rsplit",
        "rstrip",
        "safe",
        "select",
        "selectattr",
        "sort",
        "split",
        "splitlines",
        "startswith",
        "string",
        "strip",
        "striptags",
        "sum",
        "swapcase",
        "title",
        "trim",
        "truncate",
        "unique",
        "upper",
        "values",
        "wordcount",
    ]
)


class TemplateLimit(SecurityError):
    """A template went past one of the bounds; the message says which, in Vietnamese."""


@dataclass
class _Budget:
    work: int = MAX_WORK
    written: int = MAX_SIZE
    deadline: float = field(default_factory=lambda: time.monotonic() + MAX_SECONDS)


_current: ContextVar[_Budget | None] = ContextVar("template_budget", default=None)


@contextmanager
def for_render() -> Iterator[None]:
    """A fresh budget for one render (outside one, while compiling, sizes are still checked)."""
    token = _current.set(_Budget())
    try:
        yield
    finally:
        _current.reset(token)


def vn(number: int) -> str:
    """1.000.000: thousands as a Vietnamese reader writes them."""
    return f"{number:,}".replace(",", ".")


def charge(units: int) -> None:
    """Spend `units` of the render's work; past the budget or the time limit, stop."""
    current = _current.get()
    if current is None:
        return
    current.work -= units
    if current.work < 0:
        raise TemplateLimit(f"mẫu làm quá {vn(MAX_WORK)} bước (vòng lặp, lời gọi)")
    if time.monotonic() > current.deadline:
        raise TemplateLimit(f"mẫu chạy quá {MAX_SECONDS:g} giây")


def charge_reading(values: tuple[Any, ...]) -> None:
    charge(1 + sum(size(v) for v in values) // _CHARS_PER_UNIT)


def write(text: str) -> None:
    """Count a piece of output: everything a render writes, in any macro or block."""
    current = _current.get()
    if current is None:
        return
    current.written -= len(text)
    if current.written < 0:
        raise TemplateLimit(f"mẫu in ra quá {vn(MAX_SIZE)} ký tự")
    charge(1 + len(text) // _CHARS_PER_UNIT)


def size(value: Any, limit: int = MAX_SIZE) -> int:
    """Characters of text, plus ITEM for each item of a collection, nested; counting stops
    past `limit`."""
    if isinstance(value, (str, bytes)):
        return len(value)
    if isinstance(value, range):
        return ITEM * len(value)
    if not isinstance(value, (list, tuple, dict, set, frozenset)):
        return 1
    total = ITEM * len(value)
    items = value.items() if isinstance(value, dict) else value
    for item in items:
        if total > limit:
            break
        if not isinstance(item, (int, float)):
            total += size(item, limit - total)
    return total


def refuse_bigger(estimate: int, what: str) -> None:
    if estimate > MAX_SIZE:
        raise TemplateLimit(f"{what} sẽ tạo giá trị quá {vn(MAX_SIZE)} ký tự")


def refuse_bits(bits: int, what: str) -> None:
    if bits > MAX_BITS:
        raise TemplateLimit(f"{what} tạo số quá lớn (quá {vn(MAX_BITS)} bit)")


def made(value: Any, what: str) -> Any:
    """A value a template made, measured and charged; refused when too big."""
    if isinstance(value, int) and not isinstance(value, bool):
        refuse_bits(value.bit_length(), what)
        return value
    measured = size(value)
    refuse_bigger(measured, what)
    charge(1 + measured // _CHARS_PER_UNIT)
    return value


def product(values: tuple[Any, ...]) -> int:
    """The inputs multiplied: a count as itself, text or a collection as its size."""
    total = 1
    for value in values:
        if isinstance(value, int) and not isinstance(value, bool):
            total *= max(1, abs(value))
        else:
            total *= max(1, size(value))
        if total > MAX_SIZE:
            break
    return total


def estimate(name: str, inputs: tuple[Any, ...]) -> int:
    """At most how big the result of call or filter `name` on `inputs` can be (the receiver
    of a method first: the text to replace in, or the format)."""
    if name in _LINEAR:
        return sum(size(v) for v in inputs)
    if name == "join" and len(inputs) >= 2:
        # str.join gives (separator, items), the join filter (items, separator)
        items, separator = inputs[:2] if isinstance(inputs[1], str) else inputs[1::-1]
        count = len(items) if hasattr(items, "__len__") else 1
        return size(items) + size(separator) * count
    if name == "replace" and len(inputs) >= 3 and all(isinstance(v, str) for v in inputs[:3]):
        text, old, new = inputs[:3]
        found = text.count(old) if old else len(text) + 1
        return len(text) + found * max(0, len(new) - len(old))
    if name in ("format", "format_map", "%") and inputs and isinstance(inputs[0], str):
        return _format_estimate(inputs[0], inputs[1:])
    return product(inputs)


def _format_estimate(pattern: str, values: tuple[Any, ...]) -> int:
    """Format text, the widths written in it ('%9999999s', '{:>9999999}'), the values, and
    any width taken from the values ('%*s', '{:>{}}')."""
    widths = sum(int(n) for n in _NUMBER.findall(pattern[:10_000]))
    flat = [v for value in values for v in _spread(value)]
    total = len(pattern) + widths + sum(size(v) for v in flat)
    if "*" in pattern or _NESTED_FIELD.search(pattern):
        total += sum(abs(v) for v in flat if isinstance(v, int) and not isinstance(v, bool))
    return total


def _spread(value: Any) -> tuple[Any, ...]:
    """The values a format takes from one argument: a tuple's items, a mapping's values."""
    if isinstance(value, tuple):
        return value
    if isinstance(value, dict):
        return tuple(value.values())
    return (value,)
