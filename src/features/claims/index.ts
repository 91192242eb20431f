import type { FastifyInstance } from 'fastify'

// The claims feature: routes (pages and /api/v1) are registered here.
export default async function claimsFeature (app: FastifyInstance): Promise<void> {
  void app
}
