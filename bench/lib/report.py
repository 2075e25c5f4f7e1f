#!/usr/bin/python3
"""Turns bench/run's raw samples into the table of medians and ratios ours/peer.

  report.py collect-kdf OUT          JMH and libargon2 samples of every KDF round -> JSON lines
  report.py check-verify JSON N      `vault verify --json` must report N results, all OK
  report.py report OUT               OUT/results.jsonl (+ machine.md, jmh-store.json) -> Markdown
"""

import glob
import json
import os
import statistics
import sys

KDF_MIB = 64
MEMORY_BUDGET_MIB = KDF_MIB + 150

# (benchmark, peer) -> the goal for ours/peer
GOALS = {
    ("kdf", "libargon2"): 1.1,
    ("list-10000", "keepassxc"): 0.75,
    ("get-10000", "keepassxc"): 0.5,
    ("add-10000", "keepassxc"): 0.5,
    ("list-1000", "keepassxc"): 1.5,
    ("verify-200", "curl"): 0.8,
    ("verify-200", "python"): 1.0,
    ("startup", "hello"): 3.0,
}

TITLES = {
    "kdf": "KDF, one derivation (in-process)",
    "startup": "start-up (--version)",
    "verify-200": "verify 200 accounts (400 logins, 16 at a time)",
}

LABELS = {
    "vault": "vault",
    "bouncycastle": "Bouncy Castle (pure Java, JMH)",
    "libargon2": "libargon2 (python3-argon2)",
    "keepassxc": "keepassxc-cli",
    "hello": "bare JVM Hello",
    "curl": "curl via xargs -P 16",
    "python": "16 Python threads",
}


def title(name):
    if name in TITLES:
        return TITLES[name]
    kind, _, n = name.partition("-")
    what = {"list": "unlock + list", "get": "one secret", "add": "add one"}.get(kind, kind)
    return f"{what}, {int(n):,} account{'' if int(n) == 1 else 's'}"


def collect_kdf(out):
    samples = {"vault": [], "bouncycastle": [], "libargon2": []}
    for path in sorted(glob.glob(os.path.join(out, "jmh-kdf-*.json"))):
        with open(path) as f:
            for bench in json.load(f):
                label = "vault" if bench["benchmark"].endswith(".vault") else "bouncycastle"
                unit = bench["primaryMetric"]["scoreUnit"]
                scale = {"ms/op": 1e-3, "s/op": 1.0, "us/op": 1e-6}[unit]
                for fork in bench["primaryMetric"]["rawData"]:
                    samples[label].extend(v * scale for v in fork)
    for path in sorted(glob.glob(os.path.join(out, "libargon2-*.json"))):
        with open(path) as f:
            samples["libargon2"].extend(json.load(f)["seconds"])
    cmds = {
        "vault": "MasterKey.deriveKek(Secret, KdfParameters.FLOOR, salt) in JMH",
        "bouncycastle": "Argon2BytesGenerator in JMH",
        "libargon2": "argon2.low_level.hash_secret_raw in /usr/bin/python3",
    }
    loads = []
    load_file = os.path.join(out, "kdf-load.txt")
    if os.path.exists(load_file):
        with open(load_file) as f:
            loads = [float(x) for x in f.read().split()]
    for label, seconds in samples.items():
        print(json.dumps({"name": "kdf", "label": label, "kind": "inprocess", "cmd": cmds[label],
                          "seconds": seconds, "load1": loads}))


def check_verify(path, expected):
    with open(path) as f:
        doc = json.load(f)
    results = doc.get("results", [])
    ok = sum(1 for r in results if r.get("outcome") == "OK")
    print(f"  vault verify: {len(results)} results, {ok} OK, summary {doc.get('summary')}",
          file=sys.stderr)
    if len(results) != expected or ok != expected:
        sys.exit(f"vault verify did not log in {expected} times successfully")


def load(out):
    records = []
    path = os.path.join(out, "results.jsonl")
    if not os.path.exists(path):
        return records
    with open(path) as f:
        for line in f:
            if line.strip():
                records.append(json.loads(line))
    return records


def mib(kib):
    return kib / 1024


