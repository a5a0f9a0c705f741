// Runs a WASI command under Node's node:wasi, as the reference to compare Petrel against.
// Usage: node node-wasi-run.js MODULE.wasm GUEST_DIR HOST_DIR [ARGS...]
'use strict';
const { WASI } = require('node:wasi');
const fs = require('node:fs');

const [modulePath, guestDir, hostDir, ...args] = process.argv.slice(2);
const wasi = new WASI({
  version: 'preview1',
  args: [modulePath, ...args],
  env: {},
  preopens: { [guestDir]: hostDir },
  returnOnExit: true,
});
WebAssembly.compile(fs.readFileSync(modulePath))
  .then((module) => WebAssembly.instantiate(module, wasi.getImportObject()))
  .then((instance) => {
    process.exitCode = wasi.start(instance);
  });
