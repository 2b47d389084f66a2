"""The app server's sockets send small writes at once (TCP_NODELAY)."""

from __future__ import annotations

import socket
import sys

import pytest

from components.support.server_sockets import send_without_delay

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="reads /proc/self/fd (Linux)"
)


def nodelay(sock: socket.socket) -> bool:
    return bool(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))


def test_the_listening_socket_and_its_connections_send_without_delay():
    # Bound as Streamlit binds it: no protocol named, so asyncio leaves Nagle on.
    listener = socket.socket(socket.AF_INET)
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    port = listener.getsockname()[1]
    client_before = socket.create_connection(("127.0.0.1", port))
    accepted_before, _ = listener.accept()
    other = socket.socket(socket.AF_INET)
    other.bind(("127.0.0.1", 0))
    other.listen()
    try:
        assert not nodelay(listener)
        assert not nodelay(accepted_before)
        assert send_without_delay(port) >= 2  # the listener and the open connection
        assert nodelay(listener)
        assert nodelay(accepted_before)
        # A later connection has it from the listening socket.
        client_after = socket.create_connection(("127.0.0.1", port))
        accepted_after, _ = listener.accept()
        assert nodelay(accepted_after)
        # A socket on another port is left as it was, and every socket still works.
        assert not nodelay(other)
        accepted_after.sendall(b"still open")
        assert client_after.recv(16) == b"still open"
        client_after.close()
        accepted_after.close()
    finally:
        for sock in (listener, client_before, accepted_before, other):
            sock.close()
