/**
 * Custom comment routes. This file sorts before the core router (comment.ts) so that
 * `/comments/moderation-queue` is not read as `/comments/:id`.
 */
export default {
  routes: [
    {
      method: 'GET',
      path: '/comments/moderation-queue',
      handler: 'api::comment.comment.moderationQueue',
    },
    {
      method: 'POST',
      path: '/comments/:id/moderate',
      handler: 'api::comment.comment.moderate',
    },
    {
      method: 'GET',
      path: '/articles/:id/comments',
      handler: 'api::comment.comment.forArticle',
    },
  ],
};
