// Runs dynalite on loopback for a JVM parent and exits when the parent goes away (its stdin closes), so a
// killed test run never leaves a server listening.
'use strict';
const [dynalitePath, port, dataPath] = process.argv.slice(2);
const dynalite = require(dynalitePath);
const options = { createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 };
if (dataPath) {
  options.path = dataPath;
}
const server = dynalite(options);
server.on('error', (err) => {
  console.error(`dynalite failed to listen on 127.0.0.1:${port}: ${err.message}`);
  process.exit(2);
});
server.listen(Number(port), '127.0.0.1', () => {
  console.log(`dynalite listening on 127.0.0.1:${server.address().port}`);
});
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
process.stdin.on('close', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));
