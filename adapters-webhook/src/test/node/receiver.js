// The Standard Webhooks reference library (npm "standardwebhooks") as a real HTTP receiver on
// 127.0.0.1, for StandardWebhooksInteropTest. Keyline wrote none of the verification below.
//
//   node receiver.js <whsec_ secret>     prints "port <n>" once it listens
//
// POST /hooks     verifies the request with the library: 204 when it verifies, else 401 with the
//                 library's reason as the body
// GET  /verified  the eventId of every verified request, one per line, in arrival order
// POST /sign      the library's webhook-signature of the body under the request's webhook-id and
//                 webhook-timestamp
'use strict';
const http = require('node:http');
const { Webhook } = require('standardwebhooks');

const webhook = new Webhook(process.argv[2]);
const verified = [];

http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    if (req.method === 'GET' && req.url === '/verified') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end(verified.join('\n'));
    } else if (req.method === 'POST' && req.url === '/sign') {
      const at = new Date(Number(req.headers['webhook-timestamp']) * 1000);
      res.writeHead(200, { 'content-type': 'text/plain' })
        .end(webhook.sign(req.headers['webhook-id'], at, body.toString('utf8')));
    } else if (req.method === 'POST' && req.url === '/hooks') {
      try {
        const event = webhook.verify(body, req.headers);
        verified.push(event.eventId);
        res.writeHead(204).end();
      } catch (e) {
        res.writeHead(401, { 'content-type': 'text/plain' }).end(e.message);
      }
    } else {
      res.writeHead(404).end();
    }
  });
}).listen(0, '127.0.0.1', function () {
  console.log('port ' + this.address().port);
});
