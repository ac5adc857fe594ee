"""Names for object constants in the textual IR (`$name`), shared by the printer and the parser."""

from __future__ import annotations

BUILTIN_NAMES = {
    "None": None, "True": True, "False": False, "int": int, "float": float, "bool": bool, "list": list,
    "tuple": tuple, "dict": dict, "str": str, "bytes": bytes, "type": type, "object": object,
}


class ConstNames:
    """A two-way table name <-> object. Unknown objects get fresh names `k0`, `k1`, ... when printed."""

    def __init__(self, extra: dict | None = None):
        self.by_name: dict[str, object] = dict(BUILTIN_NAMES)
        if extra:
            self.by_name.update(extra)
        self.by_id: dict[int, str] = {id(v): k for k, v in self.by_name.items()}
        self.fresh: list[tuple[str, object]] = []

    def name_of(self, obj) -> str:
        name = self.by_id.get(id(obj))
        if name is None:
            name = f"k{len(self.fresh)}"
            while name in self.by_name:
                name += "_"
            self.by_name[name] = obj
            self.by_id[id(obj)] = name
            self.fresh.append((name, obj))
        return name

    def lookup(self, name: str):
        try:
            return self.by_name[name]
        except KeyError:
            raise KeyError(f"unknown constant ${name}") from None
