// The root project's program (Pulumi.yaml): the YAML inventory named by stack config
// numberplane:inventory. It lives here, not in dist/, because the engine starts the
// dynamic-provider plugin in the directory of the program's main file, and the embedded
// simulator's default store (.numberplane/simulator.db) is relative to that directory.
module.exports = require('./dist/provider/inventory/program.js').default;
