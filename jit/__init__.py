"""A language-agnostic meta-tracing JIT runtime (in the style of yk): locations, a per-thread state stack, trace
recording through a builder API, a typed SSA trace IR at the level of CPython objects, an LLVM backend (plus a
reference interpreting backend), guards with snapshots and deoptimisation back into the language's interpreter.

It never imports the language: interpreters connect through MT (mt.py), Location, ThreadState and the Recorder.
"""
