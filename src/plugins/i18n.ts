import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { pickLang, t, type Lang } from '../i18n/index.js'

declare module 'fastify' {
  interface FastifyRequest {
    lang: Lang
    /** Translate in the request's language. */
    t: (key: string, params?: Record<string, unknown>) => string
  }
}

export default fp(async function i18n (app: FastifyInstance) {
  app.decorateRequest('lang', 'zh')
  app.decorateRequest('t', null as never)
  app.addHook('onRequest', async (req) => {
    const q = (req.query as Record<string, unknown> | undefined)?.lang
    const explicit = typeof q === 'string' ? q : req.cookies?.lang
    req.lang = pickLang(explicit, req.headers['accept-language'])
    req.t = (key, params) => t(req.lang, key, params)
  })
}, { name: 'i18n', dependencies: ['security'] })
