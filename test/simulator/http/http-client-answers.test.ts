import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpClient } from '../../../provider/client/http-client';
import { TransportError } from '../../../provider/client/simulator-client';

/** A server that answers every request 200 with `body`: not a numberplane simulator. */
async function answering(body: string): Promise<{ endpoint: string; server: Server }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { endpoint: `http://127.0.0.1:${port}`, server };
}

describe('the HTTP client reads only answers of the API’s shape', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => server?.close(resolve));
    server = undefined;
  });

  it('refuses a success answer that is not a phone number, naming the missing field', async () => {
    const started = await answering(JSON.stringify({ hello: 'world' }));
    server = started.server;
    const client = new HttpClient({ endpoint: started.endpoint, apiKey: 'k' });
    const failure = await client.call('DescribePhoneNumber', { id: 'pn-1' }).catch((e) => e);
    expect(TransportError.isInstance(failure)).toBe(true);
    expect((failure as TransportError).kind).toBe('bad-response');
    expect((failure as TransportError).message).toMatch(
      /DescribePhoneNumber .* answered 200 with a body that is not the API's answer \(phoneNumberId: .*\); check that the endpoint is a numberplane simulator/,
    );
  });

  it('takes an answer of the right shape with fields it does not know', async () => {
    const started = await answering(JSON.stringify({ cleared: 2, note: 'from a newer server' }));
    server = started.server;
    const client = new HttpClient({ endpoint: started.endpoint, adminKey: 'k' });
    await expect(client.admin('ClearFaults')).resolves.toEqual({
      cleared: 2,
      note: 'from a newer server',
    });
  });
});
