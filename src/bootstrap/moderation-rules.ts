import path from 'path';
import type { Core } from '@strapi/strapi';
import { lexicons, useLexiconDirs } from '#domain/moderation';
import { getConfig } from '../utils/config';

/**
 * The lexicons (data/lexicons and a deployment's LEXICON_DIRS) are read and checked at start-up: a malformed
 * pattern, an unknown list or a duplicate stops the server with its file and line named, not the first comment.
 */
export const loadModerationRules = (strapi: Core.Strapi) => {
  useLexiconDirs(getConfig(strapi, 'moderation').lexiconDirs.map((dir) => path.resolve(strapi.dirs.app.root, dir)));
  const { files } = lexicons();
  strapi.log.debug(`Moderation lexicons: ${files.length} files.`);
};
