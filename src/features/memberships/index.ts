import type { FastifyInstance } from 'fastify'

// The memberships feature: routes (pages and /api/v1) are registered here.
export default async function membershipsFeature (app: FastifyInstance): Promise<void> {
  void app
}
