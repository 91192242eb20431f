import type { FastifyRequest } from 'fastify'
import { normaliseMobile } from '../../domain/identity.js'

/** Sign-in and sign-up: 10 a minute per phone number and address together. */
export function authRateLimit () {
  return {
    max: 10,
    timeWindow: 60_000,
    hook: 'preHandler' as const,
    keyGenerator: (req: FastifyRequest) => {
      const phone = (req.body as Record<string, unknown> | undefined)?.phone
      const key = typeof phone === 'string' ? (normaliseMobile(phone) ?? phone.slice(0, 32)) : ''
      return `${req.ip}|${key}`
    }
  }
}

