"""string.format with C printf's conversions as Lua 5.4 admits them (cf. str_format in lstrlib.c)."""

from __future__ import annotations

import math
import re

from ylua.errors import ArgError, LuaError, lua_error
from ylua.numconv import fmt_float
from ylua.stdlib.base import NOARG
from ylua.stdlib.helpers import check_int, check_number, tname

# conversion -> (valid flags, whether a precision is allowed), as 5.4.4's checkformat checks them
FLAGS = {"c": ("-", False), "d": ("-+ 0", True), "i": ("-+ 0", True), "u": ("-0", True), "o": ("-#0", True),
         "x": ("-#0", True), "X": ("-#0", True), "a": ("-+ #0", True), "A": ("-+ #0", True),
         "e": ("-+ #0", True), "E": ("-+ #0", True), "f": ("-+ #0", True),
         "g": ("-+ #0", True), "G": ("-+ #0", True), "s": ("-", True), "p": ("-", False)}
SPEC = re.compile(rb"%([-+ #0-9.]*)(.?)", re.S)  # getformat: flags, digits and '.', then the conversion
PARTS = re.compile(r"([-+ #0]*)(\d*)(?:\.(\d*))?")
MAX_FORMAT = 32


def hex_float(x: float, precision: int | None, upper: bool, flags: str) -> str:
    """C's %a: 0x1.8p+1 style, exact by default."""
    if math.isinf(x) or x != x:
        s = ("-" if x < 0 else "") + ("inf" if math.isinf(x) else ("-nan" if math.copysign(1, x) < 0 else "nan"))
        return s.upper() if upper else s
    sign = "-" if math.copysign(1.0, x) < 0 else ("+" if "+" in flags else (" " if " " in flags else ""))
    x = abs(x)
    if x == 0:
        mant, exp = 0, 0
        lead = 0
    else:
        m, e = math.frexp(x)  # x = m * 2**e, 0.5 <= m < 1
        lead = 1
        exp = e - 1
        frac = m * 2 - 1  # in [0, 1)
        mant = int(frac * (1 << 52))
        if x < 2.2250738585072014e-308:  # subnormal: C prints 0x0.xxxp-1022
            mant = int(x / 2 ** -1074)
            lead, exp = 0, -1022
    digits = f"{mant:013x}"
    if precision is None:
        digits = digits.rstrip("0")
    else:
        if precision < 13:
            total = (lead << 52) | mant
            shift = 4 * (13 - precision)
            q, r = divmod(total, 1 << shift)
            half = 1 << (shift - 1)
            if r > half or (r == half and q & 1):
                q += 1
            lead, mant = q >> (4 * precision), q & ((1 << (4 * precision)) - 1)
            digits = f"{mant:0{precision}x}" if precision else ""
        else:
            digits = digits + "0" * (precision - 13)
    point = "." if digits or "#" in flags else ""
    s = f"{sign}0x{lead}{point}{digits}p{exp:+d}"
    return s.upper().replace("0X", "0X") if upper else s


def quoted(rt, v) -> bytes:
    """%q: a Lua literal that reads back as the same value."""
    tv = type(v)
    if tv is bytes:
        out = bytearray(b'"')
        n = len(v)
        for i, c in enumerate(v):
            if c in (0x22, 0x5C, 0x0A):
                out += b"\\" + bytes([c])
            elif c < 32 or c == 127:
                nxt = v[i + 1] if i + 1 < n else None
                if nxt is not None and 0x30 <= nxt <= 0x39:
                    out += b"\\%03d" % c
                else:
                    out += b"\\%d" % c
            else:
                out.append(c)
        out += b'"'
        return bytes(out)
    if tv is int:
        if v == -(2**63):
            return b"0x8000000000000000"
        return str(v).encode()
    if tv is float:
        if v == math.inf:
            return b"1e9999"
        if v == -math.inf:
            return b"-1e9999"
        if v != v:
            return b"(0/0)"
        return hex_float(v, None, False, "").encode()
    if v is None or tv is bool:
        return rt.tostring(v)
    raise ArgError(2, "value has no literal form")


