'use strict';

/**
 * Indexes for what the hot paths filter and sort on: the moderation queue and public comment lists
 * (status, created), the previously-approved and duplicate checks (author email, content hash), slug look-ups,
 * and the feed's program filters and schedule dates.
 *
 * Strapi 5 runs migrations before it syncs the schema, so on a new database these tables do not exist yet and
 * this migration does nothing: the same indexes are declared under "indexes" in the content-type and component
 * schemas, and the schema sync creates them there. On a database created before they were declared, this adds
 * them (same names, so the sync sees nothing to change).
 */
/** @type {Array<[string, string, string[]]>} */
const INDEXES = [
  ['comments', 'comments_moderation_status_created_at_idx', ['moderation_status', 'created_at']],
  ['comments', 'comments_author_email_status_idx', ['author_email', 'moderation_status']],
  ['comments', 'comments_content_hash_idx', ['content_hash']],
  ['group_programs', 'group_programs_slug_idx', ['slug']],
  ['group_programs', 'group_programs_published_cancelled_kind_idx', ['published_at', 'cancelled', 'kind']],
  ['articles', 'articles_slug_idx', ['slug']],
  ['topics', 'topics_slug_idx', ['slug']],
  ['components_program_schedules', 'program_schedules_first_session_idx', ['first_session_date']],
  ['components_program_schedules', 'program_schedules_ends_end_date_idx', ['ends', 'end_date']],
];

module.exports = {
  async up(knex) {
    for (const [table, name, columns] of INDEXES) {
      if (!(await knex.schema.hasTable(table))) continue;
      const present = await Promise.all(columns.map((column) => knex.schema.hasColumn(table, column)));
      if (present.includes(false)) continue;
      await knex.raw(`CREATE INDEX IF NOT EXISTS ?? ON ?? (${columns.map(() => '??').join(', ')})`, [name, table, ...columns]);
    }
  },
};
