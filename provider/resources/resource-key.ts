import { createHash } from 'node:crypto';
import * as pulumi from '@pulumi/pulumi';

/** The type token `pulumi.dynamic.Resource` gives numberplane's resources of this kind. */
const typeOf = (kind: string): string => `pulumi-nodejs:dynamic/numberplane:${kind}`;

/**
 * The resource's key, from which the create's idempotency token is derived: its URN, so
 * one name under different parents (components) is two resources, two tokens, two objects.
 * A resource at the top level keeps the key numberplane 0.1 gave it (`project/stack/name`:
 * the same facts, as the token adds the kind), so a stack made before this keeps its
 * tokens and gets its released numbers back. `check` keeps the key a resource was created
 * with, so an alias or a move under a component changes nothing.
 */
export function resourceKey(
  kind: string,
  name: string,
  opts: pulumi.CustomResourceOptions | undefined,
): pulumi.Output<string> {
  const project = pulumi.getProject();
  const stack = pulumi.getStack();
  const parent = opts?.parent ? urnWithoutDependency(opts.parent) : undefined;
  return pulumi
    .createUrn(name, typeOf(kind), parent)
    .apply((urn) => (isTopLevel(urn) ? `${project}/${stack}/${name}` : urn));
}

/**
 * The parent's URN as a value that depends on nothing: an input that depends on a component
 * depends on all its children, this resource among them, and the program would wait for
 * itself (the runtime then exits reporting promises still active).
 */
function urnWithoutDependency(parent: pulumi.Resource): pulumi.Output<string> {
  return pulumi.output(
    new Promise<string>((resolve) => {
      parent.urn.apply((urn) => {
        resolve(urn);
        return urn;
      });
    }),
  );
}

/** A URN whose type has no parent types (`A$B`): the resource's parent is the stack. */
function isTopLevel(urn: string): boolean {
  const type = urn.split('::')[2] ?? '';
  return !type.includes('$');
}

/** The resource's own name, the last part of its key (`project/stack/name` or a URN). */
export function nameInKey(key: string): string {
  return key.startsWith('urn:pulumi:')
    ? key.split('::').slice(3).join('::')
    : key.split('/').slice(2).join('/');
}

/**
 * A name as Pulumi's auto-naming makes one: the resource's name and a 7-character suffix.
 * The suffix is derived from the key (which holds the stack and, for a child, its parents)
 * and from what replaces the object, not drawn at random: a run repeated after a crash
 * makes the same name, so never a second object, while two stacks, two components or a
 * replacement (made before the old object goes) each get a name of their own.
 */
export function autoName(key: string, replacing: unknown): string {
  const suffix = createHash('sha256')
    .update(`${key}\u0000${JSON.stringify(replacing ?? null)}`)
    .digest('hex')
    .slice(0, 7);
  return `${nameInKey(key)}-${suffix}`;
}

/** The stack a key names, as `project/stack`: who holds the resource's object (ClaimOwnership). */
export function stackOfKey(key: string): string {
  if (key.startsWith('urn:pulumi:')) {
    const [stack, project] = key.slice('urn:pulumi:'.length).split('::');
    return `${project ?? ''}/${stack ?? ''}`;
  }
  return key.split('/').slice(0, 2).join('/');
}
