// A program as users structure theirs: components that each declare a VoiceConnector
// 'edge' and a PhoneNumber 'main-line', and a 'main-line' of its own at the top level.
// Pulumi tells the resources apart by their parents' types (the URN), so each component is
// a type of its own: acme:telephony:Headquarters, acme:telephony:Branch.
import * as pulumi from '@pulumi/pulumi';
import { PhoneNumber, VoiceConnector } from 'numberplane';

const config = new pulumi.Config();
const sites = config.getObject<string[]>('sites') ?? ['Headquarters', 'Branch'];
const team = config.get('team');
const tags = team ? { team } : undefined;

const line = {
  isoCountryCode: 'US',
  numberType: 'SIMULATOR' as const,
  numberCapabilities: ['VOICE' as const],
  productType: 'VoiceConnector' as const,
  tags,
};

class Site extends pulumi.ComponentResource {
  readonly connector: VoiceConnector;
  readonly mainLine: PhoneNumber;

  constructor(kind: string, opts?: pulumi.ComponentResourceOptions) {
    super(`acme:telephony:${kind}`, kind.toLowerCase(), {}, opts);
    this.connector = new VoiceConnector('edge', { awsRegion: 'us-east-1' }, { parent: this });
    this.mainLine = new PhoneNumber(
      'main-line',
      { ...line, voiceConnectorId: this.connector.voiceConnectorId },
      { parent: this },
    );
    this.registerOutputs({});
  }
}

const topLevel = new PhoneNumber('main-line', line);
const bySite = Object.fromEntries(sites.map((kind) => [kind.toLowerCase(), new Site(kind)]));

export const numbers = {
  topLevel: topLevel.phoneNumber,
  ...Object.fromEntries(
    Object.entries(bySite).map(([name, site]) => [name, site.mainLine.phoneNumber]),
  ),
};
export const connectors = Object.fromEntries(
  Object.entries(bySite).map(([name, site]) => [name, site.connector.voiceConnectorId]),
);
