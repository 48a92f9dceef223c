// Starts moto's standalone server (`python3 -m moto.server`) on a free
// loopback port for a test, and stops it again.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';

/** Why moto cannot run here, or undefined when `python3 -c "import moto"` works. */
export function motoMissingReason(): string | undefined {
  try {
    execFileSync('python3', ['-c', 'import moto'], { stdio: 'ignore', timeout: 20_000 });
    return undefined;
  } catch {
    return 'python3 cannot import moto (install it with pip install "moto[server]")';
  }
}

/** A port nothing listens on right now: bind port 0 on loopback, read it, close. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close((error) => (error ? reject(error) : resolve(port)));
    });
  });
}

export interface MotoServer {
  endpoint: string;
  close: () => Promise<void>;
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    force.unref();
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Starts moto and resolves once it answers HTTP; rejects (with moto's stderr) if it never does. */
export async function startMoto(attempts = 200, pauseMs = 100): Promise<MotoServer> {
  const port = await freePort();
  const child = spawn('python3', ['-m', 'moto.server', '-p', String(port), '-H', '127.0.0.1'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  // Drained so moto never blocks on a full pipe; the tail explains a failed start.
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4_000);
  });
  let spawnError: Error | undefined;
  child.once('error', (error) => {
    spawnError = error;
  });
  // If the test process goes away without afterAll, moto goes with it.
  const onExit = (): void => void child.kill('SIGKILL');
  process.once('exit', onExit);
  const close = async (): Promise<void> => {
    process.removeListener('exit', onExit);
    await stop(child);
  };

  const endpoint = `http://127.0.0.1:${port}`;
  try {
    for (let attempt = 1; ; attempt += 1) {
      if (spawnError) throw spawnError;
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`moto exited before answering (${String(child.exitCode ?? child.signalCode)}): ${stderr}`);
      try {
        const response = await fetch(`${endpoint}/`);
        await response.arrayBuffer();
        if (response.ok) break;
      } catch {
        // Not listening yet.
      }
      if (attempt >= attempts) throw new Error(`moto did not answer on ${endpoint} after ${attempts} tries: ${stderr}`);
      await delay(pauseMs);
    }
  } catch (error) {
    await close();
    throw error;
  }
  return { endpoint, close };
}
