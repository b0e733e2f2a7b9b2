#!/usr/bin/env python3
"""Sends six pipelined GET /api/health requests in one write (the last with
Connection: close) and prints how many answers came back (issue 18, item 8).
Usage: tests/http_pipeline.py PORT"""
import socket
import sys

port = sys.argv[1]
req = b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:" + port.encode() + b"\r\n\r\n"
last = req.replace(b"\r\n\r\n", b"\r\nConnection: close\r\n\r\n")
s = socket.create_connection(("127.0.0.1", int(port)), timeout=10)
s.sendall(req * 5 + last)
data = b""
while True:
    chunk = s.recv(65536)
    if not chunk:
        break
    data += chunk
print(data.count(b"HTTP/1.1 "))