def report(out):
    records = load(out)
    by_name = {}
    for r in records:
        by_name.setdefault(r["name"], {})[r["label"]] = r
    lines = []
    machine = os.path.join(out, "machine.md")
    if os.path.exists(machine):
        with open(machine) as f:
            lines.append(f.read().rstrip())
        lines.append("")
    lines.append("Wall time is what the goals are about; CPU time (user + system of the process and its"
                 " children) is shown beside it because it barely moves with the machine's load.")
    lines.append("")
    lines.append("| benchmark | vault (median) | peer | peer (median) | ours/peer | goal | met? |"
                 " CPU ours/peer | load (1-min) |")
    lines.append("|---|---:|---|---:|---:|---:|:-:|---:|---|")
    memory = []
    for name, labels in by_name.items():
        ours = labels.get("vault")
        load_text = ""
        for r in labels.values():
            if r.get("load1"):
                load_text = f"{min(r['load1']):.1f}–{max(r['load1']):.1f}"
        for label, peer in labels.items():
            if label == "vault":
                continue
            goal = GOALS.get((name, label))
            peer_med = statistics.median(peer["seconds"])
            cpu_text = "—"
            if ours is None or ours.get("kind") == "missing":
                ours_text, ratio_text, met = "not yet measured", "—", "—"
            else:
                ours_med = statistics.median(ours["seconds"])
                ratio = ours_med / peer_med
                ours_text = f"{ours_med:.3f} s"
                ratio_text = f"{ratio:.2f}"
                met = "—" if goal is None else ("yes" if ratio <= goal else "**no**")
                if ours.get("failures"):
                    met = "failed runs"
                if ours.get("cpu") and peer.get("cpu"):
                    cpu_ratio = statistics.median(ours["cpu"]) / statistics.median(peer["cpu"])
                    cpu_text = f"{cpu_ratio:.2f}"
            goal_text = f"≤ {goal}" if goal else "(reference)"
            lines.append(f"| {title(name)} | {ours_text} | {LABELS.get(label, label)} | "
                         f"{peer_med:.3f} s | {ratio_text} | {goal_text} | {met} | {cpu_text} | {load_text} |")
        for label, r in labels.items():
            if r.get("rss_kib"):
                memory.append((name, label, mib(max(r["rss_kib"]))))
    if memory:
        lines.append("")
        lines.append(f"Peak memory (maximum resident set over the runs, MiB; the vault's budget is "
                     f"KDF {KDF_MIB} MiB + 150 = {MEMORY_BUDGET_MIB} MiB):")
        lines.append("")
        lines.append("| benchmark | " + " | ".join(LABELS.get(l, l) for l in
                                                 ["vault", "keepassxc", "hello", "curl", "python"]) + " |")
        lines.append("|---|---:|---:|---:|---:|---:|")
        table = {}
        for name, label, value in memory:
            table.setdefault(name, {})[label] = value
        for name, values in table.items():
            cells = []
            for label in ["vault", "keepassxc", "hello", "curl", "python"]:
                if label not in values:
                    cells.append("")
                elif label == "vault":
                    flag = "" if values[label] <= MEMORY_BUDGET_MIB else " **over**"
                    cells.append(f"{values[label]:.0f}{flag}")
                else:
                    cells.append(f"{values[label]:.0f}")
            lines.append(f"| {title(name)} | " + " | ".join(cells) + " |")
    store = os.path.join(out, "jmh-store.json")
    if os.path.exists(store):
        with open(store) as f:
            benches = json.load(f)
        lines.append("")
        lines.append("Core store, JMH, 10,000 accounts:")
        lines.append("")
        lines.append("| benchmark | mode | score | error (99.9 %) | unit |")
        lines.append("|---|---|---:|---:|---|")
        for b in benches:
            m = b["primaryMetric"]
            lines.append(f"| {b['benchmark'].rsplit('.', 1)[1]} | {b['mode']} | {m['score']:.3f} | "
                         f"{m['scoreError'] if m['scoreError'] == m['scoreError'] else 0:.3f} | "
                         f"{m['scoreUnit']} |")
    print("\n".join(lines))


if __name__ == "__main__":
    if sys.argv[1] == "collect-kdf":
        collect_kdf(sys.argv[2])
    elif sys.argv[1] == "check-verify":
        check_verify(sys.argv[2], int(sys.argv[3]))
    elif sys.argv[1] == "report":
        report(sys.argv[2])
    else:
        sys.exit(f"unknown command {sys.argv[1]}")
