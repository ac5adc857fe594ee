"""Running toy programs under several JIT configurations and reading their event logs."""

from __future__ import annotations

import json
import os

from toyvm import ToyInterp

from jit.config import Config


def make(funcs, tmp_path=None, jitc="llvm", threshold=0, **kw):
    log = {}
    if tmp_path is not None:
        log = {"log_path": str(tmp_path / f"events-{jitc}.log"), "log_level": 4}
    kw.setdefault("serialise_compilation", True)  # deterministic event logs, as YKD_SERIALISE_COMPILATION=1
    cfg = Config(jitc=jitc, hot_threshold=threshold, check_stack=True, **log, **kw)
    for f in funcs:
        f.locs.clear()
    return ToyInterp(funcs, cfg)


def events(interp):
    """[(event, fields)] from the interpreter's YKD_LOG file."""
    interp.mt.log.close()
    out = []
    if not os.path.exists(interp.mt.config.log_path):
        return out
    with open(interp.mt.config.log_path) as f:
        for line in f:
            if line.startswith("yk-jit-event: "):
                name, _, payload = line[len("yk-jit-event: "):].partition(" ")
                out.append((name, json.loads(payload)))
    return out


def names(evs, name):
    return [fields for ev, fields in evs if ev == name]
