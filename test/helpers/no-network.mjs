// Preloaded with --import into a child process (and, through execArgv, its worker threads):
// any attempt to reach the network is recorded and refused, and the count printed at exit.
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import workers, { isMainThread } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { appendFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const log = process.env.NO_NETWORK_LOG;
const refuse = (what) => {
  if (log) appendFileSync(log, `${what}\n`);
  throw new Error(`network access refused: ${what}`);
};
net.Socket.prototype.connect = function connect() {
  refuse('net.connect');
};
dns.lookup = () => refuse('dns.lookup');
http.request = () => refuse('http.request');
https.request = () => refuse('https.request');
http.get = () => refuse('http.get');
https.get = () => refuse('https.get');
globalThis.fetch = async (url) => refuse(`fetch ${url}`);
// Node 20 does not run an inherited --import in worker threads: pass it on explicitly
const self = fileURLToPath(import.meta.url);
const Base = workers.Worker;
workers.Worker = class extends Base {
  constructor(file, options = {}) {
    const execArgv = [...(options.execArgv ?? process.execArgv)];
    if (!execArgv.includes(self)) execArgv.push('--import', self);
    super(file, { ...options, execArgv });
  }
};
// named ESM imports of these built-ins see the patched functions too
syncBuiltinESMExports();
if (isMainThread && log) appendFileSync(log, '');
