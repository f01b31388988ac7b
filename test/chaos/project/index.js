// Declares what the JSON file at NUMBERPLANE_CHAOS_SPEC lists: the soak writes one per round
// (test/chaos/round-plan.ts), so each round creates numbers, deletes others and moves some
// between voice connector groups and opt-out lists. Entries refer to each other by name.
const { readFileSync } = require('node:fs');
const { OptOutList, PhoneNumber, VoiceConnector, VoiceConnectorGroup } = require('numberplane');

const path = process.env.NUMBERPLANE_CHAOS_SPEC;
if (!path) throw new Error('set NUMBERPLANE_CHAOS_SPEC to the round spec the soak wrote');
const spec = JSON.parse(readFileSync(path, 'utf8'));

const connectors = {};
for (const [name, args] of Object.entries(spec.connectors)) {
  connectors[name] = new VoiceConnector(name, args);
}
const groups = {};
for (const [name, members] of Object.entries(spec.groups)) {
  groups[name] = new VoiceConnectorGroup(name, {
    connectors: members.map((member, i) => ({
      voiceConnectorId: connectors[member].voiceConnectorId,
      priority: i + 1,
    })),
  });
}
const lists = {};
for (const name of spec.optOutLists) lists[name] = new OptOutList(name);

for (const [name, number] of Object.entries(spec.numbers)) {
  new PhoneNumber(name, {
    isoCountryCode: 'US',
    numberType: 'SIMULATOR',
    areaCode: number.areaCode,
    numberCapabilities: number.group ? ['VOICE'] : ['SMS'],
    deletionProtectionEnabled: number.protected,
    ...(number.tags ? { tags: number.tags } : {}),
    ...(number.group
      ? {
          productType: 'VoiceConnector',
          voiceConnectorGroupId: groups[number.group].voiceConnectorGroupId,
        }
      : { optOutListName: lists[number.optOutList].optOutListName }),
  });
}
