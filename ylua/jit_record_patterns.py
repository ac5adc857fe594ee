"""string.find, string.match and string.gsub of a pattern that is one single-character item (a character, '.', a
%class or a set; perhaps anchored; perhaps followed by '*' or '+') recorded as scans over the string's bytes: op
bytes_scan with the item's 256-byte membership table finds the first byte in the set, or, with the complement, the
end of a run. A tokenizer's `s:find("^[ \t\r\n]*", pos)`, a string reader's `s:find('["\\]', i)`, `c:match("%d")`
and an encoder's `s:gsub('[%c"\\]', escape)` that finds nothing to replace make no call at all.

Whether the item matched is what the recording saw, guarded; the positions are computed. Other patterns, other
quantifiers, an init outside 1..#s + 1 and a gsub that replaces something are left to the helpers and the library.
"""

from __future__ import annotations

from jit.ir import const_obj
from jit.ir.semantics import bytes_scan
from ylua.jit_values import NIL, TV
from ylua.stdlib import lpattern
from ylua.stdlib.string import REPLACEMENTS

PATTERN_SCANS = frozenset(("find", "match", "gsub"))
SCANNED = (b"", b"*", b"+")  # the quantifiers recorded as scans


class RecordPatterns:
    """The pattern part of RecordOps (a mixin of LuaRecording)."""

    def pattern_scan(self, name, a, nargs) -> list | None:
        """The results (TVs) of string.<name>(...) in register a, when its pattern is one item that scans, else
        None."""
        if name == "gsub":
            return self.gsub_nothing(a, nargs)
        if nargs not in (2, 3):
            return None
        item = self.scanned_item(a)
        if item is None:
            return None
        anchored, members, quantifier = item
        rec = self.rec
        s = self.get(a + 1)
        text = self.runtime_value(a + 1)
        start = self.scan_start(a, nargs, len(text))
        if start is None:
            return None
        i0, i0_val = start
        complement = bytes(1 - m for m in members)
        members_c, complement_c = const_obj(members), const_obj(complement)
        if quantifier == b"*":  # it matches here, the empty string at least
            found_val, begin = True, i0
            end = rec.op("bytes_scan", s.v, i0, complement_c)
        elif anchored:  # here, when the first byte is a member
            run_end = rec.op("bytes_scan", s.v, i0, complement_c)
            found_val = bytes_scan(text, i0_val, complement) > i0_val
            self.guard("guard_true" if found_val else "guard_false", rec.op("int_lt", i0, run_end))
            begin = i0
            end = run_end if quantifier == b"+" else rec.op("int_add", i0, rec.const(1))
        else:  # at the first member from here on
            begin = rec.op("bytes_scan", s.v, i0, members_c)
            found_val = bytes_scan(text, i0_val, members) < len(text)
            self.guard("guard_true" if found_val else "guard_false", rec.op("int_lt", begin, rec.op("bytes_len", s.v)))
            after = rec.op("int_add", begin, rec.const(1))
            end = rec.op("bytes_scan", s.v, after, complement_c) if quantifier == b"+" else after
        if not found_val:
            return [NIL]
        if name == "find":
            return [TV(rec.op("int_add", begin, rec.const(1)), "int"), TV(end, "int")]
        return [TV(self.raising("bytes_slice", s.v, begin, end), "str")]

    def scanned_item(self, a):
        """The pattern item of string.find/match/gsub(s, p, ...) in register a, when s and p are strings and p is
        one item with a quantifier that scans (p guarded to be that pattern), else None."""
        s, p = self.typed_reg(a + 1), self.typed_reg(a + 2)
        if s.kind != "str" or p.kind != "str":
            return None
        pattern = self.runtime_value(a + 2)
        item = lpattern.single_item(pattern)
        if item is None or item[2] not in SCANNED:
            return None
        if not p.v.is_const():
            self.guard("guard_true", self.rec.op("bytes_eq", p.v, const_obj(pattern)))
        return item

    def scan_start(self, a, nargs, n):
        """The 0-based start of a search: 0, or init - 1 for an integer init in 1..n + 1 (guarded; as a value and
        as what it is now), else None."""
        if nargs == 2:
            return self.rec.const(0), 0
        init = self.typed_reg(a + 3)
        init_val = self.runtime_value(a + 3)
        if init.kind != "int" or not 1 <= init_val <= n + 1:
            return None
        rec = self.rec
        self.guard_int_compare("int_ge", init.v, 1, True)
        i0 = rec.op("int_sub", init.v, rec.const(1))
        self.guard("guard_true", rec.op("int_le", i0, rec.op("bytes_len", self.get(a + 1).v)))
        return i0, init_val - 1

    def gsub_nothing(self, a, nargs) -> list | None:
        """s:gsub(p, repl) when p is an unanchored item that cannot match the empty string and no byte of s matches
        it (guarded): s and 0, with repl of a type gsub takes (guarded). None when it replaces something."""
        if nargs != 3:
            return None
        item = self.scanned_item(a)
        if item is None or item[0] or item[2] == b"*" or type(self.runtime_value(a + 3)) not in REPLACEMENTS:
            return None
        text = self.runtime_value(a + 1)
        if bytes_scan(text, 0, item[1]) != len(text):
            return None
        self.typed_reg(a + 3)
        rec = self.rec
        s = self.get(a + 1)
        first = rec.op("bytes_scan", s.v, rec.const(0), const_obj(item[1]))
        self.guard("guard_true", rec.op("int_eq", first, rec.op("bytes_len", s.v)))
        return [s, TV(rec.const(0), "int")]
