"""Time per rule, per shared analysis and per stage, for the benchmark (`bench/run.py`).

Off unless the environment sets DESKCHECK_PROFILE_RULES=1 or a caller runs `enable()` (the
hidden `deskcheck report --profile-rules` does): the engine then checks one module flag per
document, so the hook costs nothing measurable when off. Times are exclusive: a rule that first
asks for the sentence split is charged for its own work, and the split is charged to
`analysis:...`.
"""
from __future__ import annotations

import os
import time
from typing import IO

ENABLED = os.environ.get("DESKCHECK_PROFILE_RULES", "") not in ("", "0")
TIMES: dict[str, float] = {}     # key ("rule:Style.Rule", "analysis:mod.fn", "stage:parse") -> s
CALLS: dict[str, int] = {}
KINDS: dict[str, str] = {}       # rule id -> kind name, so times add up per kind
_stack: list[list[float]] = []   # [start, time spent in nested timed calls]


def enable(on: bool = True) -> None:
    global ENABLED
    ENABLED = on


def reset() -> None:
    TIMES.clear()
    CALLS.clear()
    KINDS.clear()
    _stack.clear()


def start() -> None:
    _stack.append([time.perf_counter(), 0.0])


def stop(key: str) -> None:
    began, nested = _stack.pop()
    total = time.perf_counter() - began
    TIMES[key] = TIMES.get(key, 0.0) + total - nested
    CALLS[key] = CALLS.get(key, 0) + 1
    if _stack:
        _stack[-1][1] += total


def _kind_of(key: str) -> str:
    return "kind:" + KINDS.get(key[5:], "?") if key.startswith("rule:") else key


def by_kind() -> dict[str, float]:
    out: dict[str, float] = {}
    for key, secs in TIMES.items():
        out[_kind_of(key)] = out.get(_kind_of(key), 0.0) + secs
    return out


def calls_by_kind() -> dict[str, int]:
    out: dict[str, int] = {}
    for key, n in CALLS.items():
        out[_kind_of(key)] = out.get(_kind_of(key), 0) + n
    return out


def snapshot() -> dict[str, object]:
    return {"times": dict(TIMES), "calls": dict(CALLS), "kinds": dict(KINDS), "by_kind": by_kind()}


def write_table(stream: IO[str], top: int = 25) -> None:
    total = sum(TIMES.values()) or 1e-9
    stream.write(f"{'time (ms)':>10} {'share':>6} {'calls':>7}  what\n")
    for title, table, calls in (("by kind and stage", by_kind(), calls_by_kind()),
                                ("slowest rules and analyses", TIMES, CALLS)):
        stream.write(f"-- {title}\n")
        for key, secs in sorted(table.items(), key=lambda kv: -kv[1])[:top]:
            stream.write(f"{secs * 1000:10.1f} {secs / total:6.1%} {calls.get(key, 0):7d}  {key}\n")
