"""Small writes leave the app server at once: TCP_NODELAY on its sockets.

Streamlit (1.67) binds its listening socket without naming the protocol, and
asyncio turns Nagle's algorithm off only on connections whose socket says TCP. So
on a keep-alive connection every response after the first waits for the
browser's delayed acknowledgement before its last bytes go: about 40 ms per file
on Linux (``python -m bench.keep_alive``), over the hundred and more files a first
visit loads, six at a time, and the page's websocket messages wait the same way.

Linux gives the connections a listening socket accepts its TCP_NODELAY, so
setting it on the listening socket, and on the connections already open, mends
every connection the server has and will have. Elsewhere (no ``/proc``) nothing
is changed.
"""

from __future__ import annotations

import functools
import logging
import os
import socket
from pathlib import Path

logger = logging.getLogger(__name__)

OPEN_FILES = Path("/proc/self/fd")


def send_without_delay(port: int) -> int:
    """Turn Nagle's algorithm off on this process's TCP sockets on ``port`` (the
    listening socket and the connections it accepted); how many were set."""
    if not OPEN_FILES.is_dir():
        return 0
    done = 0
    for entry in OPEN_FILES.iterdir():
        try:
            if not os.readlink(entry).startswith("socket:"):
                continue
            sock = socket.socket(fileno=int(entry.name))
        except (OSError, ValueError):  # closed meanwhile, or not a socket
            continue
        try:
            if _is_tcp_on(sock, port):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                done += 1
        except OSError:
            pass
        finally:
            sock.detach()  # the socket stays its owner's: not closed here
    return done


@functools.cache
def send_without_delay_once(port: int) -> None:
    """:func:`send_without_delay`, once per process (later connections inherit it
    from the listening socket)."""
    logger.info(
        "TCP_NODELAY set on %d socket(s) of port %d", send_without_delay(port), port
    )


def _is_tcp_on(sock: socket.socket, port: int) -> bool:
    return (
        sock.family in (socket.AF_INET, socket.AF_INET6)
        and sock.type == socket.SOCK_STREAM
        and sock.getsockname()[1] == port
    )
