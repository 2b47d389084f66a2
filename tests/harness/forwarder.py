"""A plain TCP forwarder on localhost, as socat, ``ssh -L`` or a container's port
map are: every connection to it is opened again to the target from 127.0.0.1, so
the server sees every visitor as this machine. Bytes are passed as they are
(HTTP, WebSockets); nothing is added, such as X-Forwarded-For.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Iterator

CHUNK = 65536


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(CHUNK):
            writer.write(data)
            await writer.drain()
    except ConnectionError:
        pass
    finally:
        writer.close()


class _Forwarder:
    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.port = 0
        self.ready = threading.Event()
        self.connections: set[asyncio.Task] = set()
        self.stop: asyncio.Event | None = None

    async def _forward(
        self, client_reader: asyncio.StreamReader, client_writer: asyncio.StreamWriter
    ) -> None:
        try:
            server_reader, server_writer = await asyncio.open_connection(*self.target)
        except OSError:
            client_writer.close()
            return
        await asyncio.gather(
            _pipe(client_reader, server_writer), _pipe(server_reader, client_writer)
        )

    def _track(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter):
        task = asyncio.ensure_future(self._forward(reader, writer))
        self.connections.add(task)
        task.add_done_callback(self.connections.discard)

    async def serve(self) -> None:
        self.stop = asyncio.Event()
        server = await asyncio.start_server(self._track, "127.0.0.1", 0)
        self.port = server.sockets[0].getsockname()[1]
        self.ready.set()
        await self.stop.wait()
        server.close()
        for task in list(self.connections):
            task.cancel()
        await asyncio.gather(*self.connections, return_exceptions=True)
        await server.wait_closed()


@contextlib.contextmanager
def forwarding(port: int, host: str = "127.0.0.1") -> Iterator[int]:
    """Forward a free localhost port to ``host:port`` while the block runs; yields
    the forwarder's port."""
    forwarder = _Forwarder((host, port))
    loop = asyncio.new_event_loop()
    thread = threading.Thread(
        target=loop.run_until_complete,
        args=(forwarder.serve(),),
        name="tcp-forwarder",
        daemon=True,
    )
    thread.start()
    if not forwarder.ready.wait(10):
        raise RuntimeError("the TCP forwarder did not start")
    try:
        yield forwarder.port
    finally:
        assert forwarder.stop is not None
        loop.call_soon_threadsafe(forwarder.stop.set)
        thread.join(timeout=10)
        loop.close()
