// N resources in one stack, as a contact centre declares them (see shape.js); half the
// numbers take calls through a voice connector group, half send SMS with an opt-out list.
// N comes from NUMBERPLANE_SCALE_RESOURCES, so the scale test and `npm run bench` run
// the same program at any size.
const { OptOutList, PhoneNumber, VoiceConnector, VoiceConnectorGroup } = require('numberplane');

const n = Number(process.env.NUMBERPLANE_SCALE_RESOURCES);
if (!Number.isInteger(n) || n < 10) {
  throw new Error('set NUMBERPLANE_SCALE_RESOURCES to the number of resources (at least 10)');
}
const shape = require('./shape')(n);

const regions = ['us-east-1', 'us-west-2', 'eu-west-2'];
const connectors = Array.from(
  { length: shape.connectors },
  (_, i) => new VoiceConnector(`vc-${i}`, { awsRegion: regions[i % 3] }),
);
const groups = Array.from(
  { length: shape.groups },
  (_, i) =>
    new VoiceConnectorGroup(`group-${i}`, {
      connectors: [0, 1].map((k) => ({
        voiceConnectorId: connectors[i * 2 + k].voiceConnectorId,
        priority: k + 1,
      })),
    }),
);
const lists = Array.from({ length: shape.lists }, (_, i) => new OptOutList(`list-${i}`));
for (let i = 0; i < shape.numbers; i++) {
  const voice = i % 2 === 0;
  new PhoneNumber(`number-${i}`, {
    isoCountryCode: 'US',
    numberType: 'SIMULATOR',
    areaCode: ['206', '212', '312', '415', '503'][i % 5],
    numberCapabilities: voice ? ['VOICE'] : ['SMS'],
    ...(voice
      ? {
          productType: 'VoiceConnector',
          voiceConnectorGroupId: groups[i % groups.length].voiceConnectorGroupId,
        }
      : { optOutListName: lists[i % lists.length].optOutListName }),
  });
}
