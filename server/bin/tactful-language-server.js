#!/usr/bin/env node
// Tactful's language server. Editors start it with `--stdio` (default),
// `--node-ipc`, `--socket=<port>` or `--pipe=<name>`.
const transports = ['--stdio', '--node-ipc', '--socket', '--pipe'];
if (!process.argv.slice(2).some((arg) => transports.some((t) => arg === t || arg.startsWith(`${t}=`)))) {
  process.argv.push('--stdio');
}
await import('../out/server.js');
