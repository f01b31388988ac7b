import type { FastifyInstance } from 'fastify';
import { DEFAULT_ADMIN_KEY, DEFAULT_API_KEY } from '../../../provider/api/default-keys';
import { HttpClient } from '../../../provider/client/http-client';
import { TransportError } from '../../../provider/client/simulator-client';
import { buildApp } from '../../../provider/simulator/http/build-app';
import { Simulator } from '../../../provider/simulator/service/simulator';

/**
 * The simulator's server with its answers rewritten by `rewrite` (method and path → the body
 * sent instead): what a client meets behind a proxy or at an endpoint that is not ours.
 */
async function rewritten(
  rewrite: (method: string, path: string, payload: string) => string,
): Promise<{ endpoint: string; app: FastifyInstance; simulator: Simulator }> {
  const simulator = Simulator.open({ path: ':memory:' });
  const app = buildApp({ simulator });
  app.addHook('onSend', async (request, _reply, payload) =>
    typeof payload === 'string' ? rewrite(request.method, request.url, payload) : payload,
  );
  const endpoint = await app.listen({ host: '127.0.0.1', port: 0 });
  return { endpoint, app, simulator };
}

describe('the HTTP client reads only answers of the API’s shape', () => {
  let served: { app: FastifyInstance; simulator: Simulator } | undefined;
  afterEach(async () => {
    await served?.app.close();
    served?.simulator.close();
    served = undefined;
  });

  it('refuses a success answer that is not a phone number, naming the missing field', async () => {
    const started = await rewritten((method, path, payload) =>
      method === 'GET' && path.startsWith('/v1/phone-numbers/') ? '{"hello":"world"}' : payload,
    );
    served = started;
    const client = new HttpClient({ endpoint: started.endpoint, apiKey: DEFAULT_API_KEY });
    const made = await client.call('CreatePhoneNumber', {
      body: { isoCountryCode: 'US', numberType: 'SIMULATOR', numberCapabilities: ['SMS'] },
    });
    const failure = await client
      .call('DescribePhoneNumber', { id: made.phoneNumberId })
      .catch((e: unknown) => e);
    expect(TransportError.isInstance(failure)).toBe(true);
    expect((failure as TransportError).kind).toBe('bad-response');
    expect((failure as TransportError).message).toMatch(
      /DescribePhoneNumber .* answered 200 with a body that is not the API's answer \(phoneNumberId: .*\); check that the endpoint is a numberplane simulator/,
    );
  });

  it('takes an answer of the right shape with fields it does not know', async () => {
    const started = await rewritten((method, path, payload) =>
      method === 'DELETE' && path === '/v1/admin/faults'
        ? JSON.stringify({ ...(JSON.parse(payload) as object), note: 'from a newer server' })
        : payload,
    );
    served = started;
    const client = new HttpClient({ endpoint: started.endpoint, adminKey: DEFAULT_ADMIN_KEY });
    await expect(client.admin('ClearFaults')).resolves.toEqual({
      cleared: 0,
      note: 'from a newer server',
    });
  });
});
