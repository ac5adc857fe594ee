"""Register liveness over the bytecode (ylua/liveness.py), which decides what the JIT's exits write back."""

from ylua import liveness
from ylua import opcodes as op
from ylua.compiler import compile_chunk
from ylua.parser import parse


def compiled(src: str):
    return compile_chunk(parse(src.encode(), "t.lua"), "t.lua")


def live_regs(proto, pc):
    mask = liveness.live_at(proto, pc)
    return {r for r in range(proto.max_stack) if mask >> r & 1}


def pcs_of(proto, name):
    return [pc for pc, ins in enumerate(proto.code) if op.NAMES[ins[0]] == name]


def test_a_temporary_written_in_the_body_is_dead_at_the_loop_start():
    p = compiled("local t, n = {}, 0\nfor i = 1, 10 do if t[i] then n = n + 1 end end\nreturn n")
    (loop,) = pcs_of(p, "FORLOOP")
    (get,) = pcs_of(p, "GETTABLE")
    temp = p.code[get][1]
    assert temp not in live_regs(p, loop)
    assert temp in live_regs(p, get + 1)  # the TEST that reads it
    named = {lv.reg for lv in p.locvars if lv.name in ("t", "n")}
    assert named <= live_regs(p, loop)


def test_a_named_local_in_scope_stays_live_though_never_read_again():
    p = compiled("local unused = 42\nlocal s = 0\nfor i = 1, 3 do s = s + i end\nreturn s")
    (loop,) = pcs_of(p, "FORLOOP")
    reg = next(lv.reg for lv in p.locvars if lv.name == "unused")
    assert reg in live_regs(p, loop)


def test_a_call_kills_the_registers_from_its_base_and_an_open_call_uses_them_all():
    p = compiled("local a = 1\nlocal b = a + 1\nprint(math.max(a, b))\nreturn a")
    first, second = pcs_of(p, "CALL")  # math.max(...) with all results, then print(<to the top>)
    base = p.code[first][1]
    assert p.code[second][2] == 0
    assert set(range(p.code[second][1], p.max_stack)) <= live_regs(p, second)
    assert not live_regs(p, first) & set(range(base + 3, p.max_stack))  # above math.max's two arguments


def test_a_closure_reads_the_registers_it_captures():
    p = compiled("local x = 1\nlocal f = function() return x end\nx = 2\nreturn f")
    (clo,) = pcs_of(p, "CLOSURE")
    captured = next(u.index for u in p.protos[0].upvals if u.in_stack)
    assert captured in live_regs(p, clo)


def test_the_variables_of_a_for_in_loop_are_dead_until_its_call_defines_them():
    p = compiled("local s = 0\nfor k, v in pairs({1, 2}) do s = s + v end\nreturn s")
    (prep,) = pcs_of(p, "TFORPREP")
    (call,) = pcs_of(p, "TFORCALL")
    a = p.code[call][1]
    assert {a, a + 1, a + 2, a + 3} <= live_regs(p, prep)  # iterator, state, control, closing value
    assert not {a + 4, a + 5} & live_regs(p, prep)


def test_outside_the_code_everything_is_live():
    p = compiled("return 1")
    assert liveness.live_at(p, len(p.code) + 3) == -1


def writes(proto, pc):
    mask = liveness.loop_writes(proto, pc)
    return {r for r in range(proto.max_stack) if mask >> r & 1}


def test_a_loop_writes_its_accumulators_and_control_registers_not_what_it_only_reads():
    p = compiled("local t, s, k = {}, 0, 5\nfor i = 1, #t do s = s + t[i] * k end\nreturn s")
    (loop,) = pcs_of(p, "FORLOOP")
    regs = {lv.name: lv.reg for lv in p.locvars}
    base = p.code[loop][1]
    assert {regs["s"], base, base + 1, base + 3} <= writes(p, loop)
    assert regs["t"] not in writes(p, loop) and regs["k"] not in writes(p, loop)
    assert base + 2 not in writes(p, loop)  # the step


def test_a_while_loop_writes_what_its_body_assigns_up_to_the_jump_back():
    p = compiled("local n, steps, c = 27, 0, 3\nwhile n ~= 1 do\n"
                 "  if n % 2 == 0 then n = n // 2 else n = c * n + 1 end\n"
                 "  steps = steps + 1\nend\nlocal after = steps\nreturn after")
    (head,) = pcs_of(p, "LOOPHEAD")
    regs = {lv.name: lv.reg for lv in p.locvars}
    assert {regs["n"], regs["steps"]} <= writes(p, head)
    assert regs["c"] not in writes(p, head)
