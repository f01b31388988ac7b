// One trivial dynamic resource: proves the engine, the dynamic-provider plugin and the
// file state backend work together, nothing more.
const pulumi = require('@pulumi/pulumi');

const smokeProvider = {
  async create(inputs) {
    return { id: `smoke-${inputs.greeting}`, outs: { ...inputs, createdBy: 'smoke-provider' } };
  },
  async read(id, props) {
    return { id, props };
  },
  async diff(_id, olds, news) {
    const replaces = olds.greeting === news.greeting ? [] : ['greeting'];
    return { changes: replaces.length > 0, replaces };
  },
  async delete() {},
};

class Smoke extends pulumi.dynamic.Resource {
  constructor(name, args, opts) {
    super(smokeProvider, name, { ...args, createdBy: undefined }, opts, 'numberplane', 'Smoke');
  }
}

const smoke = new Smoke('hello', { greeting: 'hello' });

module.exports = { smokeId: smoke.id, createdBy: smoke.createdBy };
