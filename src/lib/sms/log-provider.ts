// The `log` provider: appends each message as one JSON line `{to, template, params, at}` to a file
// (SMS_OUTBOX), so development and tests read codes from there. Used in production only for a
// pilot without an SMS contract, with a warning at start.
import { appendFileSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { SmsMessage, SmsSender } from './port.js'

export function createLogSms (outbox: string, now: () => Date = () => new Date()): SmsSender {
  mkdirSync(dirname(outbox), { recursive: true })
  return {
    provider: 'log',
    async send (message: SmsMessage): Promise<void> {
      const line = JSON.stringify({ to: message.to, template: message.template, params: message.params, at: now().toISOString() })
      // One write per line with O_APPEND: lines from concurrent sends never interleave.
      appendFileSync(outbox, line + '\n', { encoding: 'utf8', mode: 0o600 })
    }
  }
}
