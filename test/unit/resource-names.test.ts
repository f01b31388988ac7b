import { namedIn, namesOf, resourceNames } from '../../provider/ci/resource-names';

const resources = [
  {
    urn: 'urn:pulumi:dev::telephony::pulumi-nodejs:dynamic/numberplane:VoiceConnector::east',
    type: 'pulumi-nodejs:dynamic/numberplane:VoiceConnector',
    id: 'vc-1',
  },
  {
    urn: 'urn:pulumi:dev::telephony::acme:Site$pulumi-nodejs:dynamic/numberplane:VoiceConnectorGroup::main',
    type: 'pulumi-nodejs:dynamic/numberplane:VoiceConnectorGroup',
    id: 'vcg-1',
  },
  {
    urn: 'urn:pulumi:dev::telephony::pulumi-nodejs:dynamic/numberplane:PhoneNumber::line',
    type: 'pulumi-nodejs:dynamic/numberplane:PhoneNumber',
    id: 'phone-1',
  },
];

describe('drift names the stack’s connectors and groups it shows by id', () => {
  it('knows connectors and groups by id, not numbers', () => {
    expect(resourceNames(resources)).toEqual({ 'vc-1': 'east', 'vcg-1': 'main' });
  });

  it('finds ids anywhere in a value, a group’s members included', () => {
    const names = resourceNames(resources);
    expect(namedIn([{ voiceConnectorId: 'vc-1', priority: 1 }, 'vc-9'], names)).toEqual({
      'vc-1': 'east',
    });
    expect(namesOf('vcg-1', names)).toBe(' (vcg-1 is main)');
    expect(namesOf(null, names)).toBe('');
  });
});
