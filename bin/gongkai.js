#!/usr/bin/env node
// Launcher: the CLI lives in dist/ (built by `npm install` through the prepare script).
import { main } from '../dist/cli/main.js';

// `gongkai export | head`: the reader went away; that is not an error
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    // a bug, not bad input: say so briefly, without a stack trace unless asked
    process.stderr.write(`gongkai 内部错误：${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env.GONGKAI_DEBUG) process.stderr.write(`${error?.stack ?? ''}\n`);
    process.exitCode = 70;
  },
);
