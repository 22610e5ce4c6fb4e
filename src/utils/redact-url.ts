/**
 * A request URL as the access log may keep it: the value of every query parameter that carries a token or a secret
 * (`token`, `registrationToken`, `access_token`, `confirmation`, `code`, `secret`, `password`, `signature`...), any
 * parameter value and any path segment that is a JWT, replaced by `[redacted]`. Readers' confirmation, unsubscribe,
 * export and erasure links all carry their token in `?token=`.
 */
export const REDACTED = '[redacted]';

const SECRET_PARAMETER = /token|secret|password|signature|confirmation|^code$/i;
const JWT = /^eyJ[\w-]*\.[\w-]*\.[\w-]*$/;

const decoded = (part: string) => {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    return part;
  }
};

const redactPair = (pair: string) => {
  const equals = pair.indexOf('=');
  if (equals === -1) return pair;
  const name = pair.slice(0, equals);
  return SECRET_PARAMETER.test(decoded(name)) || JWT.test(decoded(pair.slice(equals + 1))) ? `${name}=${REDACTED}` : pair;
};

export const redactUrl = (url: string): string => {
  const question = url.indexOf('?');
  const path = (question === -1 ? url : url.slice(0, question))
    .split('/')
    .map((segment) => (JWT.test(decoded(segment)) ? REDACTED : segment))
    .join('/');
  if (question === -1) return path;
  return `${path}?${url.slice(question + 1).split('&').map(redactPair).join('&')}`;
};
