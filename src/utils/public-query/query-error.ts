import { errors } from '@strapi/utils';

/** A 400 naming the query parameter at fault, the shape every public-query refusal has. */
export const queryError = (path: string, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError', value: undefined }] });
