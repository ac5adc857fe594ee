"""The ways out of a trace: every exit's block, and the shared `leave` block they all end in.

An exit hands its live values over through the buffer (with an incref for each borrowed one) and releases what the
trace owns that the exit does not hand on (decrefs). Neighbouring exits do almost the same: a trace of deltablue
had 237 exits, each storing about seven values and releasing about nine, 34000 of its module's 87000 lines, and
LLVM's time goes with the lines. So an exit's work is a sequence of actions, the actions every exit shares most come
last, and exits whose sequences end alike share those ends: the sequences form a tree (a trie of the reversed
sequences) whose root is `leave`, and each exit jumps to where its own sequence first joins another's.

An exit's actions are stores only. It stores each value it hands over, and each reference it drops, at that
operand's place for the whole trace in the buffer's upper half, so exits store the same operands alike whatever
their layouts (in a side trace of ray, 40% of the module's lines were stores of the same inputs at positions that
differed by one, and an incref or decref call between them cut the sharing short). `leave` then reads the exit's
lists of places: it increfs the borrowed values (before any decref: a decref may free what a borrowed value lives
in) and decrefs the dropped references (jit_incref_places, jit_decref_places). A side trace patched in reads its
inputs at the exit's places (TraceExit.places); on the way to jit_deopt, jit_gather puts the values in slots
0..n-1. A trace with more operands than places has each exit store at 0..n-1 and incref and decref itself (increfs
and stores, then decrefs).

Which exit is leaving is the one thing the shared code cannot tell from where it came from: each exit's block stores
its number in %exitno, and `leave` reads the exit's guard slot, exit object, types, value count and lists from
constant tables at that number. A raising exit first fetches the exception into %excslot (before any decref can run
code).
"""

from __future__ import annotations

import collections

from jit.backend.llvm.capi import STABLE_BASE, ptr_const
from jit.ir.values import OBJ
from jit.trace import RAISE

KEEP, STORE, DROP = 0, 1, 2  # action groups, in the order they run (when exits store at their own positions)


