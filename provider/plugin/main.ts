// `pulumi-resource-numberplane` (bin/): the engine starts it as the `numberplane` plugin.
import { main } from '@pulumi/pulumi/provider';
import { configure } from '../resources/hooks/connection';
import { packageVersion } from './package-schema';
import { fixSdkServer } from './sdk-server-fixes';
import { pluginProvider } from './plugin-provider';

fixSdkServer(configure);
void main(pluginProvider(packageVersion()), process.argv.slice(2));
