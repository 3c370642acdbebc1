// Runs a Node.js program for a JVM parent and exits when the parent goes away (its stdin closes), so a killed JVM
// never leaves the program listening.
'use strict';
const program = process.argv[2];
process.argv.splice(2, 1);
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
process.stdin.on('close', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));
require(program);
