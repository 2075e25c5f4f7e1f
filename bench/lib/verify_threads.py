#!/usr/bin/python3
"""The Python peer of `vault verify --all`: THREADS threads log in once per line of LOGINS
(``imaps://HOST:PORT/ USER PASS`` or ``smtps://HOST:PORT USER PASS``) with imaplib / smtplib over
implicit TLS, trusting only CA_PEM, host names checked. Exits 1 when any login failed.

  verify_threads.py LOGINS CA_PEM THREADS
"""

import imaplib
import smtplib
import ssl
import sys
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit


def login(line, context):
    url, user, password = line.split()
    parts = urlsplit(url)
    if parts.scheme == "imaps":
        with imaplib.IMAP4_SSL(parts.hostname, parts.port, ssl_context=context, timeout=30) as imap:
            imap.login(user, password)
            imap.logout()
    else:
        with smtplib.SMTP_SSL(parts.hostname, parts.port, context=context, timeout=30) as smtp:
            smtp.login(user, password)
            smtp.quit()
    return True


def main():
    logins_path, ca, threads = sys.argv[1], sys.argv[2], int(sys.argv[3])
    context = ssl.create_default_context(cafile=ca)
    with open(logins_path) as f:
        lines = [line for line in f.read().splitlines() if line.strip()]
    failed = 0
    with ThreadPoolExecutor(max_workers=threads) as pool:
        for future in [pool.submit(login, line, context) for line in lines]:
            try:
                future.result()
            except Exception as e:  # a benchmark counts failures, it does not stop at the first
                failed += 1
                print(f"login failed: {type(e).__name__}: {e}", file=sys.stderr)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
