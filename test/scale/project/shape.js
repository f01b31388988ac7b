/**
 * How N resources split, as a contact centre declares them: 4% voice connectors, up to three
 * groups, 2% opt-out lists, the rest phone numbers. The bench's no-op floor uses the same.
 */
module.exports = function shape(n) {
  const connectors = Math.max(2, Math.round(n * 0.04));
  const groups = Math.min(3, Math.floor(connectors / 2));
  const lists = Math.max(1, Math.round(n * 0.02));
  return { connectors, groups, lists, numbers: n - connectors - groups - lists };
};
