import type { SeedContext } from '../../cli/seed-demo.js'

// The buildings part of the demo database (filled in with the buildings feature).
export async function seedBuildings (ctx: SeedContext): Promise<void> {
  void ctx
}
