// A stand-in for Freshsuccess in a child process (N/https blocks the Suitelet server's thread,
// so the peer must live elsewhere). Answers 200 {"ok":true} and keeps what it received; the
// parent reads it over IPC with {get: true}.
const http = require('node:http');

const received = [];
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    received.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end('{"ok":true}');
  });
});
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
process.on('message', (m) => {
  if (m && m.get) process.send({ received });
});
process.on('disconnect', () => process.exit(0));
