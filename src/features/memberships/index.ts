import type { FastifyInstance } from 'fastify'
import { createMembershipsService } from './memberships-service.js'
import { createRosterImports } from './roster-import.js'
import { failStaleImports } from './memberships-repository.js'
import membershipsApi from './memberships-api.js'
import membershipsPages from './memberships-pages.js'
import bulkPages from './bulk-pages.js'

// The memberships feature: joining, approval, e-card and its public check, transfers,
// rosters, exports and roster imports; pages and /api/v1 share one service.
export default async function membershipsFeature (app: FastifyInstance): Promise<void> {
  const service = createMembershipsService(app.db, app.clock, app.pii, app.notifier)
  const imports = createRosterImports(app.db, app.clock, app.config.piiKey)
  // A write under way stops after its chunk; the import is recorded as interrupted.
  app.addHook('onClose', async () => { await imports.close() })
  // An import interrupted by a stop can never finish; say so rather than show it running forever.
  failStaleImports(app.db, app.clock.iso())
  app.meParts.push((actor) => ({ membership: service.meMembership(actor) }))
  await app.register(membershipsApi, { service, imports })
  await app.register(membershipsPages, { service, imports })
  await app.register(bulkPages, { service })
}
