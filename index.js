// The root project's program (Pulumi.yaml): the YAML inventory named by stack config
// numberplane:inventory. It lives here, not in dist/, because the engine starts the
// dynamic-provider plugin in the directory of the program's main file, and the embedded
// simulator's default store (.numberplane/simulator.db) is relative to that directory.
// It loads the package by name, from node_modules as a user's program does (npm run build
// installs it there), so each resource stores its provider as a short require().
module.exports = require('numberplane/dist/provider/inventory/program.js').default;
