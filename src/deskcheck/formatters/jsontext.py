"""`json.dumps(obj, ensure_ascii=False, indent=N)`, byte for byte, without its slow path.

With `indent` set, the standard library never uses its C encoder: it walks the value with nested
Python generators and yields (then writes) one small string per token, which cost `--format json`
about half a second on a thousand articles and SARIF three times that. Here each container is one
join over its members, strings are escaped by the same C function the standard library calls
(`json.encoder.encode_basestring`), and numbers are written as it writes them. Anything this does
not handle exactly (other key types, other value types, a `default=` hook, a cycle) goes to the
standard library instead, so the answer is always `json.dumps`'s.
"""
from __future__ import annotations

import json
from json.encoder import encode_basestring as _str  # the C escaper when _json is built
from typing import Any

_int = int.__repr__
_float = float.__repr__


class _Unsupported(Exception):
    """A value this encoder leaves to the standard library."""


def _float_text(o: float) -> str:
    if o != o:
        return "NaN"
    if o == float("inf"):
        return "Infinity"
    if o == -float("inf"):
        return "-Infinity"
    return _float(o)


def _encode(o: Any, pad: str, step: str) -> str:
    """The text of `o` whose enclosing container's members are indented by `pad`."""
    t = type(o)
    if t is str:
        return _str(o)
    if t is int:
        return _int(o)
    if t is dict:
        if not o:
            return "{}"
        inner = pad + step
        # a key that is not a str makes the escaper raise TypeError: json.dumps then converts it
        return "{\n" + inner + (",\n" + inner).join([
            _str(k) + ": " + (_str(v) if type(v) is str else _int(v) if type(v) is int else _encode(v, inner, step))
            for k, v in o.items()]) + "\n" + pad + "}"
    if t is list or t is tuple:
        if not o:
            return "[]"
        inner = pad + step
        return "[\n" + inner + (",\n" + inner).join([
            _str(v) if type(v) is str else _int(v) if type(v) is int else _encode(v, inner, step)
            for v in o]) + "\n" + pad + "]"
    if o is None:
        return "null"
    if o is True:
        return "true"
    if o is False:
        return "false"
    if t is float:
        return _float_text(o)
    raise _Unsupported


def dumps(obj: Any, indent: int = 1) -> str:
    """Exactly `json.dumps(obj, ensure_ascii=False, indent=indent)`."""
    try:
        return _encode(obj, "", " " * indent)
    except (_Unsupported, RecursionError, TypeError):
        # anything else (subclasses, a cycle, a surrogate the escaper refuses): the standard
        # library's own answer, or its own error
        return json.dumps(obj, ensure_ascii=False, indent=indent)
