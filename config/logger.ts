import { winston, formats } from '@strapi/logger';

// Quiet tests (warnings and errors only); everything down to HTTP access lines elsewhere, unless LOG_LEVEL says otherwise.
const level = process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'warn' : 'http');

export default {
  level,
  format: formats.prettyPrint({ timestamps: 'YYYY-MM-DD HH:mm:ss.SSS' }),
  transports: [new winston.transports.Console()],
};
