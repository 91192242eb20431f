// Third-party security plugins, configured once: cookies, form bodies, helmet with a strict
// CSP (no inline scripts or styles), CSRF tokens for forms, multipart uploads, rate limits.
import fp from 'fastify-plugin'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import cookie from '@fastify/cookie'
import formbody from '@fastify/formbody'
import helmet from 'helmet'
import csrf from '@fastify/csrf-protection'
import multipart from '@fastify/multipart'
import rateLimit from '@fastify/rate-limit'
import { AppError } from '../lib/errors.js'

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024

declare module 'fastify' {
  interface FastifyInstance {
    /** preHandler for page forms: checks the CSRF token (field `_csrf`). */
    verifyCsrf: (req: FastifyRequest, reply: FastifyReply) => Promise<void>
  }
}

export default fp(async function security (app: FastifyInstance) {
  await app.register(cookie, { secret: app.config.jwtSecret })
  await app.register(formbody, { bodyLimit: 1024 * 1024 })
  // helmet's headers, its middleware built once. (@fastify/helmet 13 builds a new middleware,
  // parsing the CSP again, on every request: ~10 % of a small API call's time.)
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"]
      }
    },
    // Set below, only on answers to requests that arrived over HTTPS (never over plain HTTP).
    strictTransportSecurity: false
  })
  app.addHook('onRequest', (req, reply, done) => {
    // Behind TLS (a trusted proxy saying X-Forwarded-Proto: https, or TLS here): browsers are
    // told to use HTTPS only from now on.
    if (req.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains')
    securityHeaders(req.raw, reply.raw, (err?: unknown) => { done(err as Error | undefined) })
  })
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: '_csrf',
    // Secure whenever the request came over HTTPS, like every other cookie.
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', signed: true, secure: 'auto' },
    // Multipart forms are read in the handler, after this check, so they carry the token in the query.
    getToken: (req) => (req.body as Record<string, string> | undefined)?._csrf ??
      (req.query as Record<string, string> | undefined)?._csrf ?? (req.headers['x-csrf-token'] as string | undefined)
  })
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 10 /* several photos of one claim at once */, fields: 20, fieldSize: 64 * 1024 } })
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => new AppError(429, 'RATE_LIMITED', 'error.rateLimited')
  })

  app.decorate('verifyCsrf', async function (req: FastifyRequest, reply: FastifyReply) {
    await new Promise<void>((resolve, reject) => {
      app.csrfProtection(req, reply, (err?: Error) => {
        if (err !== undefined && err !== null) reject(new AppError(403, 'CSRF_INVALID', 'error.csrf'))
        else resolve()
      })
    })
  })
}, { name: 'security', dependencies: ['core'] })
