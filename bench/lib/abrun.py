#!/usr/bin/python3
"""Runs two or more commands in alternation and records wall time and peak memory of each run.

hyperfine runs all of A, then all of B; on a shared machine whose load swings by the minute that
puts the load difference into the ratio. Here each round runs every command once, the order
reversed every other round, so A and B see the same load. Wall time is measured around the
child, CPU time (user + system) comes from the same wait4 and is far less
sensitive to the machine's load than wall time; peak memory (ru_maxrss, KiB) comes from wait4, which covers the child and everything it
waited for (a launcher script's JVM included), like /usr/bin/time -f %M.

  abrun.py --name list-1000 --rounds 10 --warmup 1 --out results.jsonl \\
      --cmd vault "./vault --vault v.db --password-file m list" \\
      --cmd keepassxc "keepassxc-cli ls -q k.kdbx" --stdin keepassxc master.txt \\
      --prepare vault "cp v-1000.db v.db"

A command line holding a shell character (| & ; < > $ `) runs through /bin/sh, others are split
and run directly. Prepare commands run before each timed run of their command, untimed.
Appends one JSON line per command: name, label, seconds[], rss_kib[], exit codes, load averages.
"""

import argparse
import json
import os
import shlex
import statistics
import subprocess
import sys
import time

SHELL_CHARS = set("|&;<>$`")


def argv_of(cmdline):
    if SHELL_CHARS & set(cmdline):
        return ["/bin/sh", "-c", cmdline]
    return shlex.split(cmdline)


def run_once(argv, stdin_path, env, errlog):
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
    try:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdin=stdin, stdout=subprocess.DEVNULL, stderr=errlog, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        took = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
    finally:
        if stdin_path:
            stdin.close()
    return took, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, proc.returncode


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--name", required=True)
    ap.add_argument("--rounds", type=int, default=10)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--out", required=True)
    ap.add_argument("--cmd", nargs=2, action="append", metavar=("LABEL", "CMDLINE"), required=True)
    ap.add_argument("--stdin", nargs=2, action="append", default=[], metavar=("LABEL", "FILE"))
    ap.add_argument("--prepare", nargs=2, action="append", default=[], metavar=("LABEL", "CMDLINE"))
    ap.add_argument("--ok", nargs=2, action="append", default=[], metavar=("LABEL", "CODES"),
                    help="exit codes that count as success (comma separated; default 0)")
    ap.add_argument("--errlog", default=None, help="file that collects the commands' stderr")
    args = ap.parse_args()

    labels = [label for label, _ in args.cmd]
    cmds = {label: argv_of(line) for label, line in args.cmd}
    lines = {label: line for label, line in args.cmd}
    stdins = dict(args.stdin)
    prepares = {label: argv_of(line) for label, line in args.prepare}
    ok = {label: {int(c) for c in codes.split(",")} for label, codes in args.ok}
    env = dict(os.environ)
    errlog = open(args.errlog, "ab") if args.errlog else subprocess.DEVNULL

    samples = {label: {"seconds": [], "cpu": [], "rss_kib": [], "exit": []} for label in labels}
    loads = []
    failures = {}
    for r in range(args.warmup + args.rounds):
        order = labels if r % 2 == 0 else list(reversed(labels))
        loads.append(os.getloadavg()[0])
        for label in order:
            if label in prepares:
                subprocess.run(prepares[label], check=True, stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL)
            took, cpu, rss, code = run_once(cmds[label], stdins.get(label), env, errlog)
            if code not in ok.get(label, {0}):
                failures.setdefault(label, []).append(code)
            if r >= args.warmup:
                samples[label]["seconds"].append(took)
                samples[label]["cpu"].append(cpu)
                samples[label]["rss_kib"].append(rss)
                samples[label]["exit"].append(code)
    with open(args.out, "a") as out:
        for label in labels:
            record = {"name": args.name, "label": label, "cmd": lines[label], "kind": "process",
                      "load1": loads, **samples[label]}
            if label in failures:
                record["failures"] = failures[label]
            out.write(json.dumps(record) + "\n")
    for label in labels:
        s = sorted(samples[label]["seconds"])
        med = s[len(s) // 2] if len(s) % 2 else (s[len(s) // 2 - 1] + s[len(s) // 2]) / 2
        peak = max(samples[label]["rss_kib"]) / 1024
        cpu = statistics.median(samples[label]["cpu"])
        note = f"  FAILED exit codes {sorted(set(failures[label]))}" if label in failures else ""
        print(f"  {args.name:<14} {label:<12} median {med:7.3f} s  cpu {cpu:6.2f} s  peak {peak:6.0f} MiB{note}",
              file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
