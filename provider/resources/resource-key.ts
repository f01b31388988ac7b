import * as pulumi from '@pulumi/pulumi';
import { keyOfUrn } from './key-names';

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
  const parent = opts?.parent ? urnWithoutDependency(opts.parent) : undefined;
  return pulumi.createUrn(name, typeOf(kind), parent).apply(keyOfUrn);
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
