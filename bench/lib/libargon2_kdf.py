#!/usr/bin/python3
"""Times libargon2 in-process (Debian's python3-argon2, argon2.low_level.hash_secret_raw) at the
vault's floor: Argon2id, m = 64 MiB, t = 3, p = 4, 32-byte output, the same password and salt as
KdfBenchmark. One derivation per sample, like one unlock; the argon2 CLI derives twice per run,
so it is no fair single-derivation peer.

  libargon2_kdf.py WARMUP MEASURED   -> {"hex": ..., "seconds": [...]} on stdout
"""

import json
import sys
import time

from argon2.low_level import Type, hash_secret_raw

PASSWORD = b"correct horse battery staple"
SALT = b"mailvault-bench!"


def derive():
    return hash_secret_raw(PASSWORD, SALT, time_cost=3, memory_cost=64 * 1024, parallelism=4,
                           hash_len=32, type=Type.ID, version=19)


def main():
    warmup, measured = int(sys.argv[1]), int(sys.argv[2])
    out = None
    for _ in range(warmup):
        out = derive()
    seconds = []
    for _ in range(measured):
        start = time.perf_counter()
        out = derive()
        seconds.append(time.perf_counter() - start)
    print(json.dumps({"hex": out.hex(), "seconds": seconds}))


if __name__ == "__main__":
    main()
