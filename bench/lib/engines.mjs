// Engine processes for benchmarks: what test/processes/helpers/engine-process.ts and
// manager-client.ts do for tests, in plain JavaScript against the built dist/ (benches cannot
// import TypeScript).
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const daemon = path.join(root, 'dist/engine/daemon.js');
const require = createRequire(import.meta.url);
const { connectEngine } = require(path.join(root, 'dist/engine/transport/engine-client.js'));

export async function freePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Starts `understudy-engine serve` on 127.0.0.1 in its own process group. `track(child)` lets the
 * bench kill it on exit; `now()` stamps its output lines; `cpuProfDir` runs it under --cpu-prof.
 */
export async function startEngine({ dataDir, label, admin, track, now, cpuProfDir }) {
  const setAdmin = spawnSync(process.execPath, [daemon, 'set-admin', '--data-dir', dataDir, '--user', admin.user], { input: admin.password, encoding: 'utf8' });
  if (setAdmin.status !== 0) throw new Error(`set-admin failed: ${setAdmin.stderr}`);
  const port = await freePort();
  const nodeArgs = cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`, `--cpu-prof-name=${label}-${Date.now()}.cpuprofile`] : [];
  const child = track(
    spawn(process.execPath, [...nodeArgs, daemon, 'serve', '--data-dir', dataDir, '--port', String(port), '--bind', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'pipe'], detached: true }),
  );
  const engine = { child, port, label, output: '', lines: [], fingerprint: '' };
  const collect = (chunk) => {
    const text = chunk.toString();
    engine.output += text;
    const at = now();
    for (const line of text.split('\n')) if (line) engine.lines.push({ at, line });
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  engine.fingerprint = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${label} engine did not start within 20 s:\n${engine.output}`)), 20_000);
    const look = () => {
      const match = / fingerprint ([0-9A-F:]+)\n/.exec(engine.output);
      if (match) {
        clearTimeout(timer);
        child.stdout.off('data', look);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', look);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${label} engine exited with ${code}:\n${engine.output}`));
    });
  });
  return engine;
}

/** An administrator connection to an engine started by startEngine. */
export async function adminSession(engine, admin) {
  const session = await connectEngine({
    host: '127.0.0.1',
    port: engine.port,
    engineId: 'bench-manager',
    credentials: { method: 'password', ...admin },
    pin: { fingerprint: engine.fingerprint },
  });
  return session.connection;
}
