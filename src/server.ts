// Entry point: configuration → buildApp → listen; a graceful shutdown on signals. With
// WEB_CONCURRENCY > 1 this process is the cluster primary and forks the server processes
// (src/cluster/): one writer, the rest readers that forward writes to it.
import closeWithGrace from 'close-with-grace'
import type { Server } from 'node:http'
import { loadConfig, ConfigError, type Config } from './config.js'
import { roleOf } from './cluster/role.js'
import { DRAIN_MESSAGE, READY_MESSAGE, runPrimary } from './cluster/primary.js'
import { closeServer, forwardWrites, listenForForwardedWrites } from './cluster/forward.js'

const GRACE_MS = 10_000

async function main (): Promise<void> {
  let config
  try {
    config = loadConfig()
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(err.message + '\n')
      process.exit(1)
    }
    throw err
  }
  const role = roleOf(config.webConcurrency)
  if (role.kind === 'primary') {
    await runPrimary({ processes: config.webConcurrency, drainMs: GRACE_MS + 2_000, log: primaryLog(config) })
    return
  }
  // Loaded here, not at the top: the cluster primary never serves, and so never loads the app.
  const { buildApp } = await import('./app.js')
  const app = await buildApp(config, { housekeeping: role.kind !== 'reader' })
  let forwarded: Server | null = null
  let stopForwarding = (): void => {}
  if (role.kind === 'reader') {
    stopForwarding = forwardWrites(app.server, role.socketPath, (err) => { app.log.error({ err }, 'forwarding a write to the writer process failed') })
  }
  let closing: Promise<void> | null = null
  const close = async (): Promise<void> => {
    // Writes forwarded by readers finish before the database closes.
    if (forwarded !== null) await closeServer(forwarded)
    await app.close()
    stopForwarding()
  }
  const grace = closeWithGrace({ delay: GRACE_MS }, async ({ signal, err }) => {
    if (err !== undefined) app.log.error({ err }, 'server closing with error')
    else app.log.info(`${signal === undefined ? 'drain requested by the primary' : `${String(signal)} received`}, server closing`)
    // Once, whether a signal, the primary's request, or both (a service manager signals every process).
    closing ??= close()
    await closing
  })
  if (role.kind !== 'single') process.on('message', (m) => { if (m === DRAIN_MESSAGE) grace.close() })
  await app.listen({ port: config.port, host: config.host })
  if (role.kind === 'writer') forwarded = await listenForForwardedWrites(app.server, role.socketPath)
  if (role.kind !== 'single') process.send?.(READY_MESSAGE)
}

/** The primary has no Fastify logger: one JSON line per event, in pino's shape. */
function primaryLog (config: Config) {
  const levels = { info: 30, warn: 40, error: 50 } as const
  const numbers: Record<string, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: Infinity }
  const floor = numbers[config.logLevel] ?? 30
  return (level: keyof typeof levels, msg: string, extra: Record<string, unknown> = {}): void => {
    if (levels[level] < floor) return
    process.stdout.write(JSON.stringify({ level: levels[level], time: Date.now(), pid: process.pid, role: 'primary', ...extra, msg }) + '\n')
  }
}

main().catch((err) => {
  process.stderr.write(String(err?.stack ?? err) + '\n')
  process.exit(1)
})
