#!/usr/bin/env python3
"""A mail server that accepts everything and keeps nothing but a count (bench/reminders.sh).
Usage: smtp-sink.py PORT COUNT_FILE. Speaks just enough SMTP for MailKit without TLS or pipelining."""
import asyncio
import sys

port, count_file = int(sys.argv[1]), sys.argv[2]
received = 0


async def session(reader, writer):
    global received
    writer.write(b"220 sink ESMTP\r\n")
    await writer.drain()
    while line := await reader.readline():
        verb = line[:4].upper()
        if verb in (b"EHLO", b"HELO"):
            writer.write(b"250-sink\r\n250 SIZE 100000000\r\n")
        elif verb == b"DATA":
            writer.write(b"354 go on\r\n")
            await writer.drain()
            while (body := await reader.readline()) not in (b".\r\n", b""):
                pass
            received += 1
            with open(count_file, "w") as f:
                f.write(str(received))
            writer.write(b"250 kept\r\n")
        elif verb == b"QUIT":
            writer.write(b"221 bye\r\n")
            await writer.drain()
            break
        else:
            writer.write(b"250 ok\r\n")
        await writer.drain()
    writer.close()


async def main():
    server = await asyncio.start_server(session, "127.0.0.1", port)
    async with server:
        await server.serve_forever()

asyncio.run(main())
