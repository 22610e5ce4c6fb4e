import fs from 'fs';
import path from 'path';
import { parse } from 'yaml';
import { z } from 'zod';
import { dataDir } from '../data-dir';

/** The built-in trusted domains (data/trusted-domains.yaml), checked once: lower-case host names, no duplicates. */
const schema = z
  .object({
    domains: z
      .array(z.string().regex(/^(?:[a-z0-9-]+\.)+[a-z]{2,}$/, 'a domain is a lower-case host name such as "samaritans.org"'))
      .refine((list) => new Set(list).size === list.length, 'a domain is listed twice'),
  })
  .strict();

let loaded: string[] | undefined;

export const trustedDomainsFile = () => path.join(dataDir(), 'trusted-domains.yaml');

export const builtInTrustedDomains = (): string[] => {
  if (loaded) return loaded;
  const parsed = schema.safeParse(parse(fs.readFileSync(trustedDomainsFile(), 'utf8')));
  if (!parsed.success) throw new Error(`${trustedDomainsFile()}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  return (loaded = parsed.data.domains);
};
