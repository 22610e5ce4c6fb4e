import type { Core, Modules } from '@strapi/strapi';

const INQUIRY = 'api::inquiry.inquiry';

/**
 * An inquiry's `handledAt` follows its `handling` however it is written (the front office's admin panel, a script):
 * set when it becomes handled, cleared when it is set back to new. Nobody types it.
 */
export const inquiryMiddleware =
  (_strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.uid !== INQUIRY || (context.action !== 'create' && context.action !== 'update')) return next();
    const params = context.params as { data?: Record<string, unknown> };
    const data = params.data;
    if (!data) return next();
    if (data.handling === 'handled') data.handledAt ??= new Date().toISOString();
    else if (data.handling === 'new' || (context.action === 'create' && data.handling === undefined)) data.handledAt = null;
    else delete data.handledAt;
    return next();
  };
