"""A local SMTP server that keeps, for each message, its recipients and subject: where the
site under load sends its e-mails, so that the benchmark can count them afterwards."""

import asyncio
import email
import email.policy
import re
import threading

ADDRESS = re.compile(rb"<([^>]*)>")


class Sink:
    """Listens on 127.0.0.1 (a free port) from a thread of its own; ``messages`` is the list
    of ``{"to": [...], "subject": ...}`` received so far."""

    def __init__(self):
        self.messages = []
        self.lock = threading.Lock()
        self.loop = asyncio.new_event_loop()
        self.port = None
        ready = threading.Event()
        self.thread = threading.Thread(target=self.serve, args=(ready,), daemon=True)
        self.thread.start()
        ready.wait(10)

    def serve(self, ready):
        asyncio.set_event_loop(self.loop)
        server = self.loop.run_until_complete(asyncio.start_server(self.session, "127.0.0.1", 0))
        self.port = server.sockets[0].getsockname()[1]
        ready.set()
        self.loop.run_forever()

    def stop(self):
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)

    def received(self):
        with self.lock:
            return list(self.messages)

    async def session(self, reader, writer):
        writer.write(b"220 bench ESMTP\r\n")
        recipients = []
        while line := await reader.readline():
            command = line[:4].upper()
            if command == b"EHLO":
                writer.write(b"250-bench\r\n250 8BITMIME\r\n")
            elif command == b"MAIL":
                recipients = []
                writer.write(b"250 OK\r\n")
            elif command == b"RCPT":
                recipients += [match.decode() for match in ADDRESS.findall(line)]
                writer.write(b"250 OK\r\n")
            elif command == b"DATA":
                writer.write(b"354 End data with <CR><LF>.<CR><LF>\r\n")
                await writer.drain()
                self.keep(recipients, await self.data(reader))
                writer.write(b"250 OK\r\n")
            elif command == b"QUIT":
                writer.write(b"221 Bye\r\n")
                break
            else:  # HELO, RSET, NOOP
                writer.write(b"250 OK\r\n")
            await writer.drain()
        writer.close()

    @staticmethod
    async def data(reader):
        lines = []
        while (line := await reader.readline()) not in (b".\r\n", b".\n", b""):
            lines.append(line[1:] if line.startswith(b"..") else line)
        return b"".join(lines)

    def keep(self, recipients, data):
        message = email.message_from_bytes(data, policy=email.policy.default)
        subject = " ".join(str(message["subject"]).split())  # unfolded
        with self.lock:
            self.messages.append({"to": list(recipients), "subject": subject})
