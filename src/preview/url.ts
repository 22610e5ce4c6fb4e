import { fillTemplate, pageUrl } from '../utils/page-urls';

/** Content types the Content Manager can preview, and the name the website knows them by. */
export const PREVIEW_TYPES = {
  'api::article.article': 'article',
  'api::group-program.group-program': 'program',
} as const;
export type PreviewableUid = keyof typeof PREVIEW_TYPES;

export interface PreviewSettings {
  /** PREVIEW_URL: {url} {type} {slug} {documentId} {status} {secret} */
  urlTemplate: string;
  secret: string;
  pageTemplates: Record<PreviewableUid, string>;
}

export const isPreviewable = (uid: string): uid is PreviewableUid => uid in PREVIEW_TYPES;

/**
 * The URL the preview pane opens. The published version is the public page itself; a draft goes through the
 * website's preview entry point (PREVIEW_URL) with the shared secret, which the website checks before it turns on
 * its draft mode and fetches the draft with its server-side token (`status=draft`).
 */
export const previewUrl = (
  uid: PreviewableUid,
  document: { documentId: string; slug: string },
  status: 'draft' | 'published',
  settings: PreviewSettings
): string => {
  const url = pageUrl(settings.pageTemplates[uid], document.slug);
  if (status === 'published') return url;
  return fillTemplate(settings.urlTemplate, {
    url,
    type: PREVIEW_TYPES[uid],
    slug: document.slug,
    documentId: document.documentId,
    status,
    secret: settings.secret,
  });
};

/** The origins the admin panel may frame: those of the preview entry point and of the pages. */
export const previewOrigins = (settings: PreviewSettings) =>
  [...new Set([settings.urlTemplate, ...Object.values(settings.pageTemplates)].flatMap((template) => {
    try {
      return [new URL(template.replace(/\{\w+\}/g, 'x')).origin];
    } catch {
      return [];
    }
  }))];
