"""The CPython C API and process symbols that generated code calls, and the runtime memory it shares with Python.

Generated code declares the functions it uses by name; the linker resolves them to the addresses found here (through
ctypes.pythonapi, and libm for the maths helpers LLVM lowers to library calls).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys

from jit.ir.semantics import LIBM_UNARY


def ptr_const(addr: int) -> str:
    """An address (a Python object's, or shared memory's) as an LLVM pointer constant."""
    return f"inttoptr (i64 {addr} to ptr)" if addr else "null"


# name -> LLVM declaration
DECLS = {
    "Py_IncRef": "declare void @Py_IncRef(ptr)",
    "Py_DecRef": "declare void @Py_DecRef(ptr)",
    "_Py_Dealloc": "declare void @_Py_Dealloc(ptr)",
    "PyLong_FromLongLong": "declare ptr @PyLong_FromLongLong(i64)",
    "PyLong_AsLongLong": "declare i64 @PyLong_AsLongLong(ptr)",
    "PyFloat_FromDouble": "declare ptr @PyFloat_FromDouble(double)",
    "PyTuple_New": "declare ptr @PyTuple_New(i64)",
    "PyList_New": "declare ptr @PyList_New(i64)",
    "PyList_Append": "declare i32 @PyList_Append(ptr, ptr)",
    "PyDict_New": "declare ptr @PyDict_New()",
    "PyType_GenericAlloc": "declare ptr @PyType_GenericAlloc(ptr, i64)",
    "PyDict_GetItemWithError": "declare ptr @PyDict_GetItemWithError(ptr, ptr)",
    "PyErr_Occurred": "declare ptr @PyErr_Occurred()",
    "PyErr_Clear": "declare void @PyErr_Clear()",
    "PySequence_Concat": "declare ptr @PySequence_Concat(ptr, ptr)",
    "PyObject_RichCompareBool": "declare i32 @PyObject_RichCompareBool(ptr, ptr, i32)",
    "PyBytes_FromStringAndSize": "declare ptr @PyBytes_FromStringAndSize(ptr, i64)",
    "PyDict_SetItem": "declare i32 @PyDict_SetItem(ptr, ptr, ptr)",
    "PyObject_Vectorcall": "declare ptr @PyObject_Vectorcall(ptr, ptr, i64, ptr)",
    "PyErr_Fetch": "declare void @PyErr_Fetch(ptr, ptr, ptr)",
    "PyErr_NormalizeException": "declare void @PyErr_NormalizeException(ptr, ptr, ptr)",
    "PyException_SetTraceback": "declare i32 @PyException_SetTraceback(ptr, ptr)",
    "PyErr_GetRaisedException": "declare ptr @PyErr_GetRaisedException()",
    "PyEval_SaveThread": "declare ptr @PyEval_SaveThread()",
    "PyEval_RestoreThread": "declare void @PyEval_RestoreThread(ptr)",
    "clock_gettime": "declare i32 @clock_gettime(i32, ptr)",
    "fmod": "declare double @fmod(double, double)",
    "pow": "declare double @pow(double, double)",
    "floor": "declare double @floor(double)",
    **{name: f"declare double @{name}(double)" for name in LIBM_UNARY},
}

_LIBM_NAMES = ("fmod", "pow", "floor") + LIBM_UNARY
_libm = None
_addresses: dict[str, int] = {}


def address(name: str) -> int:
    addr = _addresses.get(name)
    if addr is None:
        global _libm
        if name in _LIBM_NAMES:
            if _libm is None:
                _libm = ctypes.CDLL(ctypes.util.find_library("m") or None)
            fn = getattr(_libm, name)
        else:
            fn = getattr(ctypes.pythonapi, name)
        addr = _addresses[name] = ctypes.cast(fn, ctypes.c_void_p).value
    return addr


HAS_RAISED_EXCEPTION_API = sys.version_info >= (3, 12)

# The hand-over buffer: trace inputs are written here by whoever enters a trace (the Python entry wrapper, or a
# guard that continues in a side trace) and read at once by the trace. No Python code runs between the write and
# the read and the GIL is held, so one buffer serves every thread.
BUFFER_SLOTS = 4096
# Exits store their live values in the upper half, each value at its own place for the whole trace (see exits.py).
STABLE_BASE = BUFFER_SLOTS // 2
_buffer = (ctypes.c_uint64 * BUFFER_SLOTS)()
BUFFER_ADDRESS = ctypes.addressof(_buffer)
# Set by a jump_loop just before it tail-calls a loop trace, which then reads its loop's entry values from the buffer
# instead of running its preamble (and clears it).
_loop_entry = ctypes.c_int64(0)
LOOP_ENTRY_ADDRESS = ctypes.addressof(_loop_entry)


class PyMethodDef(ctypes.Structure):
    _fields_ = [("ml_name", ctypes.c_char_p), ("ml_meth", ctypes.c_void_p), ("ml_flags", ctypes.c_int),
                ("ml_doc", ctypes.c_char_p)]


METH_FASTCALL = 0x80
_new_cfunction = ctypes.pythonapi.PyCFunction_NewEx
_new_cfunction.restype = ctypes.py_object
_new_cfunction.argtypes = [ctypes.c_void_p, ctypes.py_object, ctypes.py_object]


class NativeEntry:
    """A compiled `PyObject *f(PyObject *self, PyObject *const *args, Py_ssize_t n)` made into a builtin function:
    calling it costs what calling any builtin costs (~10 ns), and the GIL stays held. Keep this object alive as long
    as the function is used (it owns the PyMethodDef)."""

    def __init__(self, name: str, address_: int):
        self._name = name.encode()
        self._def = PyMethodDef(self._name, address_, METH_FASTCALL, None)
        self.function = _new_cfunction(ctypes.addressof(self._def), None, None)
