import fs from 'fs';
import path from 'path';
import { parse } from 'yaml';
import { messageLanguage, say } from '#domain/messages';

/** What readers are told, per language (data/messages/<language>.yaml). */
const dir = path.resolve(__dirname, '../../data/messages');
const keysOf = (language: string) => Object.keys(parse(fs.readFileSync(path.join(dir, `${language}.yaml`), 'utf8')) as object).sort();

it('says each message in the language asked, English for a language without a file, and fills placeholders', () => {
  expect(say('es', 'comment.published')).toBe('Gracias, tu comentario está publicado.');
  expect(say('es-MX', 'comment.published')).toBe('Gracias, tu comentario está publicado.');
  expect(say('xx', 'comment.published')).toBe('Thank you, your comment is published.');
  expect(say(null, 'comment.published')).toBe('Thank you, your comment is published.');
  expect(say('es', 'email.confirm.subject', { siteName: 'Práctica {x}' })).toBe('Confirma tu dirección de correo para comentar en Práctica {x}');
  expect(messageLanguage('ES')).toBe('es');
  expect(messageLanguage('de')).toBe('en');
  expect(() => say('en', 'no.such.key')).toThrow('No message "no.such.key"');
});

it('has every English key in every language file, and nothing else', () => {
  const english = keysOf('en');
  for (const name of fs.readdirSync(dir).filter((entry) => entry.endsWith('.yaml'))) expect(keysOf(name.replace('.yaml', ''))).toEqual(english);
});
