/* eslint-disable @typescript-eslint/no-require-imports -- the SDK's own gRPC and proto modules, found from it */
import { dirname } from 'node:path';
import type * as structproto from 'google-protobuf/google/protobuf/struct_pb';
import * as provproto from '@pulumi/pulumi/proto/provider_pb';
import * as provrpc from '@pulumi/pulumi/proto/provider_grpc_pb';

/** What the engine's Configure carries that the provider needs: `pkg:config:key` → value. */
export interface PluginConfig {
  get(key: string): string | undefined;
}

type Callback<T> = (error: Error | null, value?: T) => void;
interface UnaryCall<T> {
  request: T;
}
type Handler<T, R> = (call: UnaryCall<T>, callback: Callback<R>) => void;
interface ProviderServer {
  configure: Handler<provproto.ConfigureRequest, provproto.ConfigureResponse>;
  read: Handler<provproto.ReadRequest, provproto.ReadResponse>;
}
interface GrpcServerClass {
  prototype: { addService(service: unknown, implementation: object): void };
}

/**
 * `@pulumi/pulumi/provider`'s server (3.248, and still in 3.276) needs two fixes, made
 * where it registers its handlers, before `main` starts it:
 *
 * - Configure: it answers without passing the configuration on, and says it accepts
 *   secrets, so `numberplane:endpoint` and `numberplane:apiKey` never reach the provider
 *   and secret inputs would arrive wrapped. This one hands the variables to `configure`
 *   and answers that it accepts neither secrets nor resources: the engine then sends plain
 *   values and marks secret every output whose input was secret, as for any such provider.
 * - Read: an import's ReadRequest carries no properties, and its handler calls
 *   `getProperties().toJavaScript()` on nothing ("Cannot read properties of undefined").
 *   An empty Struct stands in for them.
 */
export function fixSdkServer(configure: (config: PluginConfig) => void): void {
  const sdkDir = dirname(require.resolve('@pulumi/pulumi/package.json'));
  const fromSdk = (name: string): unknown => require(require.resolve(name, { paths: [sdkDir] }));
  const grpc = fromSdk('@grpc/grpc-js') as { Server: GrpcServerClass };
  const { Struct } = fromSdk('google-protobuf/google/protobuf/struct_pb') as typeof structproto;
  const addService = grpc.Server.prototype.addService;
  grpc.Server.prototype.addService = function (service, implementation) {
    const fixed =
      service === provrpc.ResourceProviderService
        ? withFixes(implementation as ProviderServer, configure, () => new Struct())
        : implementation;
    addService.call(this, service, fixed);
  };
}

function withFixes(
  server: ProviderServer,
  configure: (config: PluginConfig) => void,
  emptyStruct: () => structproto.Struct,
): object {
  const fixed: ProviderServer = Object.create(server) as ProviderServer;
  fixed.configure = (call, callback) => {
    const variables = call.request.getVariablesMap();
    try {
      configure({ get: (key) => variables.get(key.replace(':', ':config:')) });
    } catch (error) {
      callback(error as Error);
      return;
    }
    const response = new provproto.ConfigureResponse();
    response.setAcceptsecrets(false);
    response.setAcceptresources(false);
    response.setSupportspreview(false);
    callback(null, response);
  };
  fixed.read = (call, callback) => {
    if (!call.request.hasProperties()) call.request.setProperties(emptyStruct());
    server.read.call(fixed, call, callback);
  };
  return fixed;
}
