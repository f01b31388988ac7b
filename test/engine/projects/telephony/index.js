// Declares voice connectors, groups, opt-out lists and numbers from the JSON in stack
// config `telephony:spec`; entries refer to each other by key. Engine tests change the
// spec between operations to drive updates, replaces and drift.
const pulumi = require('@pulumi/pulumi');
const { OptOutList, PhoneNumber, VoiceConnector, VoiceConnectorGroup } = require('numberplane');

const spec = JSON.parse(new pulumi.Config('telephony').require('spec'));
const connectors = {};
const groups = {};
const lists = {};
const numbers = {};

for (const [key, args] of Object.entries(spec.connectors ?? {})) {
  connectors[key] = new VoiceConnector(key, args);
}
for (const [key, { connectors: members, ...args }] of Object.entries(spec.groups ?? {})) {
  groups[key] = new VoiceConnectorGroup(key, {
    ...args,
    connectors: members.map(({ connector, priority }) => ({
      voiceConnectorId: connectors[connector].voiceConnectorId,
      priority,
    })),
  });
}
for (const [key, args] of Object.entries(spec.optOutLists ?? {})) {
  lists[key] = new OptOutList(key, args);
}
for (const [key, { connector, group, optOutList, options, ...args }] of Object.entries(
  spec.numbers ?? {},
)) {
  numbers[key] = new PhoneNumber(
    key,
    {
      ...args,
      ...(connector ? { voiceConnectorId: connectors[connector].voiceConnectorId } : {}),
      ...(group ? { voiceConnectorGroupId: groups[group].voiceConnectorGroupId } : {}),
      ...(optOutList ? { optOutListName: lists[optOutList].optOutListName } : {}),
    },
    options ?? {},
  );
}

module.exports = {
  numbers: Object.fromEntries(Object.entries(numbers).map(([k, n]) => [k, n.phoneNumber])),
  numberIds: Object.fromEntries(Object.entries(numbers).map(([k, n]) => [k, n.phoneNumberId])),
  connectorIds: Object.fromEntries(
    Object.entries(connectors).map(([k, c]) => [k, c.voiceConnectorId]),
  ),
  groupIds: Object.fromEntries(
    Object.entries(groups).map(([k, g]) => [k, g.voiceConnectorGroupId]),
  ),
  listNames: Object.fromEntries(Object.entries(lists).map(([k, l]) => [k, l.optOutListName])),
};
