// Entry point: configuration → buildApp → listen; a graceful shutdown on signals.
import closeWithGrace from 'close-with-grace'
import { loadConfig, ConfigError } from './config.js'
import { buildApp } from './app.js'

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
  const app = await buildApp(config)
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err !== undefined) app.log.error({ err }, 'server closing with error')
    else app.log.info(`${String(signal)} received, server closing`)
    await app.close()
  })
  await app.listen({ port: config.port, host: config.host })
}

main().catch((err) => {
  process.stderr.write(String(err?.stack ?? err) + '\n')
  process.exit(1)
})
