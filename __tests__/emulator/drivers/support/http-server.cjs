/**
 * Test HTTP server, run in a CHILD PROCESS: N/https blocks the test's thread (Atomics.wait)
 * during a call, so a server on that thread's event loop could never answer and would deadlock.
 * Reports its port over IPC. Routes: /echo and /api/*, /status/<code>, /hold, /drop, /drop-mid.
 * /hold answers only on the message { release: true }; it reports { held: path } when a request
 * starts waiting and { gone: path } when its client closes first, so a timeout test waits on
 * signals, not on a clock. Message { freeze: true } blocks this process's event loop until it is
 * killed (nothing gets accepted) for a connect-timeout test; it listens with backlog 1 so the
 * kernel queue fills after two connections.
 */
'use strict';
const http = require('node:http');

/** Answers held by /hold until the test releases them. */
let held = [];

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const url = new URL(req.url, 'http://local');
    const body = Buffer.concat(chunks).toString('utf8');
    if (url.pathname === '/echo' || url.pathname.startsWith('/api/')) {
      const headers = {};
      for (let i = 0; i < req.rawHeaders.length; i += 2) headers[req.rawHeaders[i]] = req.rawHeaders[i + 1];
      res.writeHead(200, { 'Content-Type': 'application/json', 'X-Echo': 'yes' });
      res.end(JSON.stringify({ method: req.method, path: req.url, headers, body }));
    } else if (url.pathname.startsWith('/status/')) {
      res.writeHead(Number(url.pathname.slice(8)), { 'Retry-After': '7' });
      res.end('status body');
    } else if (url.pathname === '/hold') {
      held.push(res);
      res.on('close', () => {
        if (!res.writableEnded) process.send({ gone: req.url });
      });
      process.send({ held: req.url });
    } else if (url.pathname === '/drop') {
      req.socket.destroy();
    } else if (url.pathname === '/drop-mid') {
      res.writeHead(200, { 'Content-Length': '1000' });
      // Headers and part of the body reach the client, then the connection ends short.
      res.write('partial', () => req.socket.end());
    } else {
      res.writeHead(404);
      res.end('no route');
    }
  });
});

server.listen({ port: 0, host: '127.0.0.1', backlog: 1 }, () => {
  process.send({ port: server.address().port });
});
process.on('message', (m) => {
  if (m && m.release) {
    for (const res of held) {
      if (res.writableEnded || res.destroyed) continue;
      res.writeHead(200);
      res.end('late');
    }
    held = [];
    process.send({ released: true });
  }
  if (m && m.freeze) {
    process.send({ frozen: true });
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  }
});
process.on('disconnect', () => process.exit(0));
