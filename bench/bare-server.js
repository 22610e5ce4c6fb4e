'use strict';

/** The ceiling: a bare Node http server answering the feed's bytes with the same headers, nothing else. */
const fs = require('fs');
const http = require('http');

// The body comes in a file: a feed page is too large for an environment variable.
const body = process.env.BARE_BODY_FILE ? fs.readFileSync(process.env.BARE_BODY_FILE) : Buffer.from('{}');
const etag = process.env.BARE_ETAG || '"x"';
// With BARE_ENCODING (br, gzip) the body file holds those encoded bytes, sent with their Content-Encoding.
const encoding = process.env.BARE_ENCODING ? { 'content-encoding': process.env.BARE_ENCODING, vary: 'Accept-Encoding' } : {};
const server = http.createServer((request, response) => {
  response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length, etag, 'cache-control': 'public, max-age=60', ...encoding });
  response.end(body);
});
server.listen(Number(process.argv[2]), '127.0.0.1', () => process.send && process.send('ready'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
