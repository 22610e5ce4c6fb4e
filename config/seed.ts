import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  // Load the demo content (seed article, topics, programs) when the database has no articles yet.
  onEmptyDatabase: env.bool('SEED_DEMO_CONTENT', env('NODE_ENV', 'development') === 'development'),
});

export type SeedConfig = ReturnType<typeof config>;

export default config;
