"""Stop `make serve` at once, in one line, when its address is taken: before any install or build.

Usage: python scripts/check_port.py HOST:PORT

Exits 0, printing nothing, when HOST:PORT can be bound; otherwise prints one line naming the port and
exits 1. Standard library only: the Makefile runs it with the system Python, before .venv exists.
"""

import socket
import sys


def problem(addr: str) -> str | None:
    """Why `mkdocs serve -a addr` could not listen there, in one line; None when it can."""
    host, sep, port = addr.rpartition(":")
    host = host.strip("[]")  # [::1]:8000
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        return f"ADDR={addr!r} is not HOST:PORT (for example ADDR=127.0.0.1:8000 or ADDR=0.0.0.0:8000)"
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, int(port), type=socket.SOCK_STREAM)[0]
    except socket.gaierror as error:
        return f"ADDR={addr}: cannot resolve {host!r} ({error.strerror})"
    with socket.socket(family, kind, proto) as sock:
        # As mkdocs' server does: a port left in TIME_WAIT by a server that just stopped is free.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(address)
        except PermissionError:
            return f"port {port} on {host} needs root (ports below 1024): pick another, e.g. ADDR={host}:8000"
        except OSError as error:
            return (
                f"port {port} on {host} is already in use ({error.strerror}; another `make serve`?): "
                f"stop it, or serve on another port, e.g. make serve ADDR={host}:{int(port) + 1}"
            )
    return None


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__.split("\n\n")[1])
    message = problem(sys.argv[1])
    if message:
        print(message)
        sys.exit(1)
