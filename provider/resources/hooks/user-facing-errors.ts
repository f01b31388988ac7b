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
          return await (hook as Hook)(...args);
        } catch (error) {
          throw withoutFrames(error);
        }
      };
    }
    wrapped.set(module, hooks);
  }
  return hooks;
}
