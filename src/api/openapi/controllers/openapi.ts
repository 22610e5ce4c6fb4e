import fs from 'fs/promises';
import path from 'path';
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

/** The file `npm run openapi` writes and the repository commits; served as it is, read once per process. */
export const OPENAPI_FILE = 'openapi.json';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  let document: Promise<string> | undefined;
  return {
    async index(ctx: Context) {
      document ??= fs.readFile(path.join(strapi.dirs.app.root, OPENAPI_FILE), 'utf8');
      ctx.type = 'application/json; charset=utf-8';
      ctx.set('Cache-Control', 'public, max-age=300');
      ctx.body = await document;
    },
  };
};
