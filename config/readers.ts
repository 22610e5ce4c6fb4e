import type { Core } from '@strapi/strapi';

/** Readers' voice and rights: reports, reply notifications, their own data. Documented in docs/readers.md. */
const config = ({ env }: Core.Config.Shared.ConfigParams) => {
  const publicUrl = env('PUBLIC_URL', 'http://localhost:1337');
  return {
    /** Open reports from this many different connections take an approved comment off the page until a moderator decides. */
    reportsToHide: env.int('READER_REPORTS_TO_HIDE', 3),
    /**
     * The thread link in a reply notification: `{slug}` (article), `{article}` (its documentId), `{locale}` (the
     * version's locale), `{comment}` (the reply), `{parent}`.
     */
    threadUrl: env('COMMENT_THREAD_URL', `${publicUrl}/api/articles/{article}/comments?locale={locale}#comment-{comment}`),
    /** The one-click unsubscribe link; `{token}` is replaced. */
    unsubscribeUrl: env('COMMENT_UNSUBSCRIBE_URL', `${publicUrl}/api/commenters/unsubscribe?token={token}`),
    /** Unsubscribe links work this many days. */
    unsubscribeDays: env.int('COMMENT_UNSUBSCRIBE_DAYS', 365),
    /** Export and erasure links expire after this many hours. */
    dataLinkHours: env.int('READER_DATA_LINK_HOURS', 24),
    exportUrl: env('READER_EXPORT_URL', `${publicUrl}/api/commenters/export/download?token={token}`),
    eraseUrl: env('READER_ERASE_URL', `${publicUrl}/api/commenters/erase/confirm?token={token}`),
    /** `anonymise`: their comments stay as "Former reader" placeholders (replies keep their context); `delete`: removed. */
    erasureMode: env('READER_ERASURE_MODE', 'anonymise') === 'delete' ? ('delete' as const) : ('anonymise' as const),
  };
};

export type ReadersConfig = ReturnType<typeof config>;

export default config;
