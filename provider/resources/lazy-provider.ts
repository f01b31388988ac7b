import type * as pulumi from '@pulumi/pulumi';

/**
 * A dynamic provider whose methods load their implementation by package name when the
 * engine calls them. Pulumi stores this object's code in every resource's state
 * (`__provider`); it captures only the module name, never a client, a key or zod, and the
 * engine's provider process requires the hooks from the project's node_modules.
 */
export function lazyProvider(hooksModule: string): pulumi.dynamic.ResourceProvider {
  return {
    async configure(request) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('numberplane/dist/provider/resources/hooks/connection').configure(request.config);
    },
    async check(olds, news) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return require(hooksModule).check(olds, news);
    },
    async diff(id, olds, news) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return require(hooksModule).diff(id, olds, news);
    },
    async create(inputs) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return require(hooksModule).create(inputs);
    },
    async read(id, props) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return require(hooksModule).read(id, props);
    },
    async update(id, olds, news) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return require(hooksModule).update(id, olds, news);
    },
    async delete(id, props) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return require(hooksModule).remove(id, props);
    },
  };
}

/** Stable per resource: the create idempotency key is derived from it. */
export function resourceKey(project: string, stack: string, name: string): string {
  return `${project}/${stack}/${name}`;
}
