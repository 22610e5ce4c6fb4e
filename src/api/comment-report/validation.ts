import { z } from 'zod';
import { REPORT_REASONS } from './services/comment-report';

/** POST /api/comments/:id/report */
export const reportSchema = z
  .object({
    reason: z.enum(REPORT_REASONS, { error: `reason must be one of ${REPORT_REASONS.join(', ')}` }),
    text: z.string({ error: 'text must be text' }).trim().max(1000, 'text must be at most 1000 characters').nullish(),
    commenterToken: z.string({ error: 'commenterToken must be text' }).max(2048, 'commenterToken must be at most 2048 characters').nullish(),
  })
  .strict();
