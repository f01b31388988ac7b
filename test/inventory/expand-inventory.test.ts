import { plannedNumbers, routingOrder } from '../../provider/inventory/expand-inventory';
import type { Inventory } from '../../provider/inventory/inventory-schema';

const number = {
  isoCountryCode: 'US',
  numberType: 'SIMULATOR' as const,
  numberCapabilities: ['SMS' as const],
};
const inventory = (count?: number): Inventory =>
  ({
    phoneNumbers: { support: { ...number }, agents: { ...number, ...(count ? { count } : {}) } },
  }) as Inventory;

describe('count expansion and routing order', () => {
  it('names counted numbers KEY-1 … KEY-N and others by their key', () => {
    expect(plannedNumbers(inventory(3)).map((n) => n.name)).toEqual([
      'support',
      'agents-1',
      'agents-2',
      'agents-3',
    ]);
    expect(plannedNumbers(inventory()).map((n) => n.name)).toEqual(['support', 'agents']);
  });

  it('growing a count only adds names and shrinking only removes the highest', () => {
    const three = plannedNumbers(inventory(3)).map((n) => n.name);
    const five = plannedNumbers(inventory(5)).map((n) => n.name);
    expect(five.filter((name) => !three.includes(name))).toEqual(['agents-4', 'agents-5']);
    expect(three.filter((name) => !five.includes(name))).toEqual([]);
  });

  it('orders each group’s connectors by priority, 1 first', () => {
    const groups = {
      voiceConnectorGroups: {
        main: {
          connectors: [
            { voiceConnector: 'west', priority: 2 },
            { voiceConnector: 'east', priority: 1 },
          ],
        },
      },
    } as Inventory;
    expect(routingOrder(groups)).toEqual({ main: ['east', 'west'] });
  });
});
