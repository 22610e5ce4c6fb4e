/** Links in a comment. (The spam issue replaces this with linkify-it over un-defanged raw input.) */
const EMAIL = /[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}/gi;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>"]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|info|biz|io|co|ru|xyz|top|online|site|shop|club|link|click)\b(?:\/[^\s<>"]*)?/gi;

export const findLinks = (text: string): string[] => text.replace(EMAIL, ' ').match(URL) ?? [];

export const domainOf = (link: string) =>
  link
    .replace(/^https?:\/\//i, '')
    .replace(/^www\./i, '')
    .split(/[/?#:]/)[0]
    .toLowerCase();
