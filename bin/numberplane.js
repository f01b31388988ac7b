#!/usr/bin/env node
// The numberplane CLI; the compiled code lives in dist/ (npm run build).
require('../dist/provider/cli/main.js').runCli(process.argv.slice(2));
