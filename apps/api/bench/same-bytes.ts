import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

// The ceiling of the load generator for one answer: a bare `node:http` server sending, as is, the
// bytes the API sent for it (status, headers and body, read from the file named in argv[2]).
// Prints its port once listening, like hello.ts.
const answer = JSON.parse(readFileSync(process.argv[2] as string, 'utf8')) as {
  status: number;
  headers: Record<string, string>;
  body: string;
};
const body = Buffer.from(answer.body, 'base64');
const server = createServer((_request, response) => {
  response.writeHead(answer.status, answer.headers);
  response.end(body);
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') console.log(`port ${address.port}`);
});
