import { createPublicReadController } from '../../../utils/public-controller';

export const PROGRAM_DEFAULT_POPULATE = {
  topics: { fields: ['name', 'slug'] },
  facilitator: true,
  schedule: { populate: { skippedDates: true } },
};

export default createPublicReadController('api::group-program.group-program', PROGRAM_DEFAULT_POPULATE);