class ExitEmitters:
    """Mixed into FunctionEmitter: collect_exit() for each exit op, then emit_exits() once after the body."""

    def stable_place(self, operand: str) -> int:
        """The place of an operand in the buffer's upper half (the same for every exit of the trace)."""
        places = self.stable_slots
        return places.setdefault(operand, len(places))

    def collect_exit(self, p: int):
        ex = self.exit_at[p]
        if self.stable_slots is None:
            live, owned = self._exit_values(ex, p)
            drops = [self.entity_operand(e, p) for e in self.live_exits[p] if e not in owned]
            refs, actions = None, self._own_actions(live, drops)
        else:
            refs, actions = self._stable_actions(ex, p)
        types = "".join(v.type for v in ex.live)
        self.globals.append(f"@types{p} = private unnamed_addr constant [{len(types) or 1} x i8] "
                            f"c\"{types or 'x'}\"")
        slot = ex.index if ex.patchable else -1  # only guards (and a function trace's finishes) get side traces
        ex.places = refs[0] if refs is not None else None
        self.exits_out.append((p, ex, actions, (slot, id(ex), f"@types{p}", len(ex.live)), refs))

    def _exit_values(self, ex, p: int):
        """The exit's live values with their operands, and the entities of those that are objects."""
        entity, entity_operand = self.own.entity, self.entity_operand
        live = []
        owned = set()
        for v in ex.live:  # never constants (Snapshot.live_values)
            e = entity(v, p)
            live.append((v, entity_operand(e, p)))
            if v.type == OBJ:
                owned.add(e)
        return live, owned

    def _own_actions(self, live, drops) -> list:
        """Each exit stores at 0..n-1, and increfs and decrefs itself."""
        ids, borrowed = self.action_ids, self.own.borrowed
        actions = []
        for k, (v, operand) in enumerate(live):  # live values are never constants; objects are handed on owned
            if id(v) in borrowed:
                actions.append(ids.setdefault((KEEP, "incref", operand, None), len(ids)))
            actions.append(ids.setdefault((STORE, "store", operand, (k, v.type)), len(ids)))
        for operand in drops:
            actions.append(ids.setdefault((DROP, "decref", operand, None), len(ids)))
        return actions

    def _stable_actions(self, ex, p: int):
        """Only stores: `leave` increfs, gathers and decrefs from the exit's lists of places. What a value or a
        dropped entity comes to (its place and its store) is the same at every exit on the same side of the label,
        so it is worked out once (a side trace of ray had 100 exits, each with about fifty values and drops)."""
        after = self.label_pos is not None and p > self.label_pos
        seen_values, seen_drops = self.exit_memo[after]
        refs = ([], [], [])
        places, borrowed_places, dropped_places = refs
        actions = []
        owned = set()
        for v in ex.live:
            known = seen_values.get(id(v))
            if known is None:
                e = self.own.entity(v, p)
                operand = self.entity_operand(e, p)
                k = self.stable_place(operand)
                store = self.action_ids.setdefault((STORE, "store", operand, (STABLE_BASE + k, v.type)),
                                                   len(self.action_ids))
                known = seen_values[id(v)] = (e if v.type == OBJ else None, k, id(v) in self.own.borrowed, store)
            e, k, borrowed, store = known
            places.append(k)
            if borrowed:
                borrowed_places.append(k)
            actions.append(store)
            if e is not None:
                owned.add(e)
        for e in self.live_exits[p]:
            if e in owned:
                continue
            known = seen_drops.get(e)
            if known is None:
                operand = self.entity_operand(e, p)
                k = self.stable_place(operand)
                store = self.action_ids.setdefault((STORE, "store", operand, (STABLE_BASE + k, OBJ)),
                                                   len(self.action_ids))
                known = seen_drops[e] = (k, store)
            dropped_places.append(known[0])
            actions.append(known[1])
        return refs, actions

    def emit_exits(self):
        if not self.exits_out:
            return
        freq = collections.Counter(a for _p, _ex, actions, _row, _refs in self.exits_out for a in set(actions))
        by_id = list(self.action_ids)
        # the order actions run in: group by group, and in each group the ones fewest exits share first
        order = sorted(range(len(by_id)), key=lambda a: (by_id[a][0], freq[a], a))
        rank = [0] * len(order)
        for r, a in enumerate(order):
            rank[a] = r
        parent: dict[int, int] = {}  # trie node -> the node run after it (0: leave)
        action_of: dict[int, tuple] = {}
        child: dict[tuple, int] = {}  # (node, action) -> the node that runs action and then node
        preds = collections.Counter()
        entries = []
        for _p, _ex, actions, _row, _refs in self.exits_out:
            node = 0
            for a in sorted(actions, key=rank.__getitem__, reverse=True):  # the last action first
                nxt = child.get((node, a))
                if nxt is None:
                    nxt = child[(node, a)] = len(parent) + 1
                    parent[nxt], action_of[nxt] = node, by_id[a]
                    preds[node] += 1
                node = nxt
            preds[node] += 1
            entries.append(node)
        heads = {n for n, c in preds.items() if c >= 2 and n != 0}
        raising = any(ex.kind == RAISE for _p, ex, _a, _r, _refs in self.exits_out)
        self.allocas.append("%exitno = alloca i64")
        if raising:
            self.allocas.append("%excslot = alloca ptr")
            self.allocas.append("store ptr null, ptr %excslot")
        for number, ((p, ex, _actions, _row, _refs), node) in enumerate(zip(self.exits_out, entries)):
            self.start_block(f"fail{p}")
            if ex.kind == RAISE:
                self.need("jit_fetch_exc")
                exc = self.tmp()
                self.emit(f"{exc} = call ptr @jit_fetch_exc()")
                self.emit(f"store ptr {exc}, ptr %excslot")
            self.emit(f"store i64 {number}, ptr %exitno")
            self._run_actions(node, heads, parent, action_of, own_head=False)
        for h in sorted(heads):
            self.start_block(f"x{h}")
            self._run_actions(h, heads, parent, action_of, own_head=True)
        self._emit_leave(raising)

    def places_call(self, name: str, helper: str, got: dict, skip_none: bool = True):
        """Call `helper` on the exit's list `name` of places (unless it is empty, when `skip_none`)."""
        self.need(helper)
        first, n = self.tmp(), got[name + "_n"]
        if skip_none:
            some = self.tmp()
            self.emit(f"{some} = icmp ne i64 {n}, 0")
            self.emit(f"br i1 {some}, label %{name}, label %{name}_done")
            self.start_block(name)
        self.emit(f"{first} = getelementptr i32, ptr @exits_{name}, i64 {got[name + '_at']}")
        self.emit(f"call void @{helper}(ptr %buf, ptr {first}, i64 {n})")
        if skip_none:
            self.emit(f"br label %{name}_done")
            self.start_block(f"{name}_done")

    def _run_actions(self, node: int, heads: set, parent: dict, action_of: dict, own_head: bool):
        """Emit the actions from `node` on, up to the next block head (or leave), and the branch there; `node`
        itself may be a head only when this is its block (own_head)."""
        while node != 0 and (own_head or node not in heads):
            self._action(action_of[node])
            node, own_head = parent[node], False
        self.emit(f"br label %{'leave' if node == 0 else f'x{node}'}")

    def _action(self, action):
        _group, kind, operand, where = action
        if kind == "incref":
            self.incref(operand)
        elif kind == "store":
            self.write_buffer(where[0], where[1], operand)
        else:
            self.decref_cold(operand)

    def _emit_leave(self, raising: bool):
        """The way out that every exit shares: its guard's side trace when one is patched in (a tail call), else
        jit_deopt builds the exit tuple (which a function trace's handler turns into the call's result)."""
        rows = [row for _p, _ex, _a, row, _refs in self.exits_out]
        columns = [("slot", "i64"), ("ex", "i64"), ("types", "ptr"), ("n", "i64")]
        lists = ("places", "increfs", "decrefs")
        if self.stable_slots is not None:  # each exit's lists of places, one after the other in one table per list
            flat: dict[str, list] = {name: [] for name in lists}
            for k, (_p, _ex, _a, _row, refs) in enumerate(self.exits_out):
                extra = []
                for name, places in zip(lists, refs):
                    extra += [len(flat[name]), len(places)]
                    flat[name] += places
                rows[k] += tuple(extra)
            for name in lists:
                columns += [(f"{name}_at", "i64"), (f"{name}_n", "i64")]
                items = ", ".join(f"i32 {k}" for k in flat[name]) or "i32 0"
                self.globals.append(f"@exits_{name} = private unnamed_addr constant [{len(flat[name]) or 1} x i32] "
                                    f"[{items}]")
        n_exits = len(rows)
        for (name, ty), column in zip(columns, zip(*rows)):
            values = ", ".join(f"{ty} {v}" for v in column)
            self.globals.append(f"@exits_{name} = private unnamed_addr constant [{n_exits} x {ty}] [{values}]")
        self.start_block("leave")
        number = self.tmp()
        self.emit(f"{number} = load i64, ptr %exitno")
        got = {}
        for name, ty in columns:
            at, got[name] = self.tmp(), self.tmp()
            self.emit(f"{at} = getelementptr [{n_exits} x {ty}], ptr @exits_{name}, i64 0, i64 {number}")
            self.emit(f"{got[name]} = load {ty}, ptr {at}")
        if self.stable_slots is not None:  # the increfs first (a decref may free what a borrowed value lives in)
            self.places_call("increfs", "jit_incref_places", got)
            self.places_call("decrefs", "jit_decref_places", got)
        slot, ex = got["slot"], self.tmp()
        self.emit(f"{ex} = inttoptr i64 {got['ex']} to ptr")
        exc = "null"
        if raising:
            exc = self.tmp()
            self.emit(f"{exc} = load ptr, ptr %excslot")
        self.need("jit_deopt")
        if any(row[0] >= 0 for row in rows):
            guarded, sp, st, has, r = (self.tmp() for _ in range(5))
            self.emit(f"{guarded} = icmp sge i64 {slot}, 0")
            self.emit(f"br i1 {guarded}, label %leave_slot, label %leave_deopt")
            self.start_block("leave_slot")
            self.emit(f"{sp} = getelementptr ptr, ptr {ptr_const(self.slots_address)}, i64 {slot}")
            self.emit(f"{st} = load ptr, ptr {sp}")
            self.emit(f"{has} = icmp ne ptr {st}, null")
            self.emit(f"br i1 {has}, label %leave_side, label %leave_deopt")
            self.start_block("leave_side")
            self.emit(f"{r} = musttail call ptr {st}(ptr %buf)")
            self.emit(f"ret ptr {r}")
            self.start_block("leave_deopt")
        if self.stable_slots is not None:  # (a side trace reads the values at their places)
            self.places_call("places", "jit_gather", got, skip_none=False)
        tup = self.tmp()
        self.emit(f"{tup} = call ptr @jit_deopt(ptr {ex}, ptr {got['types']}, i64 {got['n']}, ptr %buf, ptr {exc})")
        if self.trace.returns:  # a function trace: the handler finishes the call and gives its result
            self.need("jit_fexit")
            r = self.tmp()
            handler = ptr_const(id(self.trace.root.exit_handler))
            self.emit(f"{r} = call ptr @jit_fexit(ptr {handler}, ptr {tup})")
            self.emit(f"ret ptr {r}")
            return
        self.emit(f"ret ptr {tup}")
