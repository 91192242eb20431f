import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify'
import { normaliseMobile } from '../../domain/identity.js'

export const AUTH_ATTEMPTS_PER_MINUTE = 10

export interface AuthLimits {
  signIn: preHandlerAsyncHookHandler
  signUp: preHandlerAsyncHookHandler
  /** Password resets by SMS code (asking for a code and confirming one). */
  reset: preHandlerAsyncHookHandler
}

/**
 * Sign-in and sign-up: 10 a minute per phone number and address together. One limiter per
 * action, shared by the page form and the JSON API, so switching doors gives no extra tries.
 */
export function createAuthLimits (app: FastifyInstance): AuthLimits {
  const options = {
    max: AUTH_ATTEMPTS_PER_MINUTE,
    timeWindow: 60_000,
    keyGenerator: (req: FastifyRequest) => {
      const phone = (req.body as Record<string, unknown> | undefined)?.phone
      const key = typeof phone === 'string' ? (normaliseMobile(phone) ?? phone.slice(0, 32)) : ''
      return `${req.ip}|${key}`
    }
  }
  return { signIn: app.rateLimit(options), signUp: app.rateLimit(options), reset: app.rateLimit(options) }
}
