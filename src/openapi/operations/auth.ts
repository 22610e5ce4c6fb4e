import { errors, json, ok } from '../schemas';
import type { Describe } from './shared';

/** The users-permissions routes Public may call: API moderators sign in and reset a password (sign-up is closed). */
const SESSION = {
  type: 'object',
  required: ['jwt', 'user'],
  properties: { jwt: { type: 'string' }, user: { type: 'object', required: ['id', 'username', 'email'], properties: { id: { type: 'integer' }, username: { type: 'string' }, email: { type: 'string' } } } },
};

export const authOperations: Record<string, Describe> = {
  'plugin::users-permissions.auth.callback': ({ route }) => ({
    summary: route.path.includes('{provider}') ? 'Sign in through a provider callback (providers are off)' : 'Sign in (moderators): identifier and password',
    tags: ['Moderation'],
    ...(route.path.includes('{provider}')
      ? { parameters: [{ name: 'provider', in: 'path' as const, required: true, schema: { type: 'string' } }] }
      : { requestBody: { required: true, content: json({ type: 'object', required: ['identifier', 'password'], properties: { identifier: { type: 'string' }, password: { type: 'string' } } }) } }),
    responses: { '200': ok('Signed in.', SESSION), ...errors('BadRequest', 'TooManyRequests') },
  }),
  'plugin::users-permissions.auth.forgotPassword': () => ({
    summary: 'Ask for a password reset email',
    tags: ['Moderation'],
    requestBody: { required: true, content: json({ type: 'object', required: ['email'], properties: { email: { type: 'string' } } }) },
    responses: { '200': ok('Sent if the address is known.', { type: 'object', properties: { ok: { const: true } } }), ...errors('BadRequest', 'TooManyRequests') },
  }),
  'plugin::users-permissions.auth.resetPassword': () => ({
    summary: 'Reset a password with the code from the email',
    tags: ['Moderation'],
    requestBody: {
      required: true,
      content: json({ type: 'object', required: ['code', 'password', 'passwordConfirmation'], properties: { code: { type: 'string' }, password: { type: 'string' }, passwordConfirmation: { type: 'string' } } }),
    },
    responses: { '200': ok('Signed in with the new password.', SESSION), ...errors('BadRequest', 'TooManyRequests') },
  }),
  'plugin::users-permissions.auth.refresh': () => ({
    summary: 'Refresh a session (refresh-token mode only; otherwise 404)',
    tags: ['Moderation'],
    requestBody: { required: true, content: json({ type: 'object', properties: { refreshToken: { type: 'string' } } }) },
    responses: { '200': ok('A new access token.', { type: 'object', properties: { jwt: { type: 'string' } } }), ...errors('BadRequest', 'Unauthorized', 'NotFound') },
  }),
};
