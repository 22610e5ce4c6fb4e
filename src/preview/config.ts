import type { Core } from '@strapi/strapi';
import { DEFAULT_ARTICLE_URL_TEMPLATE, DEFAULT_PROGRAM_URL_TEMPLATE } from '../utils/page-urls';
import { readSecret } from '../utils/secrets';
import { isPreviewable, previewOrigins, previewUrl, type PreviewSettings } from './url';

type Env = Core.Config.Shared.ConfigParams['env'];
type FindDocument = (uid: string, documentId: string, status: 'draft' | 'published') => Promise<{ documentId: string; slug?: string | null } | null>;

export const DEFAULT_PREVIEW_URL =
  'https://counseling.example/api/preview?secret={secret}&type={type}&slug={slug}&documentId={documentId}&status={status}&url={url}';

/** On by default in development; in production once PREVIEW_SECRET is set (or PREVIEW_ENABLED=true, which then requires it). */
export const previewSettings = (env: Env): (PreviewSettings & { enabled: boolean; allowedOrigins: string[] }) => {
  const enabled = env.bool('PREVIEW_ENABLED', env('NODE_ENV') !== 'production' || Boolean(env('PREVIEW_SECRET')));
  const settings: PreviewSettings = {
    urlTemplate: env('PREVIEW_URL', DEFAULT_PREVIEW_URL),
    secret: enabled ? readSecret(process.env, 'PREVIEW_SECRET') : '',
    pageTemplates: {
      'api::article.article': env('ARTICLE_URL_TEMPLATE', DEFAULT_ARTICLE_URL_TEMPLATE),
      'api::group-program.group-program': env('PROGRAM_URL_TEMPLATE', DEFAULT_PROGRAM_URL_TEMPLATE),
    },
  };
  const allowedOrigins = env.array('PREVIEW_ALLOWED_ORIGINS', []).map((origin) => origin.trim()).filter(Boolean);
  return { ...settings, enabled, allowedOrigins: allowedOrigins.length > 0 ? allowedOrigins : previewOrigins(settings) };
};

/** The Content Manager's `preview.config.handler`: a URL for articles and programs, none (204) for other types. */
export const createPreviewHandler =
  (settings: PreviewSettings, findDocument: FindDocument) =>
  async (uid: string, { documentId, status }: { documentId?: string; status?: string | null }) => {
    if (!isPreviewable(uid) || !documentId) return null;
    const version = status === 'published' ? 'published' : 'draft';
    const document = await findDocument(uid, documentId, version);
    if (!document?.slug) return null;
    return previewUrl(uid, { documentId: document.documentId, slug: document.slug }, version, settings);
  };

/** `config/admin.ts` → `preview`. */
export const previewConfig = (env: Env): NonNullable<Core.Config.Admin['preview']> => {
  const { enabled, allowedOrigins, ...settings } = previewSettings(env);
  return {
    enabled,
    config: {
      allowedOrigins,
      handler: createPreviewHandler(settings, (uid, documentId, status) =>
        strapi.documents(uid as 'api::article.article').findOne({ documentId, status, fields: ['documentId', 'slug'] })
      ),
    },
  };
};
