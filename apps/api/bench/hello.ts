import { createServer } from 'node:http';

// The reference for the API's throughput: the least a Node HTTP server can do on this machine,
// answering a fixed JSON body. Prints its port once listening.
const server = createServer((_request, response) => {
  response.writeHead(200, { 'Content-Type': 'application/json' });
  response.end('{"message":"bonjour"}');
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') console.log(`port ${address.port}`);
});
