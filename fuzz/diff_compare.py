#!/usr/bin/env python3
"""Compares binaryen's `wasm-opt --fuzz-exec-before` output with petrel_diff_exec's.

usage: diff_compare.py BINARYEN.txt PETREL.txt [PETREL2.txt ...]

Each output becomes a list of events: an export reached, a function's results, a logged
call, a trap, a JavaScript exception, a host limit. The lists must agree event by event:
  - values compare as numbers (integers exactly, floats as doubles: binaryen prints the
    shortest text that reads back, Petrel too), any NaN equals any NaN (the spec lets NaN
    results be any arithmetic NaN, and --denan keeps most of them out anyway); other tokens
    (i32x4, null, function, externref(N)) compare as text;
  - a trap equals a trap whatever its message (the engines word traps differently);
  - a host limit in either list (binaryen's call depth limit is far below Petrel's, and the
    side effects made before either gives up differ) ends the comparison there: the events
    before it were compared, what follows is not, and the summary says so.
Exit status 0 when every Petrel output agrees with binaryen's, 1 otherwise (the first
difference is printed), 2 when an output cannot be read.
"""
import math
import sys


class Unreadable(Exception):
    pass


def parse(text, name):
    events = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("[fuzz-exec] export "):
            events.append(("export", line[len("[fuzz-exec] export "):]))
        elif line.startswith("[fuzz-exec] note result: "):
            rest = line[len("[fuzz-exec] note result: "):]
            export, _, value = rest.partition(" => ")
            events.append(("result", export, value.split()))
        elif line.startswith("[LoggingExternalInterface "):
            body = line[len("[LoggingExternalInterface "):].rstrip("]")
            kind, _, values = body.partition(" ")
            if kind not in ("logging", "log-branch"):
                raise Unreadable(f"{name}: unexpected line: {raw}")
            events.append(("log", kind, values.split()))
        elif line.startswith("[trap "):
            # binaryen's interpreter gives up at its call depth limit with a "trap"
            events.append(("host-limit",) if "stack limit" in line else ("trap",))
        elif line.startswith("[host limit"):
            events.append(("host-limit",))
        elif line.startswith("[exception thrown"):
            events.append(("exception",))
        elif not line.startswith("[") and events and events[-1][0] == "result":
            events[-1][2].extend(line.split())  # a further value of a multi-value result
        else:
            raise Unreadable(f"{name}: unexpected line: {raw}")
    return events


def number(token):
    t = token
    if t.lstrip("-").startswith("nan"):
        return math.nan
    try:
        return int(t, 0)
    except ValueError:
        pass
    try:
        return float(t)
    except ValueError:
        return None


def same_value(a, b):
    if a == b:
        return True
    x, y = number(a), number(b)
    if x is None or y is None:
        return False
    if isinstance(x, int) and isinstance(y, int):
        return x == y
    # A float on either side: compare as doubles (binaryen prints 2^64 as 18446744073709551615,
    # which reads back as the same double)
    x, y = float(x), float(y)
    if math.isnan(x) or math.isnan(y):
        return math.isnan(x) and math.isnan(y)
    return x == y


def same_values(xs, ys):
    if len(xs) != len(ys):
        return False
    return all(same_value(x, y) for x, y in zip(xs, ys))


def same_event(a, b):
    if a[0] != b[0]:
        return False
    if a[0] == "export":
        return a[1] == b[1]
    if a[0] == "result":
        return a[1] == b[1] and same_values(a[2], b[2])
    if a[0] == "log":
        return a[1] == b[1] and same_values(a[2], b[2])
    return True  # trap, exception


def show(event):
    if event is None:
        return "(nothing)"
    if event[0] == "export":
        return f"export {event[1]}"
    if event[0] == "result":
        return f"result {event[1]} => {' '.join(event[2])}"
    if event[0] == "log":
        return f"{event[1]} {' '.join(event[2])}"
    return event[0]


def compare(reference, other):
    """Returns (agrees, events compared, stopped by a host limit, message)."""
    for i in range(max(len(reference), len(other))):
        a = reference[i] if i < len(reference) else None
        b = other[i] if i < len(other) else None
        if (a and a[0] == "host-limit") or (b and b[0] == "host-limit"):
            return True, i, True, ""
        if a is None or b is None or not same_event(a, b):
            context = [show(e) for e in reference[max(0, i - 3):i]]
            return False, i, False, (f"event {i}: binaryen: {show(a)}; petrel: {show(b)}"
                                     f" (after: {' | '.join(context)})")
    return True, len(reference), False, ""


def main():
    if len(sys.argv) < 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    try:
        outputs = []
        for path in sys.argv[1:]:
            with open(path, encoding="utf-8", errors="replace") as f:
                outputs.append(parse(f.read(), path))
    except (OSError, Unreadable) as e:
        print(f"diff_compare: {e}", file=sys.stderr)
        return 2
    reference = outputs[0]
    status = 0
    notes = []
    for path, events in zip(sys.argv[2:], outputs[1:]):
        agrees, count, limited, message = compare(reference, events)
        if not agrees:
            print(f"diff_compare: {path} differs from {sys.argv[1]} at {message}")
            status = 1
        notes.append(f"{count} events" + (" (then a host limit)" if limited else ""))
    exports = sum(1 for e in reference if e[0] == "export")
    logs = sum(1 for e in reference if e[0] == "log")
    traps = sum(1 for e in reference if e[0] == "trap")
    print(f"diff_compare: {exports} exports, {logs} logs, {traps} traps in binaryen's run; compared "
          + ", ".join(notes))
    return status


if __name__ == "__main__":
    sys.exit(main())