class Spec:
    """One conversion specification of a format string, with what can be worked out before the arguments are seen:
    its checks are made when the conversion is reached, in lstrlib's order."""

    __slots__ = ("text", "conv", "too_long", "error", "flags", "width", "prec", "pyspec", "fast")

    def __init__(self, text: str, conv: str):
        self.text = text
        self.conv = conv
        self.too_long = len(text) >= MAX_FORMAT - 10
        self.error = None  # the message of an invalid specification
        self.flags = self.width = self.prec = self.pyspec = None
        self.fast = 0  # 1: a bare %d, 2: a bare %s, 3: e/E/f/F/g/G (pyspec is the whole bytes format)
        if conv in FLAGS and conv != "q":
            try:
                self.flags, self.width, self.prec = check_spec(text, *FLAGS[conv])
            except LuaError as e:
                self.error = e.value
                return
            self.pyspec = "%" + self.flags + self.width + ("." + self.prec if self.prec is not None else "")
            if text == "%d":
                self.fast = 1
            elif text == "%s":
                self.fast = 2
            elif conv in "eEfFgG":
                self.fast = 3
                self.pyspec = (self.pyspec + conv).encode()


def plan(fmt: bytes) -> list:
    """The format string as literal bytes and Specs."""
    items = []
    lit = []
    i = 0
    n = len(fmt)
    while i < n:
        j = fmt.find(b"%", i)
        if j < 0:
            lit.append(fmt[i:])
            break
        lit.append(fmt[i:j])
        if j + 1 < n and fmt[j + 1] == 0x25:
            lit.append(b"%")
            i = j + 2
            continue
        m = SPEC.match(fmt, j)
        if lit:
            items.append(b"".join(lit))
            lit = []
        items.append(Spec(fmt[j:m.end()].decode("latin-1"), m.group(2).decode("latin-1")))
        i = m.end()
    if lit:
        items.append(b"".join(lit))
    return [x for x in items if x != b""]


_PLANS: dict[bytes, list] = {}
MAX_PLANS = 256


