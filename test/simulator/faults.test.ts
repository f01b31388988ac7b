import { TransportError } from '../../provider/client/simulator-client';
import { describeEachTransport, failureOf } from './harness';

const claim = { isoCountryCode: 'US', numberType: 'SIMULATOR', numberCapabilities: ['SMS'] };

describeEachTransport('fault injection', (harness) => {
  it('a throttle fault answers ThrottlingException with a Retry-After and runs nothing', async () => {
    const { client } = harness();
    await client.admin('AddFault', {
      body: {
        operation: 'CreatePhoneNumber',
        kind: 'throttle',
        rate: 1,
        count: 1,
        retryAfterSeconds: 7,
      },
    });
    const failure = await failureOf(client.call('CreatePhoneNumber', { body: claim }));
    expect(failure.code).toBe('ThrottlingException');
    expect(failure.message).toMatch(/rate exceeded for CreatePhoneNumber/);
    const thrown = await client.call('CreatePhoneNumber', { body: claim }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(thrown).toBeUndefined();
    expect((await client.call('ListPhoneNumbers', {})).items).toHaveLength(1);
  });

  it('a throttled error carries the retry delay', async () => {
    const { client } = harness();
    await client.admin('AddFault', {
      body: { operation: '*', kind: 'throttle', nth: 1, retryAfterSeconds: 7 },
    });
    const error = await client.call('ListVoiceConnectors', {}).then(
      () => undefined,
      (e: unknown) => e as { retryAfterSeconds?: number },
    );
    expect(error?.retryAfterSeconds).toBe(7);
  });

  it('a server-error fault answers InternalServerException and changes nothing', async () => {
    const { client } = harness();
    await client.admin('AddFault', {
      body: { operation: 'CreateVoiceConnector', kind: 'server-error', rate: 1 },
    });
    const failure = await failureOf(
      client.call('CreateVoiceConnector', { body: { name: 'east', awsRegion: 'us-east-1' } }),
    );
    expect(failure.code).toBe('InternalServerException');
    expect((await client.call('ListVoiceConnectors', {})).items).toEqual([]);
  });

  it('an nth fault fails only the Nth matching call', async () => {
    const { client } = harness();
    await client.admin('AddFault', {
      body: { operation: 'ListVoiceConnectors', kind: 'server-error', nth: 3 },
    });
    const outcomes: string[] = [];
    for (let i = 0; i < 5; i++) {
      outcomes.push(
        await client.call('ListVoiceConnectors', {}).then(
          () => 'ok',
          (e: { code?: string }) => e.code ?? 'error',
        ),
      );
    }
    expect(outcomes).toEqual(['ok', 'ok', 'InternalServerException', 'ok', 'ok']);
  });

  it('a fault on one operation leaves the others alone', async () => {
    const { client } = harness();
    await client.admin('AddFault', {
      body: { operation: 'CreatePhoneNumber', kind: 'server-error', rate: 1 },
    });
    await expect(client.call('ListPhoneNumbers', {})).resolves.toEqual({ items: [] });
  });

  it('a reset fault commits the work, then drops the connection', async () => {
    const { client } = harness();
    await client.admin('AddFault', {
      body: { operation: 'CreatePhoneNumber', kind: 'reset', nth: 1 },
    });
    const error = await client
      .call('CreatePhoneNumber', { body: { ...claim, clientToken: 'once' } })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(TransportError.isInstance(error)).toBe(true);
    expect((error as TransportError).kind).toBe('reset');
    const listed = await client.call('ListPhoneNumbers', {});
    expect(listed.items).toHaveLength(1);
    // The caller's retry with the same token adopts what was made instead of a second number.
    const retried = await client.call('CreatePhoneNumber', {
      body: { ...claim, clientToken: 'once' },
    });
    expect(retried.phoneNumberId).toBe(listed.items[0]?.phoneNumberId);
    expect((await client.call('ListPhoneNumbers', {})).items).toHaveLength(1);
  });

  it('a latency fault delays the answer by at least its latency', async () => {
    const { client } = harness();
    await client.admin('AddFault', {
      body: { operation: 'ListOptOutLists', kind: 'latency', latencyMs: 150, nth: 1 },
    });
    const started = process.hrtime.bigint();
    await client.call('ListOptOutLists', {});
    const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
    expect(elapsedMs).toBeGreaterThanOrEqual(149);
  });

  it('fault rules count their calls and can be cleared', async () => {
    const { client } = harness();
    const rule = await client.admin('AddFault', {
      body: { operation: 'ListOptOutLists', kind: 'latency', latencyMs: 1, rate: 1 },
    });
    await client.call('ListOptOutLists', {});
    await client.call('ListOptOutLists', {});
    expect((await client.admin('ListFaults')).map((f) => f.calls)).toEqual([2]);
    await client.admin('ClearFaults', { id: String(rule.faultId) });
    expect(await client.admin('ListFaults')).toEqual([]);
  });

  it('a rate fault fails some calls and passes others', async () => {
    const { client } = harness();
    await client.admin('AddFault', {
      body: { operation: 'ListVoiceConnectors', kind: 'server-error', rate: 0.5 },
    });
    const outcomes: boolean[] = [];
    for (let i = 0; i < 20; i++) {
      outcomes.push(
        await client.call('ListVoiceConnectors', {}).then(
          () => true,
          () => false,
        ),
      );
    }
    expect(outcomes.filter((ok) => !ok).length).toBeGreaterThan(3);
    expect(outcomes.filter((ok) => ok).length).toBeGreaterThan(3);
  });
});
