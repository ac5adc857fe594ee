"""The bytecode: one table defines every opcode (name, operand format, meaning); everything else is derived.

An instruction is a tuple (op, a, b, c, d). Operand kinds in the format string:
  R  register index             K  constant index            U  upvalue index
  X  register or constant: >= 0 a register, < 0 the constant -1-x   (PUC's RK)
  J  jump target (absolute pc)  N  plain number              -  unused (0)
Jump targets are absolute instruction indexes, so the compiler patches them and the VM uses them directly.
"""

from __future__ import annotations

# (name, format of a b c d, meaning)
OPCODES = [
    ("MOVE", "RR--", "R[a] := R[b]"),
    ("LOADK", "RK--", "R[a] := K[b]"),
    ("LOADNIL", "RN--", "R[a], ..., R[a+b] := nil"),
    ("GETUPVAL", "RU--", "R[a] := U[b].v"),
    ("SETUPVAL", "RU--", "U[b].v := R[a]"),
    ("NEWCELL", "R---", "R[a] := Cell(R[a])  (a local captured by a closure gets a fresh cell)"),
    ("GETCELL", "RR--", "R[a] := R[b].v"),
    ("SETCELL", "RX--", "R[a].v := X[b]"),
    ("GETTABUP", "RUK-", "R[a] := U[b].v[K[c]]  (K[c] a string)"),
    ("SETTABUP", "UKX-", "U[a].v[K[b]] := X[c]"),
    ("GETTABLE", "RRR-", "R[a] := R[b][R[c]]"),
    ("GETFIELD", "RRK-", "R[a] := R[b][K[c]]  (K[c] a string)"),
    ("GETINDEX", "RRX-", "R[a] := R[b][X[c]]  (X[c] a constant that is not a string)"),
    ("SETTABLE", "RXX-", "R[a][X[b]] := X[c]"),
    ("SETFIELD", "RKX-", "R[a][K[b]] := X[c]  (K[b] a string)"),
    ("NEWTABLE", "RNN-", "R[a] := {}  (b array size hint, c hash size hint)"),
    ("SELF", "RRX-", "R[a+1] := R[b]; R[a] := R[b][X[c]]"),
    ("ADD", "RXX-", "R[a] := X[b] + X[c]"),
    ("SUB", "RXX-", "R[a] := X[b] - X[c]"),
    ("MUL", "RXX-", "R[a] := X[b] * X[c]"),
    ("DIV", "RXX-", "R[a] := X[b] / X[c]"),
    ("MOD", "RXX-", "R[a] := X[b] % X[c]"),
    ("POW", "RXX-", "R[a] := X[b] ^ X[c]"),
    ("IDIV", "RXX-", "R[a] := X[b] // X[c]"),
    ("BAND", "RXX-", "R[a] := X[b] & X[c]"),
    ("BOR", "RXX-", "R[a] := X[b] | X[c]"),
    ("BXOR", "RXX-", "R[a] := X[b] ~ X[c]"),
    ("SHL", "RXX-", "R[a] := X[b] << X[c]"),
    ("SHR", "RXX-", "R[a] := X[b] >> X[c]"),
    ("UNM", "RR--", "R[a] := -R[b]"),
    ("BNOT", "RR--", "R[a] := ~R[b]"),
    ("NOT", "RR--", "R[a] := not R[b]"),
    ("LEN", "RR--", "R[a] := #R[b]"),
    ("CONCAT", "RRR-", "R[a] := R[b] .. ... .. R[c]"),
    ("JMP", "JN--", "pc := a; if b > 0, first close the to-be-closed variables in R[b-1], R[b], ..."),
    ("EQ", "NXXJ", "if (X[b] == X[c]) == a then pc := d"),
    ("LT", "NXXJ", "if (X[b] < X[c]) == a then pc := d"),
    ("LE", "NXXJ", "if (X[b] <= X[c]) == a then pc := d"),
    ("TEST", "RN-J", "if truthy(R[a]) == b then pc := d"),
    ("CALL", "RNN-", "R[a], ..., R[a+c-2] := R[a](R[a+1], ..., R[a+b-1])  (b=0: args up to top; c=0: all results, "
     "sets top)"),
    ("TAILCALL", "RN--", "return R[a](R[a+1], ..., R[a+b-1])  (b=0: args up to top)"),
    ("RETURN", "RN--", "return R[a], ..., R[a+b-2]  (b=0: up to top)"),
    ("FORPREP", "RJ--", "prepare the numeric loop R[a] (init), R[a+1] (limit), R[a+2] (step); skip to b if empty"),
    ("FORLOOP", "RJ--", "step the numeric loop; R[a+3] := R[a]; if it goes on, pc := b  [loop start]"),
    ("TFORPREP", "RJ--", "mark R[a+3] to be closed; pc := b (the TFORCALL)"),
    ("TFORCALL", "RN--", "R[a+4], ..., R[a+3+b] := R[a](R[a+1], R[a+2])"),
    ("TFORLOOP", "RJ--", "if R[a+4] ~= nil then R[a+2] := R[a+4]; pc := b  [loop start]"),
    ("SETLIST", "RNN-", "R[a][c+i] := R[a+i] for 1 <= i <= b  (b=0: up to top)"),
    ("CLOSURE", "RN--", "R[a] := closure(protos[b])"),
    ("VARARG", "RN--", "R[a], ..., R[a+b-2] := ...  (b=0: all, sets top)"),
    ("TBC", "R---", "mark R[a] to be closed"),
    ("CLOSE", "R---", "close every to-be-closed variable in R[a], R[a+1], ..."),
    ("LOOPHEAD", "----", "no-op at the target of a backward jump: a loop start for the JIT  [loop start]"),
]

NAMES = [name for name, _, _ in OPCODES]
FORMATS = {name: fmt for name, fmt, _ in OPCODES}
MEANINGS = {name: meaning for name, _, meaning in OPCODES}

for _i, _name in enumerate(NAMES):
    globals()[_name] = _i

# The instructions at which the dispatch loop calls the JIT's control point.
LOOP_STARTS = frozenset((NAMES.index("FORLOOP"), NAMES.index("TFORLOOP"), NAMES.index("LOOPHEAD")))
ARITH_OPS = {
    "ADD": "+", "SUB": "-", "MUL": "*", "DIV": "/", "MOD": "%", "POW": "^", "IDIV": "//",
    "BAND": "&", "BOR": "|", "BXOR": "~", "SHL": "<<", "SHR": ">>",
}


def is_const(x: int) -> bool:
    return x < 0


def const_index(x: int) -> int:
    return -1 - x


def rk_const(k: int) -> int:
    """Encode constant index k as an X operand."""
    return -1 - k

ARITH_OPS_CODES = frozenset(NAMES.index(name) for name in ARITH_OPS)
