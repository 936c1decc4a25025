#!/usr/bin/env node
import { runFromProcess } from '../main.js';

// Exit explicitly: after stop() nothing should be left running, but a stray keep-alive timer in a dependency
// must not keep the command alive after Ctrl-C.
runFromProcess().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
