import type { FastifyInstance } from 'fastify'
import { createClaimsService } from './claims-service.js'
import claimsApi from './claims-api.js'
import claimsPages from './claims-pages.js'

// The claims feature: claims, documents, review, payment batches, settlement sheets, the fund
// overview. Pages and the JSON API (/api/v1/aid/claims…) are two doors onto one service.
export default async function claimsFeature (app: FastifyInstance): Promise<void> {
  const service = createClaimsService({ db: app.db, clock: app.clock, pii: app.pii, uploadDir: app.config.uploadDir })
  await app.register(claimsApi, { service })
  await app.register(claimsPages, { service })
}
