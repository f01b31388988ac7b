/**
 * The dynamic-provider plugin prints each error a check, diff, read or delete hook throws
 * as `${error}: ${error.stack}` on its stderr, and the engine shows that under the stack: a
 * stack trace beside an error whose message already says what to do. An error leaving a
 * hook therefore prints as one line, `numberplane: MESSAGE`. Its message (what the engine
 * shows under the resource), code, and the id and properties that keep a half-made object
 * in state are untouched.
 */
export function withoutFrames(error: unknown): unknown {
  if (typeof error === 'object' && error !== null && 'message' in error) {
    const message = String(error.message);
    Object.defineProperty(error, 'stack', { value: message, configurable: true, writable: true });
    Object.defineProperty(error, 'toString', {
      value: () => 'numberplane',
      configurable: true,
      writable: true,
    });
  }
  return error;
}

type Hook = (...args: unknown[]) => Promise<unknown>;

interface Failure {
  property: string;
  reason: string;
}

/**
 * Check failures as the engine shows them: one named property makes it print `property P
 * value V has a problem: REASON`, V in Go syntax (`{[{VOICE} {FAX}]}`) before a reason that
 * quotes the value again. Without one it prints `has a problem: REASON`, so each failure
 * goes without it, its reason starting with the property's name.
 */
export function failuresAsLines(result: unknown): unknown {
  const failures = (result as { failures?: unknown } | undefined)?.failures;
  if (!Array.isArray(failures) || failures.length === 0) return result;
  return {
    ...(result as object),
    failures: (failures as Failure[]).map(({ property, reason }) => ({
      property: '',
      reason:
        property === '' || reason.startsWith(property) || reason.includes(`"${property}"`)
          ? reason
          : `${property}: ${reason}`,
    })),
  };
}
const wrapped = new WeakMap<object, Record<string, Hook>>();

/**
 * A hooks module's functions, each passing its errors through `withoutFrames`. It takes the
 * module, not its name: the provider loads it with its own `require`, which resolves from
 * the program's directory, as the connection module it configures does.
 */
export function userFacingHooks(module: Record<string, unknown>): Record<string, Hook> {
  let hooks = wrapped.get(module);
  if (!hooks) {
    hooks = {};
    for (const [name, hook] of Object.entries(module)) {
      if (typeof hook !== 'function') continue;
      hooks[name] = async (...args: unknown[]) => {
        try {
          const result = await (hook as Hook)(...args);
          return name === 'check' ? failuresAsLines(result) : result;
        } catch (error) {
          throw withoutFrames(error);
        }
      };
    }
    wrapped.set(module, hooks);
  }
  return hooks;
}
