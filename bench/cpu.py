#!/usr/bin/env python3
"""Where the CPU goes under load: `cpu.py snapshot JAVA_PID SHELL_PID > FILE` records the clock ticks spent so far by
the app's threads (grouped: event loops, workers, the rest of the JVM), every PostgreSQL process and the children the
shell has waited for (the load tool); `cpu.py diff BEFORE AFTER REQUESTS` prints the microseconds of CPU per request
of each group between two snapshots."""
import json, os, sys

TICK_US = 1e6 / os.sysconf("SC_CLK_TCK")


def ticks(stat_path, children=False):
    with open(stat_path) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    own = int(fields[11]) + int(fields[12])  # utime, stime
    return own + (int(fields[13]) + int(fields[14]) if children else 0)  # cutime, cstime


def group(thread):
    if thread.startswith("vert.x-eventloo"):
        return "event loops"
    if thread.startswith("executor-thread") or thread.startswith("vert.x-worker") or thread.startswith("ForkJoinPool"):
        return "workers"
    return "JVM other (GC, JIT, writers)"


def snapshot(java_pid, shell_pid):
    # The app's threads one by one ("thread <tid> <group>"): a thread that ends between two snapshots takes its ticks
    # with it, so the difference is taken thread by thread (see diff).
    out = {}
    for tid in os.listdir(f"/proc/{java_pid}/task"):
        try:
            with open(f"/proc/{java_pid}/task/{tid}/comm") as f:
                name = f.read().strip()
            out[f"thread {tid} {group(name)}"] = ticks(f"/proc/{java_pid}/task/{tid}/stat")
        except FileNotFoundError:
            pass
    pg = 0
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/comm") as f:
                if f.read().strip() == "postgres":
                    pg += ticks(f"/proc/{pid}/stat", children=True)
        except (FileNotFoundError, ProcessLookupError):
            pass
    out["PostgreSQL"] = pg
    out["load tool (wrk)"] = ticks(f"/proc/{shell_pid}/stat", children=True) - ticks(f"/proc/{shell_pid}/stat")
    return out


if sys.argv[1] == "snapshot":
    print(json.dumps(snapshot(sys.argv[2], sys.argv[3])))
else:
    before, after = (json.load(open(p)) for p in sys.argv[2:4])
    requests = float(sys.argv[4])
    spent = {}
    for key, value in after.items():
        name = key.split(" ", 2)[2] if key.startswith("thread ") else key
        spent[name] = spent.get(name, 0) + value - before.get(key, 0)
    order = ["event loops", "workers", "JVM other (GC, JIT, writers)", "PostgreSQL", "load tool (wrk)"]
    parts = [f"{k} {spent.get(k, 0) * TICK_US / requests:.0f}" for k in order]
    total = sum(spent.values()) * TICK_US / requests
    print("    CPU µs per request: " + ", ".join(parts) + f"; total {total:.0f}")
