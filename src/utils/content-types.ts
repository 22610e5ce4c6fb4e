import type { Core, UID } from '@strapi/strapi';

/** Whether documents of `uid` have a draft and a published version (a type this server does not have has none). */
export const hasDraftAndPublish = (strapi: Core.Strapi, uid: UID.ContentType): boolean => strapi.contentTypes[uid]?.options?.draftAndPublish === true;
