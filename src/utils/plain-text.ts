import { Parser } from 'htmlparser2';

const DROPPED_ELEMENTS = new Set(['script', 'style', 'iframe', 'object', 'noscript', 'template']);

const stripOnce = (html: string): string => {
  let text = '';
  let dropDepth = 0;
  const parser = new Parser(
    {
      onopentagname(name) {
        if (DROPPED_ELEMENTS.has(name)) dropDepth += 1;
      },
      onclosetag(name) {
        if (DROPPED_ELEMENTS.has(name) && dropDepth > 0) dropDepth -= 1;
      },
      ontext(chunk) {
        if (dropDepth === 0) text += chunk;
      },
    },
    { decodeEntities: true, lowerCaseTags: true }
  );
  parser.write(html);
  parser.end();
  return text;
};

// What a browser would read as the start of a tag ("x < y" is not one).
const LOOKS_LIKE_MARKUP = /<[a-z!/?]/i;

/**
 * User input as plain text: tags removed (with the content of scripts and styles), entities decoded. Decoding can
 * reveal markup that was escaped (`&lt;script&gt;`), so strip again until nothing that looks like a tag is left.
 */
export const toPlainText = (input: string): string => {
  let text = stripOnce(input);
  for (let pass = 0; pass < 4 && LOOKS_LIKE_MARKUP.test(text); pass += 1) text = stripOnce(text);
  if (LOOKS_LIKE_MARKUP.test(text)) text = text.replace(/</g, '‹');
  return text.replace(/\r\n?/g, '\n').replace(/[ \t]+\n/g, '\n').trim();
};
