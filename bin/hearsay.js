#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist (built by `npm install` through the prepare script).
import { runCli } from '../dist/src/cli/main.js';

// A reader that goes away (`hearsay search … | head`) ends the run quietly, as with other Unix tools.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2));
