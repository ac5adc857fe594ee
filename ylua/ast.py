"""Abstract syntax tree of Lua 5.4, produced by the parser and consumed by the compiler.

Every node carries `line`, the source line where it starts (calls and binary operators carry the line of their
operator, as PUC Lua reports them). Names are `str`, string literals are `bytes` (Lua strings are byte strings).
Nodes have __slots__ (a big chunk's tree is millions of them).

The nodes that declare locals (Local, LocalFunction, NumericFor, GenericFor, Function: its parameters; Chunk: _ENV)
carry `_decls`, one ylua.resolve.Var per name declared, whose `captured` tells the compiler whether a closure
captures it, and `assigned` whether an assignment writes it: the parser fills them in (ylua/resolve.py).
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass, field


@contextmanager
def gc_paused():
    """The cyclic garbage collector off while a tree is built or compiled: those make millions of objects and no
    cycles, and each collection would scan all of them again (it had doubled the time of a big chunk's parse).
    Afterwards the objects made meanwhile go to the oldest generation at once (freeze, then unfreeze): as the
    youngest, the first collection would scan them all again, and move them on to be scanned again later."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.unfreeze()
        if enabled:
            gc.enable()


@dataclass(eq=False, slots=True)
class Node:
    line: int


# ---------------------------------------------------------------- expressions


@dataclass(eq=False, slots=True)
class Nil(Node):
    pass


@dataclass(eq=False, slots=True)
class TrueExpr(Node):
    pass


@dataclass(eq=False, slots=True)
class FalseExpr(Node):
    pass


@dataclass(eq=False, slots=True)
class Number(Node):
    value: int | float


@dataclass(eq=False, slots=True)
class String(Node):
    value: bytes


@dataclass(eq=False, slots=True)
class Vararg(Node):
    pass


@dataclass(eq=False, slots=True)
class Name(Node):
    name: str


@dataclass(eq=False, slots=True)
class Index(Node):
    obj: Node
    key: Node


@dataclass(eq=False, slots=True)
class Call(Node):
    func: Node
    args: list[Node]


@dataclass(eq=False, slots=True)
class MethodCall(Node):
    obj: Node
    method: str
    args: list[Node]


@dataclass(eq=False, slots=True)
class Paren(Node):
    """A parenthesised expression: truncates multiple results to one."""

    expr: Node


@dataclass(eq=False, slots=True)
class BinOp(Node):
    """op is the Lua operator text: + - * / // % ^ .. == ~= < <= > >= and or & | ~ << >>"""

    op: str
    left: Node
    right: Node


@dataclass(eq=False, slots=True)
class UnOp(Node):
    """op is one of: - not # ~"""

    op: str
    operand: Node


@dataclass(eq=False, slots=True)
class TableField(Node):
    """kind: 'pos' (value only), 'named' (key is a String node from `name = v`), 'expr' (`[k] = v`)."""

    kind: str
    key: Node | None
    value: Node


@dataclass(eq=False, slots=True)
class Table(Node):
    fields: list[TableField]


@dataclass(eq=False, slots=True)
class Function(Node):
    """A function body. `name` is a descriptive name for tracebacks ('f', 'obj.m', 'obj:m', or '' for anonymous)."""

    params: list[str]
    is_vararg: bool
    body: Block
    end_line: int
    name: str = ""
    is_method: bool = False  # `function a:b()` adds an implicit first parameter 'self' (already in params)
    _decls: list | None = field(default=None, repr=False, compare=False)


# ---------------------------------------------------------------- statements


@dataclass(eq=False, slots=True)
class Block(Node):
    stmts: list[Node] = field(default_factory=list)


@dataclass(eq=False, slots=True)
class Local(Node):
    """`local a <const>, b = ...`; attribs[i] is None, 'const' or 'close'."""

    names: list[str]
    attribs: list[str | None]
    exprs: list[Node]
    _decls: list | None = field(default=None, repr=False, compare=False)


@dataclass(eq=False, slots=True)
class Assign(Node):
    targets: list[Node]  # Name or Index
    exprs: list[Node]


@dataclass(eq=False, slots=True)
class CallStat(Node):
    call: Node  # Call or MethodCall


@dataclass(eq=False, slots=True)
class Do(Node):
    body: Block


@dataclass(eq=False, slots=True)
class While(Node):
    cond: Node
    body: Block


@dataclass(eq=False, slots=True)
class Repeat(Node):
    body: Block
    cond: Node  # sees the body's locals


@dataclass(eq=False, slots=True)
class If(Node):
    """`if c1 then b1 elseif c2 then b2 else b3 end` -> tests=[c1, c2], blocks=[b1, b2], orelse=b3 or None."""

    tests: list[Node]
    blocks: list[Block]
    orelse: Block | None


@dataclass(eq=False, slots=True)
class NumericFor(Node):
    var: str
    start: Node
    stop: Node
    step: Node | None
    body: Block
    _decls: list | None = field(default=None, repr=False, compare=False)


@dataclass(eq=False, slots=True)
class GenericFor(Node):
    names: list[str]
    exprs: list[Node]
    body: Block
    _decls: list | None = field(default=None, repr=False, compare=False)


@dataclass(eq=False, slots=True)
class FunctionStat(Node):
    """`function a.b.c:m() end`: target is the Name/Index chain for a.b.c (or a.b.c.m when not a method)."""

    target: Node
    func: Function


@dataclass(eq=False, slots=True)
class LocalFunction(Node):
    name: str
    func: Function
    _decls: list | None = field(default=None, repr=False, compare=False)


@dataclass(eq=False, slots=True)
class Return(Node):
    exprs: list[Node]


@dataclass(eq=False, slots=True)
class Break(Node):
    pass


@dataclass(eq=False, slots=True)
class Goto(Node):
    label: str


@dataclass(eq=False, slots=True)
class Label(Node):
    name: str


@dataclass(eq=False, slots=True)
class Chunk(Node):
    """The main chunk: a vararg function named 'main chunk'. Its `_decls` is its upvalue _ENV."""

    body: Block
    end_line: int
    _decls: list | None = field(default=None, repr=False, compare=False)
