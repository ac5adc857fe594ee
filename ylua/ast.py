"""Abstract syntax tree of Lua 5.4, produced by the parser and consumed by the compiler.

Every node carries `line`, the source line where it starts (calls and binary operators carry the line of their
operator, as PUC Lua reports them). Names are `str`, string literals are `bytes` (Lua strings are byte strings).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(eq=False)
class Node:
    line: int


# ---------------------------------------------------------------- expressions


@dataclass(eq=False)
class Nil(Node):
    pass


@dataclass(eq=False)
class TrueExpr(Node):
    pass


@dataclass(eq=False)
class FalseExpr(Node):
    pass


@dataclass(eq=False)
class Number(Node):
    value: int | float


@dataclass(eq=False)
class String(Node):
    value: bytes


@dataclass(eq=False)
class Vararg(Node):
    pass


@dataclass(eq=False)
class Name(Node):
    name: str


@dataclass(eq=False)
class Index(Node):
    obj: Node
    key: Node


@dataclass(eq=False)
class Call(Node):
    func: Node
    args: list[Node]


@dataclass(eq=False)
class MethodCall(Node):
    obj: Node
    method: str
    args: list[Node]


@dataclass(eq=False)
class Paren(Node):
    """A parenthesised expression: truncates multiple results to one."""

    expr: Node


@dataclass(eq=False)
class BinOp(Node):
    """op is the Lua operator text: + - * / // % ^ .. == ~= < <= > >= and or & | ~ << >>"""

    op: str
    left: Node
    right: Node


@dataclass(eq=False)
class UnOp(Node):
    """op is one of: - not # ~"""

    op: str
    operand: Node


@dataclass(eq=False)
class TableField(Node):
    """kind: 'pos' (value only), 'named' (key is a String node from `name = v`), 'expr' (`[k] = v`)."""

    kind: str
    key: Node | None
    value: Node


@dataclass(eq=False)
class Table(Node):
    fields: list[TableField]


@dataclass(eq=False)
class Function(Node):
    """A function body. `name` is a descriptive name for tracebacks ('f', 'obj.m', 'obj:m', or '' for anonymous)."""

    params: list[str]
    is_vararg: bool
    body: Block
    end_line: int
    name: str = ""
    is_method: bool = False  # `function a:b()` adds an implicit first parameter 'self' (already in params)


# ---------------------------------------------------------------- statements


@dataclass(eq=False)
class Block(Node):
    stmts: list[Node] = field(default_factory=list)


@dataclass(eq=False)
class Local(Node):
    """`local a <const>, b = ...`; attribs[i] is None, 'const' or 'close'."""

    names: list[str]
    attribs: list[str | None]
    exprs: list[Node]


@dataclass(eq=False)
class Assign(Node):
    targets: list[Node]  # Name or Index
    exprs: list[Node]


@dataclass(eq=False)
class CallStat(Node):
    call: Node  # Call or MethodCall


@dataclass(eq=False)
class Do(Node):
    body: Block


@dataclass(eq=False)
class While(Node):
    cond: Node
    body: Block


@dataclass(eq=False)
class Repeat(Node):
    body: Block
    cond: Node  # sees the body's locals


@dataclass(eq=False)
class If(Node):
    """`if c1 then b1 elseif c2 then b2 else b3 end` -> tests=[c1, c2], blocks=[b1, b2], orelse=b3 or None."""

    tests: list[Node]
    blocks: list[Block]
    orelse: Block | None


@dataclass(eq=False)
class NumericFor(Node):
    var: str
    start: Node
    stop: Node
    step: Node | None
    body: Block


@dataclass(eq=False)
class GenericFor(Node):
    names: list[str]
    exprs: list[Node]
    body: Block


@dataclass(eq=False)
class FunctionStat(Node):
    """`function a.b.c:m() end`: target is the Name/Index chain for a.b.c (or a.b.c.m when not a method)."""

    target: Node
    func: Function


@dataclass(eq=False)
class LocalFunction(Node):
    name: str
    func: Function


@dataclass(eq=False)
class Return(Node):
    exprs: list[Node]


@dataclass(eq=False)
class Break(Node):
    pass


@dataclass(eq=False)
class Goto(Node):
    label: str


@dataclass(eq=False)
class Label(Node):
    name: str


@dataclass(eq=False)
class Chunk(Node):
    """The main chunk: a vararg function named 'main chunk'."""

    body: Block
    end_line: int
