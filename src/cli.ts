#!/usr/bin/env node
// no-color.org: a non-empty NO_COLOR turns colour off. Chalk, which Ink draws with, decides its
// colour level from FORCE_COLOR once, when it is first imported, so set it before anything loads.
// A theme asked for on the command line overrides it, as no-color.org asks of command-line arguments.
const asksForTheme = process.argv.some((argument) => argument === '--theme' || argument.startsWith('--theme='));
if (process.env.NO_COLOR && !asksForTheme) process.env.FORCE_COLOR = '0';

const { main } = await import('./main.js');
process.exitCode = await main(process.argv);
