/**
 * The access key id and the signing service of a SigV4 `Authorization` header:
 * `AWS4-HMAC-SHA256 Credential=<AccessKeyId>/<date>/<region>/<service>/aws4_request, …`.
 * The access key id is the account's numberplane API key. The signature is not checked: the
 * store keeps only hashes of keys, so it has no secret to check a signature with.
 */
export interface SigV4Credentials {
  readonly accessKeyId: string;
  readonly service: string;
}

const CREDENTIAL =
  /^AWS4-HMAC-SHA256\s+Credential=([^/,\s]+)\/[^/,\s]*\/[^/,\s]*\/([^/,\s]+)\/aws4_request/;

/** The credentials a request was signed with, or undefined when it carries none. */
export function sigV4Credentials(authorization: string | undefined): SigV4Credentials | undefined {
  const match = authorization === undefined ? null : CREDENTIAL.exec(authorization.trim());
  if (!match) return undefined;
  return { accessKeyId: String(match[1]), service: String(match[2]) };
}
