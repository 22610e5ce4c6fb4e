import path from 'path';
import type { Core } from '@strapi/strapi';
import { builtInSupportDir, chooseSupport, loadSupportFiles, type CrisisSupport, type SupportFile } from '#domain/care';
import { getConfig } from './config';

/** The support object for a comment's language, from the support files (read once per set of folders). */
const loaded = new Map<string, Map<string, SupportFile>>();

export const supportFor = (strapi: Core.Strapi, language: string | null | undefined): CrisisSupport => {
  const { country, extraDirs, practice } = getConfig(strapi, 'support');
  const dirs = [builtInSupportDir(), ...extraDirs.map((dir) => path.resolve(strapi.dirs.app.root, dir))];
  const key = dirs.join('\n');
  let files = loaded.get(key);
  if (!files) loaded.set(key, (files = loadSupportFiles(dirs)));
  return chooseSupport(files, { language: language ?? 'en', country, practice });
};
