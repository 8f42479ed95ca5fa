const http = require('node:http');
const { Webhook } = require('standardwebhooks'); // npm install standardwebhooks@1.1.1
const webhook = new Webhook(process.env.KEYLINE_WEBHOOK_SECRET); // the whsec_... secret
http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk)).on('end', () => {
    try {
      const event = webhook.verify(Buffer.concat(chunks), req.headers); // throws unless genuine and recent
      console.log(event.type, event.eventId, JSON.stringify(event.payload));
      res.writeHead(204).end();
    } catch (e) {
      res.writeHead(401).end(e.message);
    }
  });
}).listen(process.env.PORT || 8080, () => console.log('listening'));
