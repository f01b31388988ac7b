import * as pulumi from '@pulumi/pulumi';
import { OptOutList, PhoneNumber, VoiceConnector, VoiceConnectorGroup } from 'numberplane';

const config = new pulumi.Config();
const agents = config.getNumber('agents') ?? 2;
// Turn off to retire the main line: first `up` with it false, then destroy.
const protectMainLine = config.getBoolean('protectMainLine') ?? true;

const east = new VoiceConnector('east', { awsRegion: 'us-east-1' });
const west = new VoiceConnector('west', { awsRegion: 'us-west-2' });

const contactCenter = new VoiceConnectorGroup('contact-center', {
  connectors: [
    { voiceConnectorId: east.voiceConnectorId, priority: 1 },
    { voiceConnectorId: west.voiceConnectorId, priority: 2 },
  ],
});

const optOuts = new OptOutList('customer-opt-outs');

// The main line: Pulumi's `protect` stops `pulumi destroy` before the provider is asked,
// and the backend's own deletion protection stops anyone else releasing it.
const mainLine = new PhoneNumber(
  'main-line',
  {
    isoCountryCode: 'US',
    numberType: 'SIMULATOR',
    numberCapabilities: ['VOICE', 'SMS'],
    productType: 'VoiceConnector',
    voiceConnectorGroupId: contactCenter.voiceConnectorGroupId,
    optOutListName: optOuts.optOutListName,
    deletionProtectionEnabled: protectMainLine,
  },
  { protect: protectMainLine },
);

// Agent lines: operators retag them by hand, so tag changes are not drift to undo.
const agentLines = Array.from(
  { length: agents },
  (_, i) =>
    new PhoneNumber(
      `agent-${i + 1}`,
      {
        isoCountryCode: 'US',
        numberType: 'SIMULATOR',
        numberCapabilities: ['VOICE'],
        productType: 'VoiceConnector',
        voiceConnectorGroupId: contactCenter.voiceConnectorGroupId,
        tags: { team: 'support' },
      },
      { ignoreChanges: ['tags'] },
    ),
);

export const mainNumber = mainLine.phoneNumber;
export const agentNumbers = agentLines.map((line) => line.phoneNumber);
