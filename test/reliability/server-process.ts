// The real server (src/server.ts) as a child process on 127.0.0.1, for tests that must kill it,
// restart it or copy its database while it runs. Also mints API tokens with the known secret.
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { projectRoot } from '../../src/paths.js'
import { entryArgs } from '../helper.js'
import { freePort, mintToken } from '../../bench/http.js'

export { freePort }

export const TEST_JWT_SECRET = 'reliability-test-jwt-secret-0123456789abcdef'
export const TEST_PII_KEY = 'reliability-test-pii-key-0123456789abcdefgh'

export interface ServerProcess {
  child: ChildProcess
  pid: number
  baseUrl: string
  /** Everything the server wrote to stderr/stdout so far (for failure messages). */
  output: () => string
  /** Resolves when the process has exited. */
  exited: Promise<number | null>
  /** SIGTERM and wait (graceful). */
  stop: () => Promise<void>
  /** SIGKILL and wait. */
  kill: () => Promise<void>
}

export interface StartOptions {
  databasePath: string
  uploadDir?: string
  env?: Record<string, string>
  /** How long to wait for /healthz (ms). */
  timeoutMs?: number
}

/** Starts the server (`src/server.ts`, compiled when the tests are) and waits until /healthz answers 200. */
export async function startServer (opts: StartOptions): Promise<ServerProcess> {
  const port = await freePort()
  const child = spawn(process.execPath, entryArgs('src/server.ts'), {
    cwd: projectRoot,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_PATH: opts.databasePath,
      UPLOAD_DIR: opts.uploadDir ?? join(opts.databasePath, '..', 'uploads'),
      JWT_SECRET: TEST_JWT_SECRET,
      PII_KEY: TEST_PII_KEY,
      // As in production: checkpoints in the background thread, so a kill can land mid-checkpoint.
      WAL_CHECKPOINT: 'background',
      ...opts.env
    },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let out = ''
  child.stdout?.on('data', (d: Buffer) => { out += d.toString() })
  child.stderr?.on('data', (d: Buffer) => { out += d.toString() })
  const exited = new Promise<number | null>((resolve) => { child.on('exit', (code) => { resolve(code) }) })
  let hasExited = false
  // eslint-disable-next-line no-void -- deliberately floating: the loop below polls the flag
  void exited.then(() => { hasExited = true })
  const baseUrl = `http://127.0.0.1:${port}`
  const deadline = Date.now() + (opts.timeoutMs ?? 30_000)
  for (;;) {
    if (hasExited) throw new Error(`server exited before answering:\n${out}`)
    try {
      const res = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(1000) })
      if (res.ok) break
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`server did not answer /healthz in time:\n${out}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  const signalAndWait = async (signal: NodeJS.Signals): Promise<void> => {
    if (!hasExited) child.kill(signal)
    await exited
  }
  return {
    child,
    pid: child.pid!,
    baseUrl,
    output: () => out,
    exited,
    stop: async () => { await signalAndWait('SIGTERM') },
    kill: async () => { await signalAndWait('SIGKILL') }
  }
}

/** An API token for `userId`, signed with the secret the test server runs with. */
export function tokenFor (userId: number, tokenVersion = 0): string {
  return mintToken(userId, tokenVersion, TEST_JWT_SECRET)
}