def format(rt, fmt: bytes, args: list) -> bytes:
    items = _PLANS.get(fmt)
    if items is None:
        if len(_PLANS) >= MAX_PLANS:
            _PLANS.clear()
        items = _PLANS[fmt] = plan(fmt)
    out = []
    argn = 1
    nargs = len(args)
    for sp in items:
        if type(sp) is bytes:
            out.append(sp)
            continue
        argn += 1
        v = args[argn - 1] if argn <= nargs else NOARG
        if v is NOARG:
            raise ArgError(argn, "no value")
        if sp.too_long:
            raise lua_error("invalid format (too long)")
        fast = sp.fast
        if fast == 1:
            out.append(b"%d" % (v if type(v) is int else check_int(args, argn)))
            continue
        if fast == 2:
            out.append(v if type(v) is bytes else rt.tostring(v))
            continue
        conv_s = sp.conv
        spec_text = sp.text
        if conv_s == "q":
            if len(spec_text) > 2:
                raise lua_error("specifier '%q' cannot have modifiers")
            out.append(quoted(rt, v))
            continue
        if conv_s not in FLAGS:
            raise lua_error(f"invalid conversion '{spec_text}' to 'format'")
        # lstrlib checks the argument of these conversions before the specification
        iv = x = s = None
        if conv_s in "diouxX":
            iv = check_int(args, argn)
        elif conv_s in "eEfFgG":
            x = float(v) if type(v) is float or type(v) is int else float(check_number(args, argn))
        elif conv_s == "s":
            s = rt.tostring(v)
            if len(spec_text) > 2 and 0 in s:
                raise ArgError(argn, "string contains zeros")
        if sp.error is not None:
            raise lua_error(sp.error)
        flag_s, width, prec, pyspec = sp.flags, sp.width, sp.prec, sp.pyspec
        if fast == 3:
            if math.isinf(x) or x != x:
                text = fmt_float(x).decode()
                if conv_s in "EFG":
                    text = text.upper()
                if "+" in flag_s and not text.startswith("-"):
                    text = "+" + text
                out.append(("%" + flag_s.replace("0", "") + width + "s").encode() % text.encode())
            else:
                out.append(pyspec % x)
            continue
        if conv_s in "diouxX":
            out.append(c_integer(conv_s, flag_s, width, prec, iv).encode())
        elif conv_s == "c":
            out.append((pyspec + "s").encode() % bytes([check_int(args, argn) & 0xFF]))
        elif conv_s in "aA":
            x = float(check_number(args, argn))
            text = hex_float(x, int(prec or 0) if prec is not None else None, conv_s == "A", flag_s)
            w = int(width) if width else 0
            if len(text) < w:
                if "-" in flag_s:
                    text = text.ljust(w)
                elif "0" in flag_s and x == x and not math.isinf(x):
                    k = text.index("0x") if "0x" in text else text.index("0X")
                    text = text[:k + 2] + "0" * (w - len(text)) + text[k + 2:]
                else:
                    text = text.rjust(w)
            out.append(text.encode())
        elif conv_s == "s":
            whole = len(spec_text) == 2 or (prec is None and len(s) >= 100)
            out.append(s if whole else (pyspec + "s").encode() % s)
        elif conv_s == "p":
            from ylua.values import LuaFunction, LuaTable, Userdata

            if type(v) is bytes and len(v) <= 40:  # PUC interns short strings: equal ones are one object
                v = _SHORT_STRINGS.setdefault(v, v)
            text = f"0x{id(v):x}" if type(v) in (LuaTable, LuaFunction, Userdata, bytes) or type(v).__name__ in (
                "Builtin", "Coroutine") else "(null)"
            out.append((pyspec + "s").encode() % text.encode())
    return b"".join(out)


_SHORT_STRINGS: dict = {}  # the short strings that %p has shown, each by its first object


def check_spec(spec_text: str, flags: str, precision: bool):
    """5.4.4's checkformat: (flags, width, precision or None) of a valid specification; flags from `flags`, at
    most two digits of width and of precision (if allowed), and a width cannot start with '0'."""
    body = spec_text[1:-1]
    k = 0
    while k < len(body) and body[k] in flags:
        k += 1
    rest = body[k:]
    m = PARTS.fullmatch(rest) if not rest.startswith("0") else None
    if m is None or m.group(1) or len(m.group(2)) > 2 or (m.group(3) is not None and (
            not precision or len(m.group(3)) > 2)):
        raise lua_error(f"invalid conversion specification: '{spec_text}'")
    return body[:k], m.group(2), m.group(3)


def c_integer(conv: str, flags: str, width: str, prec: str | None, value: int) -> str:
    """C printf's d, i, u, o, x and X conversions of a 64-bit integer (unsigned but for d and i)."""
    if conv not in "di":
        value &= 0xFFFFFFFFFFFFFFFF
    digits = format_digits(abs(value), {"d": "d", "i": "d", "u": "d", "o": "o", "x": "x", "X": "X"}[conv])
    if prec is not None:
        digits = "" if int(prec or 0) == 0 and value == 0 else digits.zfill(int(prec or 0))
    sign = "-" if value < 0 else "+" if "+" in flags else " " if " " in flags else ""
    if "#" in flags:
        if conv == "o" and not digits.startswith("0"):
            digits = "0" + digits
        elif conv in "xX" and value != 0:
            sign = "0" + conv
    w = int(width or 0)
    if "-" in flags:
        return (sign + digits).ljust(w)
    if "0" in flags and prec is None:
        return sign + digits.zfill(w - len(sign))
    return (sign + digits).rjust(w)


def format_digits(n: int, conv: str) -> str:
    return f"{n:{conv}}"


__all__ = ["format", "hex_float", "quoted", "tname"]
