/**
 * A public read's populate, as the Document Service takes it (`{ fields, populate }` or `true`), turned into the
 * query engine's `select` and `populate`, holding only what Strapi's output sanitiser would let through: no private
 * or password attribute, published versions only of related documents that have drafts. The relation targets it
 * reaches are listed so a caller can check the reader may `find` each, as the sanitiser does.
 */
import type { Core, UID } from '@strapi/strapi';
import { contentTypes } from '@strapi/utils';
import { keptIn } from '../kept-in';

export type ReadPopulate = Record<string, true | { fields?: readonly string[]; populate?: ReadPopulate }>;

export interface EnginePart {
  select: string[];
  where?: Record<string, unknown>;
  populate?: Record<string, EnginePart>;
}

export interface Projection {
  root: EnginePart;
  /** Content types reached through a relation (not media or components): the reader needs `find` on each. */
  relationTargets: string[];
}

export type Model = { uid: string; attributes: Record<string, { type: string; target?: string; component?: string; private?: boolean }>; options?: { draftAndPublish?: boolean }; modelType?: string };

export const PUBLISHED = { publishedAt: { $notNull: true } };
const UPLOAD_FILE = 'plugin::upload.file';

class NotPlain extends Error {}

/** Whether `name` reaches a public answer: neither private nor a password (what the output sanitiser removes). */
export const visible = (model: Model, name: string) =>
  !contentTypes.isPrivateAttribute(model as never, name) && model.attributes[name]?.type !== 'password';

/** `id`, `documentId` (content types) and the visible scalar attributes asked for (all of them unless `fields`). */
const selectOf = (model: Model, fields?: readonly string[]): string[] => {
  const scalars = Object.keys(model.attributes).filter(
    (name) => contentTypes.isScalarAttribute(model.attributes[name] as never) && visible(model, name)
  );
  const chosen = fields ? scalars.filter((name) => fields.includes(name)) : scalars;
  const always = model.modelType === 'contentType' ? ['id', 'documentId'] : ['id'];
  return [...new Set([...always, ...chosen])];
};

const part = (strapi: Core.Strapi, model: Model, spec: ReadPopulate[string], targets: Set<string>): EnginePart => {
  const { fields, populate } = spec === true ? { fields: undefined, populate: undefined } : spec;
  const engine: EnginePart = { select: selectOf(model, fields) };
  if (model.options?.draftAndPublish) engine.where = PUBLISHED;
  if (populate) engine.populate = populateOf(strapi, model, populate, targets);
  return engine;
};

const populateOf = (strapi: Core.Strapi, model: Model, populate: ReadPopulate, targets: Set<string>): Record<string, EnginePart> => {
  const engine: Record<string, EnginePart> = {};
  for (const [name, spec] of Object.entries(populate)) {
    const attribute = model.attributes[name];
    if (!attribute || !visible(model, name)) continue;
    const targetUid = attribute.type === 'media' ? UPLOAD_FILE : attribute.type === 'component' ? attribute.component : attribute.type === 'relation' ? attribute.target : undefined;
    const target = targetUid ? (strapi.getModel(targetUid as UID.Schema) as unknown as Model | undefined) : undefined;
    // A dynamic zone, a polymorphic relation, a scalar: not a plain read (the core path knows what to do).
    if (!target) throw new NotPlain(`${model.uid}.${name} (${attribute.type})`);
    if (attribute.type === 'relation') targets.add(targetUid!);
    engine[name] = part(strapi, target, spec, targets);
  }
  return engine;
};

const projections = new Map<string, WeakMap<ReadPopulate, Projection | false>>();

/** The projection of `populate` on published `uid` documents, made once per populate object; null if it has none. */
export const projectionOf = (strapi: Core.Strapi, uid: UID.ContentType, populate: ReadPopulate): Projection | null =>
  keptIn(keptIn(projections, uid, () => new WeakMap()), populate, () => {
    const targets = new Set<string>();
    const model = strapi.getModel(uid) as unknown as Model;
    try {
      const root = { select: selectOf(model), populate: populateOf(strapi, model, populate, targets) };
      return { root, relationTargets: [...targets] };
    } catch (error) {
      if (error instanceof NotPlain) return false;
      throw error;
    }
  }) || null;
