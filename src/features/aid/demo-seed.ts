import type { SeedContext } from '../../cli/seed-demo.js'

// The aid part of the demo database (filled in with the aid feature).
export async function seedAid (ctx: SeedContext): Promise<void> {
  void ctx
}
