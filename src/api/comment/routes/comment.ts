import { factories } from '@strapi/strapi';
import { floodControl } from '#app/middlewares/flood-control';

/** Posting a comment is flood-controlled per connection and per confirmed address (config/moderation.ts `flood`). */
export default factories.createCoreRouter('api::comment.comment', { config: { create: { middlewares: [floodControl('comment')] } } });
