import type { Context } from 'koa';

/**
 * The Content Manager's clone actions check only that the admin user may create the type, not that they may read
 * the document they copy: an Author (create, with "only what they created") could clone anyone's article and read
 * its draft and unpublished edits in the answer. Here both clone actions first check read permission on the source
 * document, with its creator, as the Content Manager's own findOne does; no permission answers 403, no source 404.
 */
type Controller = (ctx: Context) => Promise<unknown>;

interface ContentManagerPlugin {
  controllers: Record<string, Record<string, Controller>>;
}

interface PermissionChecker {
  cannot: { read(entity?: unknown): boolean };
}

const CLONE_ACTIONS = ['clone', 'autoClone'] as const;

const readableSource = (original: Controller): Controller =>
  async function cloneIfReadable(ctx) {
    const { userAbility } = ctx.state as { userAbility: unknown };
    const { model, sourceId } = ctx.params as { model: string; sourceId: string };
    const contentManager = strapi.plugin('content-manager');
    const checker = contentManager.service('permission-checker').create({ userAbility, model }) as PermissionChecker;
    if (checker.cannot.read()) return ctx.forbidden();
    const locale = (ctx.request.body as { locale?: unknown } | undefined)?.locale ?? (ctx.query.locale as string | undefined);
    const source = await contentManager
      .service('document-manager')
      .findOne(sourceId, model, { populate: { createdBy: true }, status: 'draft', ...(typeof locale === 'string' ? { locale } : {}) });
    if (!source) return ctx.notFound();
    if (checker.cannot.read(source)) return ctx.forbidden();
    return original(ctx);
  };

export default (plugin: ContentManagerPlugin) => {
  const collectionTypes = plugin.controllers['collection-types'];
  for (const action of CLONE_ACTIONS) collectionTypes[action] = readableSource(collectionTypes[action]);
  return plugin;
};
