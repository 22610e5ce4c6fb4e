import { domainOf, findLinks } from '../text/links';
import { builtInTrustedDomains } from '../trusted-domains';
import type { Phase } from '../types';

/** A domain or one of its subdomains is on a list ("nhs.uk" covers "www.nhs.uk" and "111.nhs.uk"). */
export const onList = (domain: string, list: readonly string[]) => list.some((entry) => domain === entry || domain.endsWith(`.${entry}`));

/**
 * Links, however disguised (facts.links for the later phases). Links to helplines and health authorities
 * (trusted domains) raise nothing; one other link holds the comment, `maxLinks` make it spam. A known spam
 * source in the author's address or a link is spam.
 */
export const linksPhase: Phase = {
  name: 'links',
  run({ candidate, rules }) {
    const links = findLinks(candidate.markup ?? candidate.body);
    const domains = links.map(domainOf);
    const trusted = [...builtInTrustedDomains(), ...rules.trustedDomains];
    const untrustedLinks = links.filter((_, index) => !onList(domains[index], trusted));
    const untrusted = untrustedLinks.map(domainOf);
    const email = candidate.authorEmail.trim().toLowerCase();
    const spamSource =
      rules.spamEmails.some((entry) => entry.toLowerCase() === email) ||
      onList(email.split('@')[1] ?? '', rules.spamDomains) ||
      domains.some((domain) => onList(domain, rules.spamDomains));
    const flags = [
      ...(untrusted.length >= rules.maxLinks ? (['too-many-links'] as const) : untrusted.length > 0 ? (['link'] as const) : []),
      ...(spamSource ? (['known-spam-source'] as const) : []),
    ];
    return { flags, facts: { links, untrustedLinks } };
  },
};
