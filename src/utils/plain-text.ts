import { decodeHTML } from 'entities';
import sanitizeHtml from 'sanitize-html';

/** Elements whose content is never text a reader wrote. */
const DROPPED_ELEMENTS = ['script', 'style', 'iframe', 'object', 'noscript', 'template', 'textarea', 'option', 'title'];

const stripOnce = (html: string): string =>
  decodeHTML(sanitizeHtml(html, { allowedTags: [], allowedAttributes: {}, nonTextTags: DROPPED_ELEMENTS }));

// What a browser would read as the start of a tag ("x < y" is not one).
const LOOKS_LIKE_MARKUP = /<[a-z!/?]/i;

/**
 * User input as plain text: tags removed by sanitize-html (with the content of scripts and styles), entities
 * decoded. Decoding can reveal markup that was escaped (`&lt;script&gt;`), so strip again until nothing that looks
 * like a tag is left.
 */
export const toPlainText = (input: string): string => {
  let text = stripOnce(input);
  for (let pass = 0; pass < 4 && LOOKS_LIKE_MARKUP.test(text); pass += 1) text = stripOnce(text);
  if (LOOKS_LIKE_MARKUP.test(text)) text = text.replace(/</g, '‹');
  return text.replace(/\r\n?/g, '\n').replace(/[ \t]+\n/g, '\n').trim();
};
