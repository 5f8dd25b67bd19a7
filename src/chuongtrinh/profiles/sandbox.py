"""The sandbox phrase templates run in: jinja2's immutable sandbox, within a budget.

jinja2's sandbox keeps a template from Python's internals, not from using the machine up:
nested `range` loops run for hours and `'a' * 3000000000` takes 8.6 GB. This sandbox routes
every loop step, call, filter, operator and piece of output through the budget of
`profiles/budget.py`; past a bound the render stops with TemplateLimit, which the caller
places at the template's line (docs/security.md)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import wraps
from typing import Any

from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.runtime import Context, LoopContext, Macro
from jinja2.sandbox import ImmutableSandboxedEnvironment

from chuongtrinh.profiles import budget
from chuongtrinh.profiles.budget import TemplateLimit

__all__ = ["BoundedSandbox", "TemplateLimit"]

# Filters slower than their input's size: textwrap's wordwrap copies a long word once per line.
_SLOW_FILTERS = {"wordwrap": 10_000}


def _bounded_range(*args: int) -> range:
    numbers = range(*args)
    if len(numbers) > budget.MAX_RANGE:
        raise TemplateLimit(f"range() quá {budget.vn(budget.MAX_RANGE)} phần tử")
    return numbers


def _whole(values: Iterable[Any]) -> tuple[Any, ...]:
    """Arguments with any lazy sequence (a `map`, a `select`) made a list, so it can be measured."""
    return tuple(
        list(v) if isinstance(v, Iterator) and not isinstance(v, LoopContext) else v for v in values
    )


def _checked(name: str, inputs: tuple[Any, ...], what: str) -> None:
    """Refuse a call whose result could be too big; charge what it reads."""
    budget.refuse_bigger(budget.estimate(name, inputs), what)
    budget.charge_reading(inputs)


def _bounded_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """A filter checked like a call (the compiled template calls filters directly, not
    through the environment's `call`)."""
    injected = 1 if getattr(function, "jinja_pass_arg", None) else 0  # context, environment…
    what = f"bộ lọc '{name}'"

    @wraps(function)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        args = (*args[:injected], *_whole(args[injected:]))
        values = (*args[injected:], *kwargs.values())
        limit = _SLOW_FILTERS.get(name)
        if limit is not None and max(map(budget.size, values), default=0) > limit:
            raise TemplateLimit(f"bộ lọc '{name}' chỉ dùng cho chữ dưới {budget.vn(limit)} ký tự")
        start = kwargs.get("start", args[3] if len(args) > 3 else 0)
        if name == "sum" and not isinstance(start, (int, float)):
            raise TemplateLimit("bộ lọc 'sum' chỉ cộng các số")  # adding lists is quadratic
        _checked(name, values, what)
        return budget.made(function(*args, **kwargs), what)

    return bounded


def _receiver(function: Any) -> Any:
    """The object a method belongs to (through the sandbox's wrapper of str.format)."""
    return getattr(getattr(function, "__wrapped__", function), "__self__", None)


class _CountingGenerator(CodeGenerator):
    """Compiles templates so that every loop step and piece of output is counted, and a `~`
    concatenation measured (none of them goes through the environment otherwise)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._loop_iterables: set[int] = set()

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        self._loop_iterables.add(id(node.iter))
        super().visit_For(node, frame)

    def visit(self, node: nodes.Node, *args: Any, **kwargs: Any) -> Any:
        if id(node) not in self._loop_iterables:
            return super().visit(node, *args, **kwargs)
        self.write("environment.stepped(")
        super().visit(node, *args, **kwargs)
        self.write(")")
        return None

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.joined(")
        super().visit_Concat(node, frame)
        self.write(")")

    def _output_const_repr(self, group: Iterable[Any]) -> str:
        return f"environment.written({super()._output_const_repr(group)})"

    def _output_child_pre(self, node: nodes.Expr, frame: Frame, finalize: Any) -> None:
        self.write("environment.written(")
        super()._output_child_pre(node, frame, finalize)

    def _output_child_post(self, node: nodes.Expr, frame: Frame, finalize: Any) -> None:
        super()._output_child_post(node, frame, finalize)
        self.write(")")


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox, every step of a render charged to its budget."""

    code_generator_class = _CountingGenerator
    intercepted_binops = frozenset({"+", "*", "%", "**"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.globals["range"] = _bounded_range
        # lipsum(n) writes n paragraphs of filler before anything could measure them; a
        # phrase has no use for it.
        del self.globals["lipsum"]
        self.filters = {name: _bounded_filter(name, f) for name, f in self.filters.items()}

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        what = f"phép '{operator}'"
        numbers = isinstance(left, int) and isinstance(right, int)
        if operator == "*":
            budget.refuse_bigger(budget.product((left, right)), what)
            if numbers:
                budget.refuse_bits(left.bit_length() + right.bit_length(), what)
        elif operator == "**" and numbers:
            budget.refuse_bits(max(1, left.bit_length()) * max(0, right), what)
        elif operator == "%" and isinstance(left, str):
            budget.refuse_bigger(budget.estimate("%", (left, right)), what)
        return budget.made(super().call_binop(context, operator, left, right), what)

    def call(self, context: Context, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        """A call from a template: refused when its result could be too big, then measured."""
        if isinstance(obj, LoopContext) and args:  # `loop(children)` in a recursive loop
            args = (self.stepped(args[0]), *args[1:])
        if isinstance(obj, (Macro, LoopContext)) or obj is _bounded_range:
            budget.charge(1)  # what a macro writes is counted as it is written
            return super().call(context, obj, *args, **kwargs)
        name = getattr(obj, "__name__", "?")
        what = f"lời gọi '{name}'"
        args = _whole(args)
        _checked(name, (_receiver(obj), *args, *kwargs.values()), what)
        return budget.made(super().call(context, obj, *args, **kwargs), what)

    def stepped(self, iterable: Any) -> Iterator[Any]:
        """Each step of a loop, charged one unit."""
        for item in iterable:
            budget.charge(1)
            yield item

    def joined(self, text: str) -> str:
        return budget.made(text, "phép '~'")  # type: ignore[no-any-return]

    def written(self, text: Any) -> Any:
        if isinstance(text, str):
            budget.write(text)
        return text
