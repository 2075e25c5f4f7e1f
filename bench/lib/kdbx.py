#!/usr/bin/python3
"""KeePassXC databases equivalent to the benchmark vaults.

keepassxc-cli 2.7.4 cannot set Argon2 parameters (db-create and import only take a target
decryption time, and import writes KDBX 3.1 with AES-KDF). What works:
  1. ``kdbx.py xml N FILE``       writes a KeePass 2 XML file with the N generated entries;
  2. ``keepassxc-cli import``      turns it into a (KDBX 3.1) database;
  3. ``kdbx.py empty FILE``        writes an empty KDBX 4 database with Argon2id m=64 MiB, t=3, p=4
                                   (python3-pykeepass, header edited before the first save);
  4. ``keepassxc-cli merge -s``    copies the entries into it: KeePassXC writes the file and keeps
                                   its KDF settings;
  5. ``kdbx.py check FILE``        prints the KDF parameters read back from the header.
The master password is read from the environment variable KDBX_MASTER.
"""

import base64
import os
import sys
from xml.sax.saxutils import escape

ENTRY = ("<Entry><UUID>{uuid}</UUID>"
         "<String><Key>Title</Key><Value>{address}</Value></String>"
         "<String><Key>UserName</Key><Value>{address}</Value></String>"
         "<String><Key>Password</Key><Value ProtectInMemory=\"True\">{password}</Value></String>"
         "<String><Key>URL</Key><Value>imaps://127.0.0.1:993</Value></String>"
         "<String><Key>Notes</Key><Value>smtps://127.0.0.1:465</Value></String>"
         "</Entry>\n")


def uuid():
    return base64.b64encode(os.urandom(16)).decode()


def write_xml(count, path):
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<KeePassFile><Meta>'
                "<Generator>mailvault-bench</Generator><DatabaseName>bench</DatabaseName></Meta>"
                f"<Root><Group><UUID>{uuid()}</UUID><Name>Root</Name>\n")
        for i in range(count):
            f.write(ENTRY.format(uuid=uuid(), address=escape(f"user{i}@example.org"),
                                 password=escape(f"pw-{i:06d}-xyz")))
        f.write("</Group></Root></KeePassFile>\n")


def write_empty(path):
    from pykeepass import create_database
    from pykeepass.kdbx_parsing.kdbx4 import kdf_uuids

    kp = create_database(path, password=os.environ["KDBX_MASTER"])
    kdf = kp.kdbx.header.value.dynamic_header.kdf_parameters.data.dict
    kdf["$UUID"].value = kdf_uuids["argon2id"]
    kdf["M"].value = 64 * 1024 * 1024
    kdf["I"].value = 3
    kdf["P"].value = 4
    kdf["S"].value = os.urandom(32)
    # pykeepass writes the header bytes it read unless they are dropped: then it rebuilds them
    # from the edited values (and derives the key with the new parameters)
    del kp.kdbx.header["data"]
    kp.save()


def check(path):
    from pykeepass.kdbx_parsing.kdbx import KDBX
    from pykeepass.kdbx_parsing.kdbx4 import kdf_uuids

    with open(path, "rb") as f:
        header = KDBX.subcons[0].parse_stream(f).value
    kdf = header.dynamic_header.kdf_parameters.data.dict
    kind = "argon2id" if kdf["$UUID"].value == kdf_uuids["argon2id"] else "other"
    line = (f"KDBX {header.major_version}.{header.minor_version} {kind} "
            f"m={kdf['M'].value // (1024 * 1024)}MiB t={kdf['I'].value} p={kdf['P'].value}")
    print(line)
    if (header.major_version, kind, kdf["M"].value, kdf["I"].value, kdf["P"].value) != (
            4, "argon2id", 64 * 1024 * 1024, 3, 4):
        sys.exit(f"{path}: not Argon2id m=64MiB t=3 p=4")


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "xml":
        write_xml(int(sys.argv[2]), sys.argv[3])
    elif command == "empty":
        write_empty(sys.argv[2])
    elif command == "check":
        check(sys.argv[2])
    else:
        sys.exit(f"unknown command {command}")
