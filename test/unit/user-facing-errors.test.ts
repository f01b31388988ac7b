import { join } from 'node:path';
import {
  failuresAsLines,
  userFacingHooks,
  withoutFrames,
} from '../../provider/resources/hooks/user-facing-errors';

/** How @pulumi/pulumi's dynamic-provider plugin prints a failed check, diff, read or delete. */
const printed = (error: unknown): string =>
  `${String(error)}: ${String((error as { stack?: unknown }).stack)}`;

describe('errors leaving the hooks', () => {
  const fixture = join(__dirname, '..', 'fixtures', 'hooks', 'failing-hooks.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const hooks = userFacingHooks(require(fixture) as Record<string, unknown>);

  it('print as one line without a stack trace, message unchanged', async () => {
    const error = await hooks.remove?.().catch((e: unknown) => e);
    expect(printed(error)).toBe(
      'numberplane: phone number +12065550100 (phone-1) has deletion protection enabled',
    );
    expect((error as Error).message).toBe(
      'phone number +12065550100 (phone-1) has deletion protection enabled',
    );
  });

  it('keep the id and properties that keep a half-made object in state', async () => {
    const error = await hooks.create?.().catch((e: unknown) => e);
    expect(error).toMatchObject({ message: 'still PENDING', id: 'phone-2', properties: { a: 1 } });
    expect(printed(error)).toBe('numberplane: still PENDING');
  });

  it('leave results alone', async () => {
    expect(await hooks.read?.('x')).toEqual({ id: 'x' });
  });

  it('leaves values that are not errors as they are', () => {
    expect(withoutFrames('plain')).toBe('plain');
    expect(withoutFrames(undefined)).toBeUndefined();
  });

  it('check failures name no property, so the engine prints no Go-syntax dump; each reason starts with its property', () => {
    expect(
      failuresAsLines({
        inputs: { a: 1 },
        failures: [
          { property: 'isoCountryCode', reason: 'isoCountryCode must be …; got "usa"' },
          { property: 'colour', reason: 'PhoneNumber has no property "colour"; remove it' },
          { property: 'connectors', reason: 'priority 1 is given to both a and b' },
        ],
      }),
    ).toEqual({
      inputs: { a: 1 },
      failures: [
        { property: '', reason: 'isoCountryCode must be …; got "usa"' },
        { property: '', reason: 'PhoneNumber has no property "colour"; remove it' },
        { property: '', reason: 'connectors: priority 1 is given to both a and b' },
      ],
    });
    expect(failuresAsLines({ inputs: {}, failures: [] })).toEqual({ inputs: {}, failures: [] });
  });
});
