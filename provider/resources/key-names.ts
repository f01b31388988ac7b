import { createHash } from 'node:crypto';

/**
 * What a resource's key (resource-key.ts) says: its name, its stack, the names made from
 * it. Apart from resource-key.ts so that the hooks, which both providers run, do not load
 * the whole Pulumi SDK to read a key (the plugin starts faster).
 */

/** A URN whose type has no parent types (`A$B`): the resource's parent is the stack. */
export function isTopLevel(urn: string): boolean {
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

/**
 * A resource's key from its URN (the dynamic resources' in resource-key.ts, the plugin's
 * from the URN the engine sends): a top-level resource's is `project/stack/name`, the key
 * numberplane 0.1 gave it, so the key survives an upgrade and a move to the plugin; a
 * child's is its URN.
 */
export function keyOfUrn(urn: string): string {
  if (!isTopLevel(urn)) return urn;
  const [stack = '', project = '', , ...name] = urn.slice('urn:pulumi:'.length).split('::');
  return `${project}/${stack}/${name.join('::')}`;
}
